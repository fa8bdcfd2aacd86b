// Where a production build is served from (issue 14, "deploy for a district"): the base URL every
// manifest URL points at, and where office.js comes from. Shared by webpack.config.js, scripts/build.mjs
// and the tests. The manifest in the repository is written for the development server.
const { config } = require("../package.json");

/** The base URL manifest.xml is written with (`npm start`). */
const DEV_BASE_URL = config.baseUrl;
/** Microsoft's CDN copy of office.js (needs internet on every PC that opens the add-in). */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** office.js copied beside the pages: works on intranets without internet. */
const OFFICE_JS_LOCAL = "assets/office-js/office.js";

/** An absolute https URL without a trailing slash, query or fragment; throws a sentence otherwise. */
function normalizeBaseUrl(raw) {
  let url;
  try {
    url = new URL(String(raw));
  } catch {
    throw new Error(`base URL "${raw}" is not a URL (e.g. https://taizhang.example.gov.cn/addin)`);
  }
  if (url.protocol !== "https:")
    throw new Error(`base URL ${raw} must be https: Office loads add-ins over https only`);
  if (url.search || url.hash || url.username || url.password)
    throw new Error(`base URL ${raw} must not have a query, fragment or credentials`);
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/**
 * The deployment settings from webpack's --env (baseUrl, officeJs=cdn) or the environment
 * (TAIZHANG_BASE_URL, TAIZHANG_OFFICE_JS=cdn); the development server's by default.
 */
function deployOptions(env = {}, vars = process.env) {
  const baseUrl = normalizeBaseUrl(env.baseUrl || vars.TAIZHANG_BASE_URL || DEV_BASE_URL);
  const source = String(env.officeJs || vars.TAIZHANG_OFFICE_JS || "local");
  if (source !== "local" && source !== "cdn")
    throw new Error(`office.js source "${source}": use local or cdn`);
  return {
    baseUrl,
    officeJs: source,
    officeJsSrc: source === "cdn" ? OFFICE_JS_CDN : OFFICE_JS_LOCAL,
  };
}

/** manifest.xml with every development URL moved under `baseUrl`, and AppDomain set to its origin. */
function rebaseManifest(xml, baseUrl) {
  const base = normalizeBaseUrl(baseUrl);
  const dev = normalizeBaseUrl(DEV_BASE_URL);
  return xml
    .replace(/<AppDomain>([^<]*)<\/AppDomain>/g, (whole, domain) =>
      domain.trim() === dev ? `<AppDomain>${new URL(base).origin}</AppDomain>` : whole,
    )
    .replace(new RegExp(`${dev.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?=[/"<])`, "g"), base);
}

module.exports = {
  DEV_BASE_URL,
  OFFICE_JS_CDN,
  OFFICE_JS_LOCAL,
  deployOptions,
  normalizeBaseUrl,
  rebaseManifest,
};
