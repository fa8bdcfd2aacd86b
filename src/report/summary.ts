import { groupHeading, groupScoreOf } from "../core/consolidate";
import type { Consolidation, TownshipInput, TownshipRecord } from "../core/consolidate";
import { localized, t, type Locale } from "../i18n";
import type { SkippedFile } from "../xlsx";
import { escapeHtml as e, PAGE_STYLE } from "./escape";
import { changeCell, HEAT_STYLE, heatCell } from "./summaryCells";
import { townshipSections } from "./summaryDetail";

/**
 * The consolidation as a self-contained HTML page: heat-map matrix, most-missed items, notes. With
 * the townships' assessments, each township name links to its own section (group scores, findings,
 * gaps), and each section starts a printed page. A township also in an earlier 评估年度 shows the
 * change per group and in total.
 */
export function summaryHtml(
  summary: Consolidation,
  skipped: readonly SkippedFile[],
  locale: Locale,
  details: readonly (TownshipInput | TownshipRecord)[] = [],
): string {
  const detail = townshipSections(summary, details, locale);
  const tr = (key: string, params = {}) => t(locale, `xlsx.summary.${key}`, params);
  const title = tr("title", {
    count: summary.townships.length,
    eligible: summary.eligibleCount,
    mean: summary.meanScore ?? "—",
  });
  const th = (text: string) => `<th>${e(text)}</th>`;
  const cell = (score: number | null) => heatCell(score);
  const changes = summary.townships.some((row) => row.change !== null);
  const head = [
    ...["rank", "township", "score", "band", "eligible"].map((k) => tr(`col.${k}`)),
    ...summary.groups.map((g) => localized(locale, groupHeading(summary, g))),
    ...(changes
      ? [
          tr("col.change"),
          ...summary.groups.map((g) =>
            tr("col.groupChange", { group: localized(locale, groupHeading(summary, g)) }),
          ),
        ]
      : []),
    ...["gaps", "errors", "vetoes", "year", "source", "duplicate"].map((k) => tr(`col.${k}`)),
  ]
    .map(th)
    .join("");
  const rows = summary.townships
    .map(
      (row) =>
        `<tr><td class="num">${row.rank}</td><td>${
          detail.anchors.has(row.source)
            ? `<a href="#${detail.anchors.get(row.source)}">${e(row.township)}</a>`
            : e(row.township)
        }</td>${cell(row.score)}<td>${e(
          localized(locale, row.band.label),
        )}</td><td class="${row.eligible ? "good" : "bad"}">${e(tr(row.eligible ? "eligible.yes" : "eligible.no"))}</td>${summary.groups
          .map((g) => cell(groupScoreOf(row, g)))
          .join("")}${
          changes
            ? [
                changeCell(row.change?.score),
                ...summary.groups.map((g) =>
                  changeCell(g.packId === row.packId ? row.change?.groups[g.groupId] : null),
                ),
              ].join("")
            : ""
        }<td class="num">${row.gapCount}</td><td class="num">${row.errorCount}</td><td class="num">${
          row.vetoCount
        }</td><td class="num">${e(row.assessmentYear ?? "")}</td><td>${e(row.source)}</td><td${row.duplicateSources.length > 0 ? ' class="bad"' : ""}>${e(
          row.duplicateSources.join("; "),
        )}</td></tr>`,
    )
    .join("");
  const missedHead = ["index", "itemId", "clause", "requirement", "count", "share", "pointsLost", "townships"]
    .map((k) => th(tr(`col.${k}`)))
    .join("");
  const missedRows = summary.mostMissed
    .map(
      (m, i) =>
        `<tr><td class="num">${i + 1}</td><td>${e(m.itemId)}</td><td>${e(m.clause)}</td><td>${e(
          localized(locale, m.title),
        )}</td><td class="num">${m.count}</td><td class="num">${Math.round(m.share * 100)}%</td><td class="num">${e(
          m.pointsLost.toFixed(1),
        )}</td><td>${e(m.townships.join("、"))}</td></tr>`,
    )
    .join("");
  const notes = [
    ...summary.notes.map((n) => t(locale, n.code, n.params)),
    ...skipped.map((s) => tr("skipped", { source: s.source, reason: s.reason })),
  ];
  return `<!DOCTYPE html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${e(title)}</title><style>${PAGE_STYLE}${HEAT_STYLE}${detail.style}</style></head><body>
<h1>${e(title)}</h1>
<h2 id="matrix">${e(tr("sheet.matrix"))}</h2>
<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>
<h2>${e(tr("missedTitle"))}</h2>
<table><thead><tr>${missedHead}</tr></thead><tbody>${missedRows}</tbody></table>
<h2>${e(tr("notesTitle"))}</h2>
<ul>${(notes.length > 0 ? notes : [tr("noNotes")]).map((n) => `<li>${e(n)}</li>`).join("")}</ul>
${detail.html}
</body></html>
`;
}
