import { Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Assessment } from "../core/assessment";
import { formatChange, heatColor, type YearChange } from "../core/consolidate";
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
  /** The group's band colour, as on the 乡镇详情 sheet. */
  swatch: {
    display: "inline-block",
    width: "0.8em",
    height: "0.8em",
    marginRight: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusSmall,
    verticalAlign: "middle",
  },
});

/** The group's change since the previous 评估年度 in words; nothing without one. */
function changeText(change: YearChange | null, groupId: string, words: (change: string) => string): string {
  const value = change?.groups[groupId] ?? null;
  return value === null ? "" : words(formatChange(value));
}

/**
 * One township of the 汇总 opened up: its group scores (实得/应得), how many findings its workbook
 * has, and its largest gaps, from the assessment read for the ranking (nothing is read again).
 */
export function TownshipDetail({
  assessment,
  change = null,
  id,
}: {
  assessment: Assessment;
  /** The change since the township's previous 评估年度, when the batch has it. */
  change?: YearChange | null;
  id: string;
}) {
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
            <span
              className={styles.swatch}
              style={{ backgroundColor: heatColor(group.score) ?? tokens.colorNeutralBackground3 }}
              aria-hidden
            />
            <Caption1>
              {group.score === null
                ? t("ui.consolidate.detail.groupNa", { group: localized(locale, group.title) })
                : t("ui.consolidate.detail.group", {
                    group: localized(locale, group.title),
                    score: group.score.toFixed(1),
                    earned: group.earned.toFixed(1),
                    possible: group.applicable.toFixed(1),
                  })}
              {changeText(change, group.groupId, (text) =>
                t("ui.consolidate.detail.groupChange", { change: text }),
              )}
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
