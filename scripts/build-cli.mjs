// Bundles the `taizhang` CLI into one CommonJS file (run by `npm ci` through `prepare`, and by the
// tests that spawn the CLI), so the command starts without compiling TypeScript. ExcelJS is a
// second bundle beside it, required only by the commands that read or write a workbook.
// dist-cli/sources.json lists the project files the bundle was built from, so bin/taizhang.js can
// warn when one is newer than the build.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "dist-cli");
const bundle = join(outDir, "taizhang.cjs");

/** ExcelJS as its own one-file bundle beside the CLI: one file parses faster than the ~150 modules
 * it otherwise requires, and keeping it out of the main bundle keeps `--help` from parsing it. */
const excelJsBeside = {
  name: "exceljs-beside",
  setup(build) {
    build.onResolve({ filter: /^exceljs$/ }, () => ({ path: "./exceljs.cjs", external: true }));
  },
};

async function buildCli() {
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    logLevel: "warning",
    legalComments: "linked",
    write: false,
  };
  const excelJs = await esbuild.build({
    ...common,
    stdin: { contents: 'module.exports = require("exceljs");', resolveDir: root, loader: "js" },
    outfile: join(outDir, "exceljs.cjs"),
  });
  const result = await esbuild.build({
    ...common,
    entryPoints: ["src/cli/main.ts"],
    outfile: bundle,
    plugins: [excelJsBeside],
    sourcemap: "linked",
    metafile: true,
  });
  mkdirSync(outDir, { recursive: true });
  for (const output of [...excelJs.outputFiles, ...result.outputFiles])
    writeAtomic(output.path, output.contents);
  const files = Object.keys(result.metafile.inputs)
    .filter((file) => !file.includes("node_modules/"))
    .map((file) => relative(root, join(root, file)));
  // Written last: the bin compares the sources' times with the bundle's.
  writeAtomic(join(outDir, "sources.json"), `${JSON.stringify({ files }, null, 2)}\n`);
  warmCodeCache();
  return { files };
}

/** Test files build in parallel workers while others run the CLI: a reader sees the old or the new file. */
function writeAtomic(path, contents) {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, contents);
  renameSync(temp, path);
}

/** Fills dist-cli/*.v8cache (see bin/taizhang.js) from a `check` of a fresh workbook. */
function warmCodeCache() {
  for (const file of readdirSync(outDir))
    if (file.endsWith(".v8cache")) rmSync(join(outDir, file), { force: true });
  const dir = mkdtempSync(join(tmpdir(), "taizhang-warm-"));
  try {
    const bin = join(root, "bin", "taizhang.js");
    const workbook = join(dir, "warm.xlsx");
    const run = (args, env = {}) =>
      spawnSync(process.execPath, [bin, ...args], { stdio: "ignore", env: { ...process.env, ...env } });
    run(["init", "--pack", "township-2018", "--township", "warm", "-o", workbook]);
    // A blank workbook has error findings: check exits 1 by design.
    run(["check", workbook], { TAIZHANG_V8_CACHE: "refresh" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const started = Date.now();
const { files } = await buildCli();
console.log(
  `taizhang CLI: ${relative(root, bundle)} from ${files.length} sources in ${Date.now() - started} ms`,
);
