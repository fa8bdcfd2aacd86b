import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type * as ExcelJS from "exceljs";
import { findPack } from "../../src/core/pack";
import type { Pack } from "../../src/core/pack/schema";
import { buildTemplate } from "../../src/xlsx";
import { openXlsxStream } from "../../src/xlsxstream";
import {
  compareChecks,
  compareScores,
  expectedChecks,
  expectedScores,
  type FormulaCellCheck,
  type ScoreCellCheck,
} from "../support/differential";
import { type Fill, randomFill } from "../support/formulaFill";
import { libreOfficeMissing, loToCellValue, recalcWithLibreOffice } from "../support/libreoffice/recalc";

/**
 * Differential test (issue 15 item 4) against an independent spreadsheet program: workbooks made
 * by `taizhang init`'s writer, filled at random (seeded), saved, recalculated by LibreOffice
 * (one soffice for the batch, UNO calculateAll) — every 校验 cell must show the text the core gives
 * the same file as `taizhang check` reads it. 100 workbooks per shipped pack here; `npm run bench`
 * runs 2,000.
 */
const PER_PACK = Number(process.env.DIFFERENTIAL_LO_WORKBOOKS ?? 100);
const PACKS = ["township-2018", "model-unit"] as const;

jest.setTimeout(1_200_000);

const missing = libreOfficeMissing();
if (missing) console.warn(`\n!!! ${missing}: SKIPPING the LibreOffice differential test.\n`);
const withLibreOffice = missing ? describe.skip : describe;

/** Writes the fill into the template, saves it, then puts the template's cells back. */
async function saveFilled(workbook: ExcelJS.Workbook, fill: Fill, path: string): Promise<void> {
  const undo: { cell: ExcelJS.Cell; value: ExcelJS.CellValue }[] = [];
  for (const w of fill.writes) {
    const cell = (workbook.getWorksheet(w.sheet) as ExcelJS.Worksheet).getCell(w.row, w.column);
    undo.push({ cell, value: cell.value });
    cell.value = w.value;
  }
  await workbook.xlsx.writeFile(path);
  for (const { cell, value } of undo.reverse()) cell.value = value;
}

withLibreOffice("LibreOffice agrees with the core on every 校验 cell of random workbooks", () => {
  const dir = mkdtempSync(join(tmpdir(), "tz-diff-lo-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`${PER_PACK} workbooks per shipped pack, 0 differences`, async () => {
    const jobs: { path: string; label: string; checks: FormulaCellCheck[]; scores: ScoreCellCheck[] }[] = [];
    for (const id of PACKS) {
      const pack = findPack(id) as Pack;
      const template = buildTemplate(pack, { township: "甲镇" });
      for (let seed = 1; seed <= PER_PACK; seed++) {
        const fill = randomFill(pack, 10_000 + seed);
        const path = join(dir, `${id}-${seed}.xlsx`);
        await saveFilled(template, fill, path);
        const { raw, meta } = openXlsxStream(readFileSync(path));
        jobs.push({
          path,
          label: `${id}#${seed}`,
          checks: expectedChecks(pack, raw, meta, fill),
          scores: expectedScores(pack, raw, meta),
        });
      }
    }
    const cellsOf = (checks: readonly { sheet: string; address: string }[]): Record<string, string[]> => {
      const out: Record<string, string[]> = {};
      for (const c of checks) (out[c.sheet] ??= []).push(c.address);
      return out;
    };
    const batch = await recalcWithLibreOffice(
      jobs.map((j) => ({ path: j.path, cells: cellsOf([...j.checks, ...j.scores]) })),
      undefined,
      { timeoutMs: 900_000 },
    );
    let cells = 0;
    let flagged = 0;
    let scores = 0;
    const differences: string[] = [];
    batch.files.forEach((file, i) => {
      const job = jobs[i] as (typeof jobs)[number];
      expect(file.ok).toBe(true);
      const value = (sheet: string, address: string) => {
        const v = file.sheets[sheet]?.[address];
        return v === undefined ? null : loToCellValue(v);
      };
      const result = compareChecks(job.label, job.checks, value);
      const scored = compareScores(job.label, job.scores, value);
      scores += scored.cells;
      differences.push(...scored.differences);
      cells += result.cells;
      flagged += job.checks.filter((c) => c.want !== "" && c.want !== "✓").length;
      differences.push(...result.differences);
    });
    const calcMs = batch.files.reduce((s, f) => s + f.calcMs, 0);
    console.log(
      `formulas libreoffice: workbooks=${jobs.length} verdicts=${cells} flagged=${flagged} scores=${scores} ` +
        `differences=${differences.length} soffice_s=${(batch.totalMs / 1000).toFixed(1)} calc_ms=${calcMs}`,
    );
    expect(differences.slice(0, 20)).toEqual([]);
    expect(cells).toBeGreaterThan(jobs.length * 20);
    // Every item whose score is a formula, and 自评结果's formula figures, are compared too.
    expect(scores).toBeGreaterThan(jobs.length * 20);
    expect(flagged).toBeGreaterThan(cells / 10);
  });
});
