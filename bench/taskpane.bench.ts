// Task-pane bundle size: the JavaScript Excel loads before the pane is interactive (office.js
// excluded, it is Microsoft's), and the chunks loaded later on demand. Gzip level 9, as served.
// Two lines: `taskpane initial_js_gz_kb=…` (target ≤ 250) and `reader chunk_gz_kb=…`, what the 汇总
// tab's streaming reader (its worker) downloads (target ≤ 60).
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
    ids: true,
    chunkRelations: true,
    chunkGroups: true,
    outputPath: true,
  });
  const out = json.outputPath ?? join(root, "dist");
  const gzipKb = (file: string) => gzipSync(readFileSync(join(out, file)), { level: 9 }).length / 1024;

  const initial = new Set(jsFiles(json.entrypoints?.taskpane?.assets));
  const lazy = new Set<string>();
  for (const chunk of json.chunks ?? []) {
    if (chunk.initial) continue;
    for (const file of chunk.files ?? []) if (file.endsWith(".js") && !initial.has(file)) lazy.add(file);
  }
  const sum = (files: Set<string>) => [...files].reduce((total, f) => total + gzipKb(f), 0);
  console.log(
    `taskpane initial_js_gz_kb=${sum(initial).toFixed(1)} lazy_chunks_kb=${sum(lazy).toFixed(1)} lazy_chunks=${lazy.size} build_s=${buildSeconds.toFixed(1)}`,
  );
  // What the 汇总 tab loads: the reader worker (webpackChunkName "xlsx-reader-worker" in
  // readerWorkers.ts) and the chunks it loads, less those the pane has already loaded (its first
  // load and the packs chunk it loads before it renders: the browser's cache serves them).
  const named = (name: string) => {
    const group = json.namedChunkGroups?.[name];
    if (!group) throw new Error(`no ${name} chunk group in the build`);
    return group;
  };
  const loaded = new Set([...initial, ...jsFiles(named("packs").assets)]);
  const chunks = new Map((json.chunks ?? []).map((c) => [String(c.id), c]));
  const readerFiles = new Set<string>();
  const pending = [...(named("xlsx-reader-worker").chunks ?? [])].map(String);
  for (const seen = new Set<string>(); pending.length > 0;) {
    const id = pending.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const chunk = chunks.get(id);
    for (const file of chunk?.files ?? [])
      if (file.endsWith(".js") && !loaded.has(file)) readerFiles.add(file);
    pending.push(...(chunk?.children ?? []).map(String));
  }
  if (readerFiles.size === 0) throw new Error("no reader worker files in the build");
  console.log(`reader chunk_gz_kb=${sum(readerFiles).toFixed(1)} files=${readerFiles.size}`);
  if (process.env.BENCH_VERBOSE) for (const f of readerFiles) console.log(f, gzipKb(f).toFixed(1));
}

function jsFiles(assets: readonly { name: string }[] | undefined): string[] {
  return (assets ?? []).map((a) => a.name).filter((n) => n.endsWith(".js"));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
