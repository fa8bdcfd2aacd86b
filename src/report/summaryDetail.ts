import {
  townshipRecord,
  type Consolidation,
  type TownshipInput,
  type TownshipRecord,
} from "../core/consolidate";
import { findingMessage, localized, t, type Locale } from "../i18n";
import { formatChange } from "../core/consolidate";
import { escapeHtml as e } from "./escape";
import { changeCell, heatCell } from "./summaryCells";

const STYLE = `
.township{margin-top:28px}
.township .back{font-size:12px;margin-left:12px;font-weight:normal}
@media print{.township{break-before:page}.township .back{display:none}a{color:inherit;text-decoration:none}}
`;

/**
 * One section per township of the summary (in rank order), for `taizhang consolidate --html`: its
 * group scores with 实得/应得, its findings count and its gap list, each reachable by an anchor from
 * the ranking. Townships without an assessment (none given) get no section.
 */
export function townshipSections(
  summary: Consolidation,
  details: readonly (TownshipInput | TownshipRecord)[],
  locale: Locale,
): { html: string; style: string; anchors: ReadonlyMap<string, string> } {
  const tr = (key: string, params = {}) => t(locale, `cli.summary.detail.${key}`, params);
  const col = (key: string) => `<th>${e(t(locale, `cli.report.col.${key}`))}</th>`;
  const bySource = new Map(details.map((d) => [d.source, townshipRecord(d, { findings: true }).assessment]));
  const anchors = new Map<string, string>();
  const sections: string[] = [];
  summary.townships.forEach((row, i) => {
    const assessment = bySource.get(row.source);
    if (!assessment) return;
    const id = `township-${i + 1}`;
    anchors.set(row.source, id);
    const errors = assessment.errorCount;
    const warnings = assessment.warningCount;
    const change = row.change;
    const groups = assessment.groups
      .filter((g) => g.points > 0)
      .map(
        (g) =>
          `<tr><td>${e(localized(locale, g.title))}</td>${heatCell(g.score, tr("na"))}<td class="num">${e(
            g.earned.toFixed(1),
          )}</td><td class="num">${e(g.applicable.toFixed(1))}</td>${
            change ? changeCell(change.groups[g.groupId]) : ""
          }</tr>`,
      )
      .join("");
    const title =
      row.assessmentYear === null
        ? tr("title", { rank: row.rank, township: row.township })
        : t(locale, "xlsx.summary.detail.yearTitle", {
            rank: row.rank,
            township: row.township,
            year: row.assessmentYear,
          });
    const changeLine = change
      ? `<p class="change">${e(
          t(locale, "xlsx.summary.detail.change", {
            year: change.previousYear,
            previous: change.previousScore.toFixed(1),
            change: formatChange(change.score),
            source: change.previousSource,
          }),
        )}</p>`
      : "";
    const gaps = assessment.gaps
      .map((gap, n) => {
        const findings = assessment.gapFindings?.get(gap.itemId) ?? [];
        const problems = [
          t(locale, `reason.${gap.reason.code}`, gap.reason.params),
          ...findings.map((f) => findingMessage(locale, f)),
        ];
        return `<tr><td class="num">${n + 1}</td><td>${e(gap.itemId)}</td><td>${e(gap.clause)}</td><td>${e(
          localized(locale, gap.title),
        )}</td><td class="num">${e(gap.pointsLost.toFixed(1))}</td><td>${e(problems.join(";"))}</td><td>${e(
          gap.owner,
        )}</td><td>${e(gap.due)}</td></tr>`;
      })
      .join("");
    sections.push(`<section class="township" id="${id}">
<h2>${e(title)}<a class="back" href="#matrix">${e(tr("back"))}</a></h2>
<p>${e(
      tr("line", {
        score: row.score.toFixed(1),
        band: localized(locale, row.band.label),
        errors,
        warnings,
        gaps: assessment.gaps.length,
        source: row.source,
      }),
    )}</p>
${changeLine}
<table><thead><tr><th>${e(tr("group"))}</th><th>${e(tr("score"))}</th><th>${e(tr("earned"))}</th><th>${e(
      tr("possible"),
    )}</th>${change ? `<th>${e(t(locale, "xlsx.summary.detail.col.change"))}</th>` : ""}</tr></thead><tbody>${groups}</tbody></table>
${
  assessment.gaps.length === 0
    ? `<p>${e(tr("noGaps"))}</p>`
    : `<table><thead><tr>${[
        "index",
        "itemId",
        "clause",
        "requirement",
        "pointsLost",
        "problems",
        "owner",
        "due",
      ]
        .map(col)
        .join("")}</tr></thead><tbody>${gaps}</tbody></table>`
}
</section>`);
  });
  return { html: sections.join("\n"), style: sections.length > 0 ? STYLE : "", anchors };
}
