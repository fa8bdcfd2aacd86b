// Checks and scores a generated township workbook with 1,000 and 10,000 ledger records, 20 runs
// each, and prints one line per size: `core.check rows=10000 median_ms=12.3 peak_rss_mb=85`.
import { performance } from "node:perf_hooks";
import { assess } from "../src/core/assess";
import { findPack } from "../src/core/pack/builtin";
import { generateSnapshot } from "../tests/support/generate";
import { testPack } from "../tests/support/testPack";
import { median } from "./median";

const RUNS = 20;
// Enough runs for the JIT to settle, as it has in a task pane that checks on every edit.
const WARM_UP_MS = 1500;
const WARM_UP_RUNS = 3;
// The shipped township pack when it loads; the test pack keeps the benchmark running otherwise.
const pack = findPack("township-2018") ?? testPack();

for (const rows of [1_000, 10_000]) {
  const snapshot = generateSnapshot(pack, rows, 7, {
    inputs: {
      establishedStaff: 20,
      certifiedStaff: "11",
      recorders: 6,
      legalStaff: "2人",
      annualReportDate: "2018年3月20日",
    },
  });
  const warmUpEnd = performance.now() + WARM_UP_MS;
  for (let i = 0; i < WARM_UP_RUNS || performance.now() < warmUpEnd; i++) assess(pack, snapshot);
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
