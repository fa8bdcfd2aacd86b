// Runs every benchmark in bench/ (each prints its own one-line figures) in a fresh process,
// so one benchmark's memory does not colour the next one's peak RSS.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

const dir = new URL("../bench/", import.meta.url).pathname;
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((name) => f.includes(name)))
  .sort();
let failed = false;
for (const file of files) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "--expose-gc", join(dir, file)], {
    stdio: "inherit",
  });
  if (run.status !== 0) {
    console.error(`bench ${file} failed (exit ${run.status})`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
