import { Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Assessment } from "../core/assessment";
import { localized, t as translate } from "../i18n";
import { useLocale } from "./locale";

/** How many gaps the drill-down lists; the township's own workbook has them all. */
const TOP_GAPS = 10;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

/**
 * One township of the 汇总 opened up: its group scores (实得/应得), how many findings its workbook
 * has, and its largest gaps, from the assessment read for the ranking (nothing is read again).
 */
export function TownshipDetail({ assessment, id }: { assessment: Assessment; id: string }) {
  const styles = useStyles();
  const { t, locale } = useLocale();
  const errors = assessment.findings.filter((f) => f.severity === "error").length;
  const warnings = assessment.findings.filter((f) => f.severity === "warning").length;
  const gaps = assessment.gaps.slice(0, TOP_GAPS);
  return (
    <div className={styles.root} id={id} data-testid="township-detail">
      <Text weight="semibold">{t("ui.consolidate.detail.groups")}</Text>
      <ul className={styles.list}>
        {assessment.groups.map((group) => (
          <li key={group.groupId}>
            <Caption1>
              {group.score === null
                ? t("ui.consolidate.detail.groupNa", { group: localized(locale, group.title) })
                : t("ui.consolidate.detail.group", {
                    group: localized(locale, group.title),
                    score: group.score.toFixed(1),
                    earned: group.earned.toFixed(1),
                    possible: group.applicable.toFixed(1),
                  })}
            </Caption1>
          </li>
        ))}
      </ul>
      <Caption1>{t("ui.consolidate.detail.findings", { errors, warnings })}</Caption1>
      <Text weight="semibold">
        {t("ui.consolidate.detail.gaps", { shown: gaps.length, total: assessment.gaps.length })}
      </Text>
      {gaps.length === 0 ? (
        <Caption1>{t("ui.consolidate.detail.noGaps")}</Caption1>
      ) : (
        <ol className={styles.list}>
          {gaps.map((gap) => (
            <li key={gap.itemId}>
              <Caption1>
                {t("ui.consolidate.detail.gap", {
                  item: gap.itemId,
                  title: localized(locale, gap.title),
                  points: gap.pointsLost.toFixed(1),
                  reason: translate(locale, `reason.${gap.reason.code}`, gap.reason.params),
                })}
              </Caption1>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
