// Task-pane bundle size: the JavaScript Excel loads before the pane is interactive (office.js
// excluded, it is Microsoft's), and the chunks loaded later on demand. Gzip level 9, as served.
// Two lines: `taskpane initial_js_gz_kb=…` (target ≤ 250) and `reader chunk_gz_kb=…`, the 汇总
// tab's streaming reader chunk (target ≤ 60).
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import webpack from "webpack";

const root = resolve(__dirname, "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is CommonJS
const makeConfig = require(join(root, "webpack.config.js")) as (
  env: object,
  argv: object,
) => Promise<webpack.Configuration>;

async function main(): Promise<void> {
  const config = await makeConfig({}, { mode: "production" });
  const started = Date.now();
  const stats = await new Promise<webpack.Stats>((ok, fail) =>
    webpack(config, (error, result) => (error || !result ? fail(error) : ok(result))),
  );
  if (stats.hasErrors()) throw new Error(stats.toString("errors-only"));
  const buildSeconds = (Date.now() - started) / 1000;
  const json = stats.toJson({
    all: false,
    entrypoints: true,
    chunks: true,
    chunkRelations: true,
    chunkGroups: true,
    outputPath: true,
  });
  const out = json.outputPath ?? join(root, "dist");
  const gzipKb = (file: string) => gzipSync(readFileSync(join(out, file)), { level: 9 }).length / 1024;

  const initial = new Set(
    (json.entrypoints?.taskpane?.assets ?? []).map((a) => a.name).filter((n) => n.endsWith(".js")),
  );
  const lazy = new Set<string>();
  for (const chunk of json.chunks ?? []) {
    if (chunk.initial) continue;
    for (const file of chunk.files ?? []) if (file.endsWith(".js") && !initial.has(file)) lazy.add(file);
  }
  const sum = (files: Set<string>) => [...files].reduce((total, f) => total + gzipKb(f), 0);
  console.log(
    `taskpane initial_js_gz_kb=${sum(initial).toFixed(1)} lazy_chunks_kb=${sum(lazy).toFixed(1)} lazy_chunks=${lazy.size} build_s=${buildSeconds.toFixed(1)}`,
  );
  // What the 汇总 tab loads (webpackChunkName "xlsx-reader" in consolidateFiles.ts): its chunk
  // group's files, less those the pane has already loaded.
  const group = json.namedChunkGroups?.["xlsx-reader"];
  const readerFiles = new Set(
    (group?.assets ?? []).map((a) => a.name).filter((n) => n.endsWith(".js") && !initial.has(n)),
  );
  if (readerFiles.size === 0) throw new Error("no xlsx-reader chunk in the build");
  console.log(`reader chunk_gz_kb=${sum(readerFiles).toFixed(1)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
