import {
  Badge,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Assessment } from "../../core/assessment";
import type { Pack } from "../../core/pack/schema";
import { localized } from "../../i18n";
import { GroupChart } from "../components/GroupChart";
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
});

export function ScorePanel({ assessment, pack }: { assessment: Assessment | null; pack: Pack | undefined }) {
  const styles = useStyles();
  const { t, locale } = useLocale();
  if (!assessment) return <Caption1>{t("ui.checks.notInstalled")}</Caption1>;
  const title = (itemId: string) => {
    const item = pack?.groups.flatMap((g) => g.items).find((i) => i.id === itemId);
    return item ? localized(locale, item.title) : itemId;
  };

  return (
    <div className={styles.root}>
      {!assessment.eligible && (
        <MessageBar intent="error" layout="multiline" data-testid="veto">
          <MessageBarBody>
            <MessageBarTitle>{t("ui.score.ineligible")}</MessageBarTitle>
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
        <Badge appearance="filled" color={assessment.score >= 60 ? "success" : "danger"} data-testid="band">
          {localized(locale, assessment.band.label)}
        </Badge>
        <Badge
          appearance="outline"
          color={assessment.eligible ? "success" : "danger"}
          data-testid="eligibility"
        >
          {t(assessment.eligible ? "ui.score.eligible" : "ui.score.notEligible")}
        </Badge>
      </div>
      <Caption1>
        {t("ui.score.context", {
          township: assessment.township || "—",
          date: assessment.assessmentDate ?? "—",
        })}
      </Caption1>
      <Subtitle2 as="h2">{t("ui.score.chart")}</Subtitle2>
      <GroupChart groups={assessment.groups} />
      <Subtitle2 as="h2">{t("ui.score.losses")}</Subtitle2>
      {assessment.groups
        .filter((g) => g.weight > 0)
        .map((g) => {
          const losses = assessment.gaps.filter((gap) => gap.groupId === g.groupId).slice(0, 3);
          return (
            <section key={g.groupId} className={styles.group} aria-label={localized(locale, g.title)}>
              <Text weight="semibold">
                {localized(locale, g.title)} · {g.score === null ? t("ui.score.na") : g.score.toFixed(1)}
              </Text>
              {losses.length === 0 ? (
                <Caption1>{t("ui.score.noLoss")}</Caption1>
              ) : (
                losses.map((gap) => (
                  <Caption1 key={gap.itemId} className={styles.loss}>
                    {t("ui.score.loss", {
                      item: gap.itemId,
                      title: title(gap.itemId),
                      points: gap.pointsLost.toFixed(1),
                    })}
                  </Caption1>
                ))
              )}
            </section>
          );
        })}
    </div>
  );
}
