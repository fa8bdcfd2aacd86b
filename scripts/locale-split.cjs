// The task pane's first download carries only the Chinese messages (zh-CN, the default); the
// English ones come in a chunk of their own when first needed (localeReady in src/i18n). The
// catalogs module is built twice: once kept to zh-CN for everyone, once to en-US for
// src/i18n/enUS.ts (the issuer decides). The loader passes the locale on to each catalog file and
// drops the other locale's block there.
const path = require("node:path");

const CATALOGS_DIR = path.join("src", "i18n", "catalogs");
const ALL = new RegExp(`${CATALOGS_DIR.replace(/[\\/]/g, "[\\\\/]")}[\\\\/]all\\.ts$`);
const CATALOG = new RegExp(`${CATALOGS_DIR.replace(/[\\/]/g, "[\\\\/]")}[\\\\/]\\w+\\.ts$`);
const EN_ISSUER = /src[\\/]i18n[\\/]enUS\.ts$/;
const LOCALES = ["zh-CN", "en-US"];

/** all.ts: every `./catalog` import gets `?locale=…`, so each catalog module is built per locale. */
function passLocale(source, locale) {
  let count = 0;
  const out = source.replace(/from "\.\/(\w+)";/g, (_, name) => {
    count++;
    return `from "./${name}?locale=${locale}";`;
  });
  if (count === 0) throw new Error("locale-split: no catalog imports in catalogs/all.ts");
  return out;
}

/** A catalog file: the other locale's block becomes `{}` (Prettier's layout, two-space blocks). */
function keepLocale(source, locale, file = "catalog") {
  let kept = 0;
  const out = source.replace(/^ {2}"(zh-CN|en-US)": \{\n[\s\S]*?\n {2}\},?$/gm, (block, name) => {
    kept++;
    return name === locale ? block : `  "${name}": {},`;
  });
  if (kept !== LOCALES.length) throw new Error(`locale-split: ${file} does not have one block per locale`);
  return out;
}

function loader(source) {
  const { locale } = this.getOptions ? this.getOptions() : {};
  const wanted = locale ?? new URLSearchParams(this.resourceQuery.slice(1)).get("locale");
  if (!LOCALES.includes(wanted)) throw new Error(`locale-split: unknown locale ${wanted}`);
  return ALL.test(this.resourcePath)
    ? passLocale(source, wanted)
    : keepLocale(source, wanted, this.resourcePath);
}

/** webpack rules for the task pane's build. */
function localeSplitRules() {
  const self = __filename;
  return [
    { test: ALL, issuer: EN_ISSUER, enforce: "pre", use: { loader: self, options: { locale: "en-US" } } },
    {
      test: ALL,
      issuer: { not: [EN_ISSUER] },
      enforce: "pre",
      use: { loader: self, options: { locale: "zh-CN" } },
    },
    { test: CATALOG, exclude: ALL, resourceQuery: /locale=/, enforce: "pre", use: { loader: self } },
  ];
}

module.exports = loader;
module.exports.localeSplitRules = localeSplitRules;
module.exports.keepLocale = keepLocale;
module.exports.passLocale = passLocale;
