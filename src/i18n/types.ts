export const LOCALES = ["zh-CN", "en-US"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";

/** Message templates by key; `{name}` is replaced by the param of that name. */
export type Catalog = Readonly<Record<string, string>>;

/** One area's messages in both languages. A test checks both have the same keys and params. */
export interface CatalogPair {
  "zh-CN": Catalog;
  "en-US": Catalog;
}
