// `npm run build [-- --base-url https://server/path] [--office-js-cdn]`: the production build in dist/,
// with a manifest whose every URL points at the base URL (TAIZHANG_BASE_URL works too), then the
// offline manifest checks on dist/manifest.xml. office.js is served from dist/ unless --office-js-cdn.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import webpack from "webpack";

const require = createRequire(import.meta.url);
const makeConfig = require("../webpack.config.js");
const { deployOptions } = require("./deploy-options.cjs");
const root = join(dirname(fileURLToPath(import.meta.url)), "..");

let args;
try {
  args = parseArgs({
    options: { "base-url": { type: "string" }, "office-js-cdn": { type: "boolean" } },
    allowPositionals: false,
  }).values;
} catch (error) {
  console.error(
    `${error.message}\nUsage: npm run build -- [--base-url https://server/path] [--office-js-cdn]`,
  );
  process.exit(2);
}

let deploy;
try {
  deploy = deployOptions({
    ...(args["base-url"] ? { baseUrl: args["base-url"] } : {}),
    ...(args["office-js-cdn"] ? { officeJs: "cdn" } : {}),
  });
} catch (error) {
  console.error(error.message);
  process.exit(2);
}

const config = await makeConfig(
  { baseUrl: deploy.baseUrl, officeJs: deploy.officeJs },
  { mode: "production" },
);
const stats = await new Promise((resolve, reject) =>
  webpack(config).run((error, result) => (error ? reject(error) : resolve(result))),
);
console.log(stats.toString({ colors: process.stdout.isTTY, preset: "errors-warnings" }) || "");
if (stats.hasErrors()) process.exit(1);

const check = spawnSync(
  process.execPath,
  [
    "--import",
    "tsx",
    "scripts/validate-manifest.ts",
    "dist/manifest.xml",
    "--base-url",
    deploy.baseUrl,
    "--served-from",
    "dist",
  ],
  { cwd: root, stdio: "inherit" },
);
if (check.status !== 0) process.exit(1);
console.log(
  `dist/ is ready for ${deploy.baseUrl}/ (office.js ${deploy.officeJs === "cdn" ? "from Microsoft's CDN" : "served from dist/"}); hand out dist/manifest.xml.`,
);
