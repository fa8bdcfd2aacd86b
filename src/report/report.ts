import type { Assessment } from "../core/assessment";
import type { Pack } from "../core/pack/schema";
import { findingMessage, localized, t, type Locale } from "../i18n";
import { barChartSvg } from "./chart";
import { aboutSection, formatTimestamp, signatureBlock } from "./colophon";
import { escapeHtml as e, PAGE_STYLE } from "./escape";
import { pageRule, REPORT_STYLE } from "./print";

export interface ReportOptions {
  /** When the report is made (printed in it); now by default. */
  generatedAt?: Date;
}

/** How each gap-table column wraps: see print.ts (short columns never break between characters). */
const COLUMNS = [
  ["index", "num nowrap"],
  ["itemId", "nowrap"],
  ["clause", "nowrap"],
  ["requirement", "wide"],
  ["group", ""],
  ["pointsLost", "num nowrap"],
  ["problems", "wide"],
  ["owner", "keep"],
  ["due", "nowrap"],
] as const;

/**
 * A self-contained gap report for one township, fit to print and to file: no scripts, no external
 * files; every printed page names the unit, the date and its page number; it ends with how it was
 * made and a block for the reviewer's signature.
 */
export function reportHtml(
  assessment: Assessment,
  pack: Pack,
  locale: Locale,
  options: ReportOptions = {},
): string {
  const generatedAt = options.generatedAt ?? new Date();
  const tr = (key: string, params = {}) => t(locale, `cli.report.${key}`, params);
  const township = assessment.township || tr("noTownship");
  const findingsByItem = new Map(assessment.items.map((i) => [i.itemId, i.findings]));
  const groupTitle = new Map(assessment.groups.map((g) => [g.groupId, localized(locale, g.title)]));

  const cards = [
    [tr("score"), assessment.score.toFixed(1), ""],
    [tr("band"), localized(locale, assessment.band.label), ""],
    [
      tr("eligibility"),
      assessment.eligible ? tr("eligible") : tr("notEligible"),
      assessment.eligible ? "good" : "bad",
    ],
    [tr("gapCount"), String(assessment.gaps.length), ""],
  ]
    .map(([label, value, cls]) => `<div class="card">${e(label)}<b class="${e(cls)}">${e(value)}</b></div>`)
    .join("");

  const vetoes =
    assessment.vetoes.length === 0
      ? `<p class="good">${e(tr("noVeto"))}</p>`
      : `<ul>${assessment.vetoes
          .map((v) => `<li class="bad">${e(v.itemId)} ${e(localized(locale, v.title))} — ${e(v.date)}</li>`)
          .join("")}</ul>`;

  const chart = barChartSvg(
    assessment.groups
      .filter((g) => g.weight > 0)
      .map((g) => ({ label: localized(locale, g.title), value: g.score })),
    tr("notApplicable"),
  );

  const headers = COLUMNS.map(([k]) => `<th scope="col">${e(tr(`col.${k}`))}</th>`).join("");
  const td = (column: number, html: string, extra = "") => {
    const cls = `${COLUMNS[column]?.[1] ?? ""} ${extra}`.trim();
    return `<td${cls ? ` class="${cls}"` : ""}>${html}</td>`;
  };
  const gapRows = assessment.gaps
    .map((gap, i) => {
      const problems = [
        t(locale, `reason.${gap.reason.code}`, gap.reason.params),
        ...(findingsByItem.get(gap.itemId) ?? []).map((f) => findingMessage(locale, f)),
      ];
      const due = gap.due ? `${gap.due}${gap.overdue ? ` (${tr("overdue")})` : ""}` : "";
      return `<tr>${[
        td(0, String(i + 1)),
        td(1, e(gap.itemId)),
        td(2, e(gap.clause)),
        td(3, e(localized(locale, gap.title))),
        td(4, e(groupTitle.get(gap.groupId) ?? gap.groupId)),
        td(5, e(gap.pointsLost.toFixed(1))),
        td(6, `<ul>${problems.map((p) => `<li>${e(p)}</li>`).join("")}</ul>`),
        td(7, e(gap.owner)),
        td(8, e(due), gap.overdue ? "bad" : ""),
      ].join("")}</tr>`;
    })
    .join("");
  const gapTable =
    assessment.gaps.length === 0
      ? `<p class="good">${e(tr("noGaps"))}</p>`
      : `<table><thead><tr>${headers}</tr></thead><tbody>${gapRows}</tbody></table>`;

  const otherFindings = assessment.findings.filter((f) => !f.itemId && f.severity !== "info");
  const general =
    otherFindings.length === 0
      ? ""
      : `<h2>${e(tr("generalFindings"))}</h2><ul>${otherFindings
          .map(
            (f) => `<li>${e(f.sheet)}${f.cell ? `!${e(f.cell)}` : ""}: ${e(findingMessage(locale, f))}</li>`,
          )
          .join("")}</ul>`;

  const title = tr("title", { township });
  const date = assessment.assessmentDate ?? tr("noDate");
  const page = pageRule({
    topLeft: tr("runningUnit", { township, date }),
    topRight: title,
    bottomLeft: tr("runningGenerated", { time: formatTimestamp(generatedAt) }),
    pageTemplate: tr("pageNumber"),
  });
  return `<!DOCTYPE html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${e(title)}</title><style>${PAGE_STYLE}${REPORT_STYLE}${page}</style></head><body>
<h1>${e(title)}</h1>
<div class="meta">${e(localized(locale, pack.title))} · ${e(tr("pack", { pack: assessment.packId, version: assessment.packVersion }))} · ${e(
    tr("assessmentDate"),
  )}: ${e(date)}</div>
<div class="summary"><div><div class="cards">${cards}</div>
<h2>${e(tr("vetoes"))}</h2>${vetoes}</div>
<div><h2>${e(tr("groups"))}</h2>${chart}</div></div>
<h2>${e(tr("gaps"))}</h2>${gapTable}
${general}
<div class="closing">${aboutSection(assessment, pack, locale, generatedAt)}
${signatureBlock(locale)}</div>
</body></html>
`;
}
