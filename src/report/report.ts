import type { Assessment } from "../core/assessment";
import type { AppliedSettings } from "../core/pack";
import type { Pack } from "../core/pack/schema";
import { findingMessage, localized, t, type Locale } from "../i18n";
import { barChartSvg } from "./chart";
import { escapeHtml as e, PAGE_STYLE } from "./escape";

/** A self-contained, printable gap report for one township: no scripts, no external files. */
export function reportHtml(
  assessment: Assessment,
  pack: Pack,
  locale: Locale,
  settings: AppliedSettings | null = null,
): string {
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
      .filter((g) => g.points > 0)
      .map((g) => ({ label: localized(locale, g.title), value: g.score })),
    tr("notApplicable"),
  );

  const headers = [
    "index",
    "itemId",
    "clause",
    "requirement",
    "group",
    "pointsLost",
    "problems",
    "owner",
    "due",
  ]
    .map((k) => `<th>${e(tr(`col.${k}`))}</th>`)
    .join("");
  const gapRows = assessment.gaps
    .map((gap, i) => {
      const problems = [
        t(locale, `reason.${gap.reason.code}`, gap.reason.params),
        ...(findingsByItem.get(gap.itemId) ?? []).map((f) => findingMessage(locale, f)),
      ];
      const due = gap.due ? `${gap.due}${gap.overdue ? ` (${tr("overdue")})` : ""}` : "";
      return `<tr><td class="num">${i + 1}</td><td>${e(gap.itemId)}</td><td>${e(gap.clause)}</td><td>${e(
        localized(locale, gap.title),
      )}</td><td>${e(groupTitle.get(gap.groupId) ?? gap.groupId)}</td><td class="num">${e(
        gap.pointsLost.toFixed(1),
      )}</td><td><ul>${problems.map((p) => `<li>${e(p)}</li>`).join("")}</ul></td><td>${e(gap.owner)}</td><td${
        gap.overdue ? ' class="bad"' : ""
      }>${e(due)}</td></tr>`;
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
  return `<!DOCTYPE html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${e(title)}</title><style>${PAGE_STYLE}</style></head><body>
<h1>${e(title)}</h1>
<div class="meta">${e(localized(locale, pack.title))} · ${e(tr("pack", { pack: assessment.packId, version: assessment.packVersion }))} · ${e(
    tr("assessmentDate"),
  )}: ${e(assessment.assessmentDate ?? tr("noDate"))}${
    settings
      ? ` · ${e(tr("settings", { name: settings.name ? localized(locale, settings.name) : settings.hash, hash: settings.hash }))}`
      : ""
  }</div>
<div class="cards">${cards}</div>
<h2>${e(tr("vetoes"))}</h2>${vetoes}
<h2>${e(tr("groups"))}</h2>${chart}
<h2>${e(tr("gaps"))}</h2>${gapTable}
${general}
</body></html>
`;
}
