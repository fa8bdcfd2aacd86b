import type { Assessment } from "../core/assessment";
import type { Pack } from "../core/pack/schema";
import { localized, t, type Locale } from "../i18n";
import { escapeHtml as e } from "./escape";

/** A moment as local wall-clock time with its UTC offset, e.g. "2026-12-02 11:20 UTC+08:00". */
export function formatTimestamp(date: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(
    date.getMinutes(),
  )} UTC${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/**
 * What a reviewer filing the report needs to reproduce it: when it was made, from which template and
 * version, against which source document, and the assessment settings (bands, veto window) applied.
 */
export function aboutSection(assessment: Assessment, pack: Pack, locale: Locale, generatedAt: Date): string {
  const tr = (key: string, params = {}) => t(locale, `cli.report.${key}`, params);
  // Highest first; the last band (min 0) reads "below the one above it".
  const sorted = [...pack.assessment.bands].sort((a, b) => b.min - a.min);
  const bands = sorted
    .map((band, i) =>
      band.min > 0 || i === 0
        ? tr("bandRule", { band: localized(locale, band.label), min: band.min })
        : tr("bandBelow", { band: localized(locale, band.label), min: sorted[i - 1]?.min ?? 0 }),
    )
    .join(tr("listSeparator"));
  const source = pack.source.date
    ? tr("sourceValue", { title: localized(locale, pack.source.title), date: pack.source.date })
    : localized(locale, pack.source.title);
  const rows: [string, string][] = [
    [tr("generatedAt"), formatTimestamp(generatedAt)],
    [
      tr("template"),
      tr("templateValue", {
        title: localized(locale, pack.title),
        pack: assessment.packId,
        version: assessment.packVersion,
      }),
    ],
    [tr("source"), source],
    [tr("assessmentDate"), assessment.assessmentDate ?? tr("noDate")],
    [
      tr("settings"),
      `${bands}${tr("listSeparator")}${tr("vetoWindow", { years: pack.assessment.vetoWindowYears })}`,
    ],
  ];
  return `<section class="about"><h2>${e(tr("about"))}</h2><dl>${rows
    .map(([term, value]) => `<dt>${e(term)}</dt><dd>${e(value)}</dd>`)
    .join("")}</dl></section>`;
}

/** Room for the reviewer's opinion, signature and date (评审人 / 日期), kept on one page. */
export function signatureBlock(locale: Locale): string {
  const tr = (key: string) => t(locale, `cli.report.sign.${key}`);
  return `<section class="sign" aria-label="${e(tr("title"))}"><div><b>${e(tr("title"))}</b></div>
<div class="opinion"></div><div class="lines"><span>${e(tr("reviewer"))}<span class="blank"></span></span><span>${e(
    tr("date"),
  )}<span class="blank"></span></span></div></section>`;
}
