// Checks and scores a generated township workbook with 1,000 and 10,000 ledger records, 20 runs
// each, and prints one line per size: `core.check rows=10000 median_ms=12.3 peak_rss_mb=85`.
import { performance } from "node:perf_hooks";
import { assess } from "../src/core/assess";
import { testPack } from "../tests/support/testPack";
import { townshipSnapshot } from "../tests/support/townshipSnapshot";

const RUNS = 20;
const pack = testPack();

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

for (const rows of [1_000, 10_000]) {
  const snapshot = townshipSnapshot(pack, rows);
  assess(pack, snapshot); // warm-up: first-run compilation is not what users wait for twice
  globalThis.gc?.();
  let peak = process.memoryUsage().rss;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    assess(pack, snapshot);
    times.push(performance.now() - start);
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  console.log(
    `core.check rows=${rows} median_ms=${median(times).toFixed(1)} peak_rss_mb=${Math.round(peak / 1024 / 1024)}`,
  );
}
