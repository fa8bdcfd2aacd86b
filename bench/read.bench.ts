// The one reading, on a township workbook with 1,000 and 10,000 ledger records typed below the
// table: the .xlsx adapter's translation to raw cells, the core's reading (locate, row policy,
// inputs), and the add-in's read on the simulator (2 round trips). One line per size:
// `read rows=10000 raw_ms=… core_ms=… excel_read_ms=…`.
import { performance } from "node:perf_hooks";
import type * as ExcelJS from "exceljs";
import { HEADER_ROW, layoutFor } from "../src/core/layout";
import { findPack } from "../src/core/pack/builtin";
import type { Pack } from "../src/core/pack/schema";
import { findMeta, readWorkbookSnapshot } from "../src/core/read";
import { readSnapshot } from "../src/excel";
import { openXlsxWorkbook } from "../src/preview/xlsx";
import { buildTemplate, saveXlsx } from "../src/xlsx";
import { rawFromWorkbook } from "../src/xlsx/read/raw";

const pack = findPack("township-2018") as Pack;
const layout = layoutFor(pack);
const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] as number;
}

async function timed(run: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return median(times);
}

async function main(): Promise<void> {
  for (const rows of [1_000, 10_000]) await measure(rows);
}

async function measure(rows: number): Promise<void> {
  const wb = buildTemplate(pack, { township: "宣和镇", assessmentDate: "2018-12-31" });
  const ledger = wb.getWorksheet("重大行政决策台账") as ExcelJS.Worksheet;
  for (let i = 0; i < rows; i++) {
    ledger.getRow(HEADER_ROW + 2 + i).values = [`决策 ${i}`, "是", "2018-04-02", "是", "2018-04-03"];
  }
  const raw = rawFromWorkbook(wb);
  const meta = findMeta(raw)?.meta ?? null;
  const rawMs = await timed(() => rawFromWorkbook(wb));
  const coreMs = await timed(() => readWorkbookSnapshot(raw, layout, meta));
  const { excel } = await openXlsxWorkbook(await saveXlsx(wb));
  const excelMs = await timed(() =>
    readSnapshot({ run: excel.run, isSetSupported: excel.isSetSupported, pack }),
  );
  console.log(
    `read rows=${rows} raw_ms=${rawMs.toFixed(1)} core_ms=${coreMs.toFixed(1)} excel_read_ms=${excelMs.toFixed(1)}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
