import type { Assessment } from "../core/assessment";
import { formatPoints as pts } from "../core/score/round";
import type { AppliedSettings } from "../core/pack";
import type { Pack } from "../core/pack/schema";
import { findingMessage, localized, t, type Locale } from "../i18n";
import { barChartSvg } from "./chart";
import { aboutSection, formatTimestamp, signatureBlock } from "./colophon";
import { escapeHtml as e, PAGE_STYLE } from "./escape";
import { pageRule, REPORT_STYLE } from "./print";

export interface ReportOptions {
  /** When the report is made (printed in it); now by default. */
  generatedAt?: Date;
  /** The local settings the pack was adjusted with, named in the report; none by default. */
  settings?: AppliedSettings | null;
}

/** How each gap-table column wraps: see print.ts (short columns never break between characters). */
const COLUMNS = [
  ["index", "num nowrap"],
  ["itemId", "nowrap"],
  ["clause", "nowrap"],
  ["requirement", "wide"],
  ["group", ""],
  ["points", "num nowrap"],
  ["earned", "num nowrap"],
  ["pointsLost", "num nowrap"],
  ["problems", "wide"],
  ["criteria", "wide"],
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
  const settings = options.settings ?? null;
  const tr = (key: string, params = {}) => t(locale, `cli.report.${key}`, params);
  const township = assessment.township || tr("noTownship");
  const findingsByItem = new Map(assessment.items.map((i) => [i.itemId, i.findings]));
  const groupTitle = new Map(assessment.groups.map((g) => [g.groupId, localized(locale, g.title)]));

  const { total } = assessment;
  const cards = [
    [tr("score"), assessment.score.toFixed(1), ""],
    [tr("points"), tr("pointsValue", { earned: pts(total.earned), applicable: pts(total.applicable) }), ""],
    [tr("band"), localized(locale, assessment.band.label), ""],
    ...(assessment.hasVeto
      ? [
          [
            tr("recognition"),
            assessment.recognized ? tr("recognized") : tr("notRecognized"),
            assessment.recognized ? "good" : "bad",
          ],
        ]
      : []),
    [tr("gapCount"), String(assessment.gaps.length), ""],
  ]
    .map(([label, value, cls]) => `<div class="card">${e(label)}<b class="${e(cls)}">${e(value)}</b></div>`)
    .join("");

  const scaling = assessment.scaled
    ? `<p>${e(
        tr("scaled", {
          earned: pts(total.earned),
          applicable: pts(total.applicable),
          total: pts(total.points),
          score: assessment.score.toFixed(1),
        }),
      )}</p>`
    : "";
  const vetoes = !assessment.hasVeto
    ? scaling
    : `${scaling}<h2>${e(tr("vetoes"))}</h2>${
        assessment.vetoes.length === 0
          ? `<p class="good">${e(tr("noVeto"))}</p>`
          : `<p class="bad">${e(tr("vetoFound"))}</p><ul>${assessment.vetoes
              .map(
                (v) => `<li class="bad">${e(v.itemId)} ${e(localized(locale, v.title))} — ${e(v.date)}</li>`,
              )
              .join("")}</ul>`
      }`;

  const groupRows = assessment.groups
    .filter((g) => g.points > 0)
    .map((g) => ({ ...g, name: localized(locale, g.title) }));
  const groupTable = `<table class="points"><thead><tr>${[
    "group",
    "points",
    "applicable",
    "earned",
    "pointsLost",
  ]
    .map((k) => `<th scope="col">${e(tr(`col.${k}`))}</th>`)
    .join("")}</tr></thead><tbody>${[
    ...groupRows.map((g) => [g.name, g.points, g.applicable, g.earned, g.lost] as const),
    [tr("sum"), total.points, total.applicable, total.earned, total.applicable - total.earned] as const,
  ]
    .map(
      ([title, ...figures]) =>
        `<tr><td>${e(title)}</td>${figures.map((f) => `<td class="num nowrap">${e(pts(f))}</td>`).join("")}</tr>`,
    )
    .join("")}</tbody></table>`;

  const pending =
    assessment.pending.length === 0
      ? ""
      : `<h2>${e(tr("pending"))}</h2><ul>${assessment.pending
          .map(
            (p) =>
              `<li>${e(p.itemId)} ${e(localized(locale, p.title))} — ${e(
                tr("pendingItem", { points: pts(p.points), due: p.due }),
              )}</li>`,
          )
          .join("")}</ul>`;
  const declarations =
    assessment.declarations.length === 0
      ? ""
      : `<h2>${e(tr("declarations"))}</h2><ul>${assessment.declarations
          .map(
            (d) => `<li>${e(localized(locale, d.title))} (${e(d.itemIds.join(", "))}): ${e(d.reason)}</li>`,
          )
          .join("")}</ul>`;
  const aside = `${pending}${declarations}`;
  const settingsLine = settings
    ? ` · ${e(tr("settingsUsed", { name: settings.name ? localized(locale, settings.name) : settings.hash, hash: settings.hash }))}`
    : "";

  const chart = barChartSvg(
    assessment.groups
      .filter((g) => g.points > 0)
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
        td(5, e(pts(gap.points))),
        td(6, e(pts(gap.earned))),
        td(7, e(pts(gap.pointsLost))),
        td(8, `<ul>${problems.map((p) => `<li>${e(p)}</li>`).join("")}</ul>`),
        td(9, e(localized(locale, gap.criteria))),
        td(10, e(gap.owner)),
        td(11, e(due), gap.overdue ? "bad" : ""),
      ].join("")}</tr>`;
    })
    .join("");
  const gapTable =
    assessment.gaps.length === 0
      ? `<p class="good">${e(tr("noGaps"))}</p>`
      : `<table class="gaps"><thead><tr>${headers}</tr></thead><tbody>${gapRows}</tbody></table>`;

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
  )}: ${e(date)}${settingsLine}</div>
<div class="summary"><div><div class="cards">${cards}</div>
${vetoes}</div>
<div><h2>${e(tr("groups"))}</h2>${chart}</div></div>
${groupTable}
<h2>${e(tr("gaps"))}</h2>${gapTable}
${aside}
${general}
<p class="legend">${e(tr("localLegend"))}</p>
<div class="closing">${aboutSection(assessment, pack, locale, generatedAt)}
${signatureBlock(locale)}</div>
</body></html>
`;
}
