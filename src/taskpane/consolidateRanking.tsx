import { Badge, Button, Caption1, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Assessment } from "../core/assessment";
import { formatChange, heatColor, type Consolidation, type TownshipRow } from "../core/consolidate";
import { localized } from "../i18n";
import { TownshipDetail } from "./consolidateDetail";
import type { ConsolidateState } from "./consolidateRun";
import { useLocale } from "./locale";

/** How many of the most-missed items the pane lists (the 共性差距 sheet has them all). */
const TOP_MISSED = 5;

/** The 汇总 tab's lists: the ranking, the most-missed items and the files. */
export const useListStyles = makeStyles({
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  row: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
    minWidth: 0,
  },
  head: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  name: { minWidth: 0, overflowWrap: "anywhere" },
  badge: { flexShrink: 0, whiteSpace: "nowrap" },
  /** The score on its band colour, as the 汇总 sheet fills it. */
  heat: {
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    color: "#000000",
  },
});

/** Each checked file's assessment by its name, the ranking's `source`. */
export function assessmentsBySource(files: ConsolidateState["files"]): ReadonlyMap<string, Assessment> {
  const out = new Map<string, Assessment>();
  for (const file of files)
    if (file.status.state === "checked" && !out.has(file.name)) out.set(file.name, file.status.assessment);
  return out;
}

/** The ranking (latest 评估年度 of each township), each row opening its drill-down. */
export function Ranking({
  summary,
  details,
}: {
  summary: Consolidation;
  details: ReadonlyMap<string, Assessment>;
}) {
  const classes = useListStyles();
  const { t, locale } = useLocale();
  // One township open at a time: the pane is narrow.
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section aria-label={t("ui.consolidate.rankingLabel")}>
      <Subtitle2 as="h3" block>
        {t("ui.consolidate.ranking")}
      </Subtitle2>
      <Caption1 as="p">
        {t("ui.consolidate.mean", {
          mean: summary.meanScore ?? "—",
          eligible: summary.eligibleCount,
          count: summary.townships.length,
        })}
      </Caption1>
      <ol className={classes.list} data-testid="consolidate-ranking">
        {summary.townships.map((row, index) => {
          const detail = details.get(row.source);
          const expanded = open === row.source;
          const detailId = `township-detail-${index}`;
          return (
            <li key={`${row.source}`} className={classes.row}>
              <div className={classes.head}>
                <Text weight="semibold" className={classes.name}>
                  {t("ui.consolidate.row", { rank: row.rank, township: row.township })}
                </Text>
                <Badge
                  className={classes.badge}
                  color={row.eligible ? "success" : "danger"}
                  appearance={row.eligible ? "tint" : "filled"}
                >
                  {t(row.eligible ? "ui.consolidate.eligible" : "ui.consolidate.ineligible")}
                </Badge>
              </div>
              <Caption1>
                <span className={classes.heat} style={{ backgroundColor: heatColor(row.score) ?? undefined }}>
                  {t("ui.consolidate.score", {
                    score: row.score.toFixed(1),
                    band: localized(locale, row.band.label),
                  })}
                </span>
              </Caption1>
              <YearChangeLine row={row} />
              {row.duplicateSources.length > 0 && (
                <Caption1 data-testid="duplicate">
                  {t("ui.consolidate.duplicate", { files: row.duplicateSources.join("; ") })}
                </Caption1>
              )}
              {row.vetoes.length > 0 && (
                <Caption1>
                  {t("ui.consolidate.vetoes", {
                    items: row.vetoes
                      .map((v) => t("ui.score.veto", { item: localized(locale, v.title), date: v.date }))
                      .join(";"),
                  })}
                </Caption1>
              )}
              {detail && (
                <div>
                  <Button
                    size="small"
                    appearance="subtle"
                    aria-expanded={expanded}
                    aria-controls={detailId}
                    aria-label={t(
                      expanded ? "ui.consolidate.detail.closeLabel" : "ui.consolidate.detail.openLabel",
                      {
                        township: row.township,
                      },
                    )}
                    onClick={() => setOpen(expanded ? null : row.source)}
                  >
                    {t(expanded ? "ui.consolidate.detail.close" : "ui.consolidate.detail.open")}
                  </Button>
                </div>
              )}
              {detail && expanded && <TownshipDetail assessment={detail} change={row.change} id={detailId} />}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The items most often missing across the townships ranked. */
export function Missed({ summary }: { summary: Consolidation }) {
  const classes = useListStyles();
  const { t, locale } = useLocale();
  const top = summary.mostMissed.slice(0, TOP_MISSED);
  return (
    <section aria-label={t("ui.consolidate.missedLabel")}>
      <Subtitle2 as="h3" block>
        {t("ui.consolidate.missed", { count: top.length })}
      </Subtitle2>
      {top.length === 0 ? (
        <Caption1 as="p">{t("ui.consolidate.noMissed")}</Caption1>
      ) : (
        <ol className={classes.list} data-testid="consolidate-missed">
          {top.map((item) => (
            <li key={item.itemId} className={classes.row}>
              <Text weight="semibold" className={classes.name}>
                {item.itemId} {localized(locale, item.title)}
              </Text>
              <Caption1>
                {t("ui.consolidate.missedItem", {
                  count: item.count,
                  total: summary.townships.length,
                })}
              </Caption1>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** "较 2024 年度(72.5 分):▲ 8.5" under a township compared with its previous 评估年度. */
function YearChangeLine({ row }: { row: TownshipRow }) {
  const { t } = useLocale();
  if (!row.change) return null;
  return (
    <Caption1 data-testid="year-change">
      {t("ui.consolidate.change", {
        year: row.change.previousYear,
        previous: row.change.previousScore.toFixed(1),
        change: formatChange(row.change.score),
      })}
    </Caption1>
  );
}
