import {
  Badge,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Assessment } from "../../core/assessment";
import type { Pack } from "../../core/pack/schema";
import { localized } from "../../i18n";
import { AsideItems } from "../components/AsideItems";
import { GroupChart } from "../components/GroupChart";
import { LocalMark } from "../components/LocalMark";
import { formatPoints as pts } from "../../core/score/round";
import { useLocale } from "../locale";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  headline: { display: "flex", alignItems: "baseline", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  score: {
    fontSize: tokens.fontSizeHero800,
    lineHeight: tokens.lineHeightHero800,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  group: { display: "flex", flexDirection: "column", gap: "2px" },
  loss: { overflowWrap: "anywhere" },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
});

export function ScorePanel({ assessment, pack }: { assessment: Assessment | null; pack: Pack | undefined }) {
  const styles = useStyles();
  const { t, locale } = useLocale();
  if (!assessment) return <Caption1>{t("ui.checks.notInstalled")}</Caption1>;
  const items = new Map(pack?.groups.flatMap((g) => g.items.map((i) => [i.id, i] as const)) ?? []);
  const title = (itemId: string) => {
    const item = items.get(itemId);
    return item ? localized(locale, item.title) : itemId;
  };
  const bands = pack?.assessment.bands ?? [];
  const bandRank = bands.findIndex((b) => b.id === assessment.band.id);
  const passRank = bands.findIndex((b) => b.id === pack?.assessment.passBand);
  const passing = bandRank >= 0 && passRank >= 0 && bandRank <= passRank;
  const { total } = assessment;
  const groups = assessment.groups.filter((g) => g.points > 0);

  return (
    <div className={styles.root}>
      {assessment.hasVeto && !assessment.eligible && (
        <MessageBar intent="error" layout="multiline" data-testid="veto">
          <MessageBarBody>
            <MessageBarTitle>{t("ui.score.vetoFound")}</MessageBarTitle>
            <ul className={styles.list}>
              {assessment.vetoes.map((v) => (
                <li key={v.itemId}>
                  {t("ui.score.veto", { item: localized(locale, v.title), date: v.date })}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.headline}>
        <span className={styles.score} data-testid="score">
          {assessment.score.toFixed(1)}
        </span>
        <Text>{t("ui.score.points")}</Text>
        <Badge appearance="filled" color={passing ? "success" : "danger"} data-testid="band">
          {localized(locale, assessment.band.label)}
        </Badge>
        {pack?.assessment.bandsBasis.basis === "local" && (
          <LocalMark note={pack.assessment.bandsBasis.note} />
        )}
        {assessment.hasVeto && (
          <Badge
            appearance="outline"
            color={assessment.recognized ? "success" : "danger"}
            data-testid="recognition"
          >
            {t(assessment.recognized ? "ui.score.recognized" : "ui.score.notRecognized")}
          </Badge>
        )}
      </div>
      <Text data-testid="totals">
        {t("ui.score.totals", {
          earned: pts(total.earned),
          applicable: pts(total.applicable),
          total: pts(total.points),
        })}
        {pack?.assessment.points.basis === "local" && <LocalMark note={pack.assessment.points.note} />}
      </Text>
      {assessment.scaled && (
        <Caption1 data-testid="scaled">
          {t("ui.score.scaled", {
            earned: pts(total.earned),
            applicable: pts(total.applicable),
            total: pts(total.points),
            score: assessment.score.toFixed(1),
          })}
        </Caption1>
      )}
      {assessment.hasVeto && (
        <Caption1 data-testid="veto-status">
          {t(assessment.eligible ? "ui.score.noVeto" : "ui.score.vetoFound")}
        </Caption1>
      )}
      <Caption1>
        {t("ui.score.context", {
          township: assessment.township || "—",
          date: assessment.assessmentDate ?? "—",
          year: assessment.assessmentYear ?? "—",
        })}
      </Caption1>
      <Subtitle2 as="h2">{t("ui.score.chart")}</Subtitle2>
      <GroupChart groups={assessment.groups} />
      <Table size="extra-small" aria-label={t("ui.score.table")} data-testid="group-points">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("ui.score.group")}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t("ui.score.col.points")}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t("ui.score.col.applicable")}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t("ui.score.col.earned")}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t("ui.score.col.lost")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {groups.map((g) => (
            <TableRow key={g.groupId}>
              <TableCell>{localized(locale, g.title)}</TableCell>
              <TableCell className={styles.number}>{pts(g.points)}</TableCell>
              <TableCell className={styles.number}>{pts(g.applicable)}</TableCell>
              <TableCell className={styles.number}>{pts(g.earned)}</TableCell>
              <TableCell className={styles.number}>{pts(g.lost)}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell>
              <Text weight="semibold">{t("ui.score.sum")}</Text>
            </TableCell>
            <TableCell className={styles.number}>{pts(total.points)}</TableCell>
            <TableCell className={styles.number}>{pts(total.applicable)}</TableCell>
            <TableCell className={styles.number}>{pts(total.earned)}</TableCell>
            <TableCell className={styles.number}>{pts(total.applicable - total.earned)}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
      <Subtitle2 as="h2">{t("ui.score.losses")}</Subtitle2>
      {groups.map((g) => {
        const losses = assessment.gaps.filter((gap) => gap.groupId === g.groupId).slice(0, 3);
        return (
          <section key={g.groupId} className={styles.group} aria-label={localized(locale, g.title)}>
            <Text weight="semibold">
              {localized(locale, g.title)} ·{" "}
              {t("ui.score.groupLine", { earned: pts(g.earned), applicable: pts(g.applicable) })}
            </Text>
            {losses.length === 0 ? (
              <Caption1>{t("ui.score.noLoss")}</Caption1>
            ) : (
              losses.map((gap) => (
                <Caption1 key={gap.itemId} className={styles.loss}>
                  {t("ui.score.loss", {
                    item: gap.itemId,
                    title: title(gap.itemId),
                    points: pts(gap.pointsLost),
                    of: pts(gap.points),
                  })}
                </Caption1>
              ))
            )}
          </section>
        );
      })}
      <AsideItems assessment={assessment} />
    </div>
  );
}
