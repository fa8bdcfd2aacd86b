// Issue 15: the workbook's own formulas against the core. 2,000 random workbooks (1,000 per shipped
// pack) through the JS engine and through LibreOffice, and a 10,000-row ledger of the real 校验
// formulas recalculated by LibreOffice (a ledger kept as clerks keep one, and the worst case where
// every record is flawed). Prints `formulas: workbooks=… verdicts=… differences=… recalc_ms_10k_rows=… …`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type * as ExcelJS from "exceljs";
import { layoutFor, placeTables } from "../src/core/layout";
import { columnLetter } from "../src/core/layout/layout";
import { findPack } from "../src/core/pack";
import type { Pack } from "../src/core/pack/schema";
import { Recalculation } from "../src/formula";
import { workbookFromXlsx } from "../src/formula/xlsx";
import { buildTemplate, saveXlsx } from "../src/xlsx";
import { formulasFor, writeFormulas } from "../src/xlsx/write/formulas";
import { agreeWithEngine } from "../tests/support/differential";
import { agreeWithLibreOffice, SHIPPED_PACKS } from "../tests/support/differentialLibreOffice";
import { randomFill } from "../tests/support/formulaFill";
import { recalcWithLibreOffice } from "../tests/support/libreoffice/recalc";

const PER_PACK = Number(process.env.BENCH_FORMULA_WORKBOOKS ?? 1000);
const LO_BATCH = 200;
const LEDGER_ROWS = 10_000;

const fixed = (ms: number | undefined): string => (ms === undefined ? "NaN" : ms.toFixed(0));
/** Openings of each 10,000-row ledger in the one LibreOffice: an odd count, so the median is one of them. */
const RECALC_RUNS = 3;
const median = (ms: readonly number[]): number | undefined =>
  [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)];
const range = (ms: readonly number[]): string => `${fixed(Math.min(...ms))}-${fixed(Math.max(...ms))}`;

async function engine(): Promise<{ workbooks: number; verdicts: number; differences: number }> {
  let verdicts = 0;
  let differences = 0;
  for (const id of SHIPPED_PACKS) {
    const result = await agreeWithEngine(findPack(id) as Pack, 30_001, PER_PACK);
    verdicts += result.verdicts;
    differences += result.differences.length;
  }
  return { workbooks: PER_PACK * SHIPPED_PACKS.length, verdicts, differences };
}

/**
 * The township pack's decision ledger with 10,000 filled records, every row carrying its formulas:
 * kept as clerks keep one (dates typed as dates and in order, procedures done; one record in ten
 * flawed) unless `flawedEvery` is 1, where every record is the differential fill's (three dates in
 * four typed as text, many cells unreadable, most records with several findings): the worst case.
 */
async function bigLedger(
  dir: string,
  name: string,
  rows: number,
  flawedEvery: number,
): Promise<{ path: string; sheet: string; checks: string[] }> {
  const pack = findPack("township-2018") as Pack;
  const workbook = buildTemplate(pack, { township: "甲镇", assessmentDate: "2018-12-31" });
  const placement = placeTables(layoutFor(pack)).find((p) => p.table.kind === "ledger");
  if (!placement) throw new Error("no ledger");
  const sheet = workbook.getWorksheet(placement.table.sheet) as ExcelJS.Worksheet;
  const fill = randomFill(pack, 7, rows, true, flawedEvery);
  for (const w of fill.writes)
    if (w.sheet === placement.table.sheet) sheet.getCell(w.row, w.column).value = w.value;
  writeFormulas(workbook, formulasFor(pack), [placement], rows);
  const checkOffset = placement.table.columns.findIndex((c) => c.id === "check");
  const checks = Array.from(
    { length: rows },
    (_, i) => `${columnLetter(checkOffset)}${placement.firstDataRow + i}`,
  );
  const path = join(dir, `${name}.xlsx`);
  writeFileSync(path, await saveXlsx(workbook));
  return { path, sheet: placement.table.sheet, checks };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "tz-bench-formulas-"));
  try {
    // LibreOffice's first recalculation in a process also starts its interpreter: a 20-row ledger
    // takes that start, so the figures are the recalculation of the 10,000 rows alone.
    const warmUp = await bigLedger(dir, "warm-up", 20, 10);
    const ledger = await bigLedger(dir, "ledger-10k", LEDGER_ROWS, 10);
    const flawed = await bigLedger(dir, "ledger-10k-flawed", LEDGER_ROWS, 1);
    // LibreOffice's threaded recalculation varies by ±15 % from one opening to the next on a 2-core
    // machine: each ledger is opened and recalculated RECALC_RUNS times, alternately, and the
    // median is the figure (the range is printed beside it).
    const runs = Array.from({ length: RECALC_RUNS }, () => [ledger, flawed]).flat();
    // Opening 10,000 rows of formulas takes a while on a busy machine: a figure, not a timeout.
    const lo = await recalcWithLibreOffice(
      [warmUp, ...runs].map((l) => ({ path: l.path, cells: { [l.sheet]: l.checks.slice(0, 1) } })),
      undefined,
      { timeoutMs: 900_000 },
    );
    const [first, ...timed] = lo.files.map((f) => f.calcMs);
    const firstMs = first ?? NaN;
    const recalc = timed.filter((_, i) => i % 2 === 0);
    const flawedRecalc = timed.filter((_, i) => i % 2 === 1);
    const model = workbookFromXlsx(readFileSync(ledger.path));
    const t0 = performance.now();
    const calc = new Recalculation(model);
    const verdictTexts = ledger.checks.map((a) => calc.value(ledger.sheet, a));
    const engineLedgerMs = performance.now() - t0;
    // How many records the typical ledger's 校验 flags (✗ or !): about one in ten, as kept.
    const flaggedRows = verdictTexts.filter((v) => typeof v === "string" && /^[✗!]/.test(v)).length;

    const js = await engine();

    const wallStarted = performance.now();
    let workbooks = 0;
    let verdicts = 0;
    let differences = 0;
    let failed = 0;
    for (let first = 1; first <= PER_PACK; first += LO_BATCH) {
      const r = await agreeWithLibreOffice(Math.min(LO_BATCH, PER_PACK - first + 1), 20_000 + first);
      workbooks += r.workbooks;
      verdicts += r.verdicts;
      differences += r.differences.length;
      failed += r.failed.length;
      for (const d of r.differences.slice(0, 5)) console.error(d);
    }
    const wallS = (performance.now() - wallStarted) / 1000;
    console.log(
      `formulas: workbooks=${workbooks} verdicts=${verdicts} differences=${differences} failed=${failed} ` +
        `engine_workbooks=${js.workbooks} engine_verdicts=${js.verdicts} engine_differences=${js.differences} ` +
        `recalc_ms_10k_rows=${fixed(median(recalc))} recalc_ms_10k_rows_range=${range(recalc)} ` +
        `flagged_10k_rows=${flaggedRows} recalc_ms_10k_flawed_rows=${fixed(median(flawedRecalc))} recalc_ms_10k_flawed_rows_range=${range(flawedRecalc)} ` +
        `first_recalc_ms_20_rows=${fixed(firstMs)} engine_ms_10k_rows=${engineLedgerMs.toFixed(0)} ` +
        `libreoffice_wall_s=${wallS.toFixed(0)} load_avg_1m=${(loadavg()[0] ?? 0).toFixed(2)}`,
    );
    if (differences > 0 || js.differences > 0 || failed > 0) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
