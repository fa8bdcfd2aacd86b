import type { Finding } from "../core/findings";
import type { LocalizedText } from "../core/pack/schema";
import type { TableProblem } from "../core/pack/table/problems";
import { CATALOGS } from "./catalogs/all";
import { DEFAULT_LOCALE, LOCALES, type Catalog, type Locale } from "./types";

export * from "./types";

export { CATALOGS };

const merged: Record<Locale, Record<string, string>> = Object.fromEntries(
  LOCALES.map((locale) => [locale, Object.assign({}, ...CATALOGS.map((c) => c[locale])) as Catalog]),
) as Record<Locale, Record<string, string>>;

const loading: Partial<Record<Locale, Promise<void>>> = {};

/**
 * Resolves once `locale`'s messages are there. The task pane's build ships only the Chinese
 * messages in its first download (scripts/locale-split.cjs) and fetches the English ones here when
 * they are first needed; everywhere else both are built in and this resolves at once.
 */
export function localeReady(locale: Locale): Promise<void> {
  if (Object.keys(merged[locale]).length > 0) return Promise.resolve();
  loading[locale] ??= import(/* webpackChunkName: "locale-en-US" */ "./enUS").then((more) => {
    Object.assign(merged[locale], ...more.CATALOGS.map((c) => c[locale]));
  });
  return loading[locale];
}

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
  const params = localizedParams(locale, finding.params);
  const sentence = t(locale, `finding.${finding.code}`, params);
  // A ledger record's finding names the record, so the pane and reports say which 决策 / 文件 / 合同.
  const named =
    typeof params["record"] === "string"
      ? `${t(locale, "finding.recordPrefix", params)}${sentence}`
      : sentence;
  return finding.params["local"] === true ? `${named}${t(locale, "finding.localMark")}` : named;
}

/**
 * The short text of a finding in a 校验 cell: "formula.<code>", the same words the workbook's own
 * formulas write (src/core/formulas). A code with no short text (an item-level count on a
 * checklist row, whose 校验 is never a formula) keeps the pane's sentence.
 */
export function shortFindingMessage(locale: Locale, finding: Pick<Finding, "code" | "params">): string {
  const key = `formula.${finding.code}`;
  if (!hasMessage(locale, key) && !hasMessage(DEFAULT_LOCALE, key)) return findingMessage(locale, finding);
  return t(locale, key, localizedParams(locale, finding.params));
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

/** A 细则 workbook problem as one line: its place, then its message. */
export function tableProblemLine(locale: Locale, problem: TableProblem): string {
  const place =
    problem.row === null
      ? t(locale, "packTable.place.sheet", { sheet: problem.sheet })
      : problem.column === null
        ? t(locale, "packTable.place.row", { sheet: problem.sheet, row: problem.row })
        : t(locale, "packTable.place.cell", {
            sheet: problem.sheet,
            row: problem.row,
            column: problem.column,
          });
  const key = problem.kind === "pack" ? `pack.${problem.code}` : `packTable.problem.${problem.code}`;
  const first = problem.firstPlace;
  const params =
    first && first.row !== null
      ? { ...problem.params, first: t(locale, "packTable.place.row", { sheet: first.sheet, row: first.row }) }
      : problem.params;
  return `${place}: ${t(locale, key, params)}`;
}
