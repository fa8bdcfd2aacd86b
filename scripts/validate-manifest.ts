// `npm run validate`: offline manifest checks. With internet, `npx office-addin-manifest validate
// manifest.xml` adds Microsoft's online check.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { checkManifest } from "./manifest/checks";

const root = resolve(__dirname, "..");
const file = resolve(root, process.argv[2] ?? "manifest.xml");
const pkg = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8")) as {
  config: { baseUrl: string };
};

/** Pages webpack builds (see webpack.config.js). */
const BUILT_PAGES = new Set(["taskpane.html", "commands.html", "preview.html"]);

const problems = checkManifest(readFileSync(file, "utf8"), {
  baseUrl: pkg.config.baseUrl,
  exists: (path) => BUILT_PAGES.has(path) || existsSync(resolve(root, path)),
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
console.log(`${file}: valid (offline checks; base URL ${pkg.config.baseUrl})`);
