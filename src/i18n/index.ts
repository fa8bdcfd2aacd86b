import type { Finding } from "../core/findings";
import type { LocalizedText } from "../core/pack/schema";
import { cliMessages } from "./catalogs/cli";
import { excelMessages } from "./catalogs/excel";
import { findingsMessages } from "./catalogs/findings";
import { packMessages } from "./catalogs/pack";
import { packDiffMessages } from "./catalogs/packDiff";
import { reasonsMessages } from "./catalogs/reasons";
import { rolloverMessages } from "./catalogs/rollover";
import { uiMessages } from "./catalogs/ui";
import { xlsxMessages } from "./catalogs/xlsx";
import { DEFAULT_LOCALE, LOCALES, type Catalog, type CatalogPair, type Locale } from "./types";

export * from "./types";

/** Every area's catalog. Keys are namespaced by area ("finding.", "reason.", "ui.", ...). */
export const CATALOGS: readonly CatalogPair[] = [
  findingsMessages,
  reasonsMessages,
  uiMessages,
  cliMessages,
  excelMessages,
  xlsxMessages,
  packMessages,
  packDiffMessages,
  rolloverMessages,
];

const merged: Record<Locale, Catalog> = Object.fromEntries(
  LOCALES.map((locale) => [locale, Object.assign({}, ...CATALOGS.map((c) => c[locale])) as Catalog]),
) as Record<Locale, Catalog>;

export type MessageParams = Readonly<Record<string, string | number | boolean>>;

/** Text for a key; a missing key shows the key itself so the gap is visible, never a crash. */
export function t(locale: Locale, key: string, params: MessageParams = {}): string {
  const template = merged[locale][key] ?? merged[DEFAULT_LOCALE][key] ?? key;
  return format(template, params);
}

export function hasMessage(locale: Locale, key: string): boolean {
  return key in merged[locale];
}

export function format(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/**
 * The sentence for a finding: catalog key "finding.<code>". A finding of a rule whose figure is a
 * local setting says so (本地设定), so it is never read as the source document's words.
 */
export function findingMessage(locale: Locale, finding: Pick<Finding, "code" | "params">): string {
  const sentence = t(locale, `finding.${finding.code}`, localizedParams(locale, finding.params));
  return finding.params["local"] === true ? `${sentence}${t(locale, "finding.localMark")}` : sentence;
}

/**
 * Pack texts (column headers, input labels) travel in finding params as `name` (Chinese) with
 * `name_en` beside it; in English, `name_en` stands in for `name`.
 */
export function localizedParams(locale: Locale, params: MessageParams): MessageParams {
  if (locale === "zh-CN") return params;
  let out: Record<string, string | number | boolean> | null = null;
  for (const [key, value] of Object.entries(params)) {
    if (!key.endsWith("_en")) continue;
    out ??= { ...params };
    out[key.slice(0, -3)] = value;
  }
  return out ?? params;
}

/** Pick the language of a pack text. */
export function localized(locale: Locale, text: LocalizedText): string {
  return locale === "zh-CN" ? text.zh : text.en;
}

/** zh-CN unless the display language is English. */
export function localeFor(displayLanguage: string | undefined | null): Locale {
  return displayLanguage && /^en\b/i.test(displayLanguage) ? "en-US" : DEFAULT_LOCALE;
}
