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
} from "./differential";
import { DIFFERENTIAL_LEDGER_ROWS, type Fill, randomFill } from "./formulaFill";
import { loToCellValue, recalcWithLibreOffice } from "./libreoffice/recalc";

/**
 * Workbooks made by `taizhang init`'s writer, filled at random (seeded), saved and recalculated by
 * LibreOffice (one soffice per batch, UNO calculateAll): every 校验 cell against the text the core
 * gives the same file as `taizhang check` reads it. Shared by the differential test and the bench.
 */
export const SHIPPED_PACKS = ["township-2018", "model-unit"] as const;

export interface LibreOfficeAgreement {
  workbooks: number;
  verdicts: number;
  /** Verdicts that are ✗ or ! (the fill must exercise the rules). */
  flagged: number;
  /** Item 应得/实得 helpers and 自评结果 figures that are formulas, compared with assess(). */
  scores: number;
  differences: string[];
  sofficeMs: number;
  /** Files LibreOffice could not open or compute. */
  failed: string[];
}

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

const cellsOf = (checks: readonly { sheet: string; address: string }[]): Record<string, string[]> => {
  const out: Record<string, string[]> = {};
  for (const c of checks) (out[c.sheet] ??= []).push(c.address);
  return out;
};

/** Seeds `firstSeed … firstSeed + perPack − 1` of each of `packs`, through one soffice. */
export async function agreeWithLibreOffice(
  perPack: number,
  firstSeed: number,
  packs: readonly string[] = SHIPPED_PACKS,
): Promise<LibreOfficeAgreement> {
  const dir = mkdtempSync(join(tmpdir(), "tz-diff-lo-"));
  try {
    const jobs: { path: string; label: string; checks: FormulaCellCheck[]; scores: ScoreCellCheck[] }[] = [];
    for (const id of packs) {
      const pack = findPack(id) as Pack;
      const template = buildTemplate(pack, { township: "甲镇", ledgerFormulaRows: DIFFERENTIAL_LEDGER_ROWS });
      for (let seed = firstSeed; seed < firstSeed + perPack; seed++) {
        const fill = randomFill(pack, seed);
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
    const batch = await recalcWithLibreOffice(
      jobs.map((j) => ({ path: j.path, cells: cellsOf([...j.checks, ...j.scores]) })),
      undefined,
      { timeoutMs: 60 * 60_000 },
    );
    const out: LibreOfficeAgreement = {
      workbooks: jobs.length,
      verdicts: 0,
      flagged: 0,
      scores: 0,
      differences: [],
      sofficeMs: batch.totalMs,
      failed: [],
    };
    batch.files.forEach((file, i) => {
      const job = jobs[i] as (typeof jobs)[number];
      if (!file.ok) {
        out.failed.push(`${job.label}: ${file.error ?? "?"}`);
        return;
      }
      const value = (sheet: string, address: string) => {
        const v = file.sheets[sheet]?.[address];
        return v === undefined ? null : loToCellValue(v);
      };
      const result = compareChecks(job.label, job.checks, value);
      const scored = compareScores(job.label, job.scores, value);
      out.scores += scored.cells;
      out.differences.push(...scored.differences);
      out.verdicts += result.cells;
      out.flagged += job.checks.filter((c) => c.want !== "" && c.want !== "✓").length;
      out.differences.push(...result.differences);
    });
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
