// `npm run validate`: offline manifest checks. With internet, `npx office-addin-manifest validate
// manifest.xml` adds Microsoft's online check. A district build (scripts/build.mjs) checks its own:
// `validate-manifest.ts dist/manifest.xml --base-url https://server/path --served-from dist`.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { checkManifest } from "./manifest/checks";

const root = resolve(__dirname, "..");
const pkg = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8")) as {
  config: { baseUrl: string };
};
const { values, positionals } = parseArgs({
  options: { "base-url": { type: "string" }, "served-from": { type: "string" } },
  allowPositionals: true,
});
const file = resolve(root, positionals[0] ?? "manifest.xml");
const baseUrl = values["base-url"] ?? pkg.config.baseUrl;
const servedFrom = values["served-from"];

/** Pages webpack builds (see webpack.config.js). */
const BUILT_PAGES = new Set(["taskpane.html", "commands.html", "preview.html"]);

const problems = checkManifest(readFileSync(file, "utf8"), {
  baseUrl,
  // A built dist/ serves exactly its files; the source manifest is checked against the sources.
  exists: servedFrom
    ? (path) => existsSync(resolve(root, servedFrom, path))
    : (path) => BUILT_PAGES.has(path) || existsSync(resolve(root, path)),
});

const xmllint = spawnSync("xmllint", ["--noout", file], { encoding: "utf8" });
if (xmllint.error) {
  console.warn("xmllint not found (apt-get install libxml2-utils); relying on the built-in XML check.");
} else if (xmllint.status !== 0) {
  problems.push(`xmllint: ${xmllint.stderr.trim()}`);
}

if (problems.length > 0) {
  console.error(`${file}: ${problems.length} problem(s)`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`${file}: valid (offline checks; base URL ${baseUrl})`);
