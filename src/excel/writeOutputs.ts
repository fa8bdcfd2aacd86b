import type { Assessment } from "../core/assessment";
import { type ItemScoreCells, readGapSheet, type WorkbookLayout, WORKBOOK_LOCALE } from "../core/layout";
import type { FixedFormula } from "../core/formulas/types";
import type { CellValue, TableSnapshot } from "../core/snapshot";
import { t } from "../i18n";
import type { XlTable, XlWorksheet } from "./api";
import {
  checkTexts,
  indexFindings,
  inputCheckText,
  ledgerRowTexts,
  paintCheck,
  resultModels,
  writeCheckColumn,
  writeLedgerStatus,
  writeSheetModel,
} from "./outputs";

export interface OutputTarget {
  key: string;
  table: XlTable;
  /** 校验 column relative to the table's first column; null when the table has none. */
  checkColumn: number | null;
  snapshot: TableSnapshot;
  /** Columns a person fills in (a row with none of them filled gets an empty 校验 cell). */
  userColumns: readonly string[];
  /** The 校验 texts as they are in the workbook now, to write only what changed. */
  previous?: readonly string[];
  /** Rows whose 校验 cell holds a formula: never written over (the workbook computes them). */
  formulaRows?: readonly boolean[];
  /**
   * A checklist's 状态 column (relative to the table) and its cells as read, row by row: ledger
   * items' rows get their ledger's result there.
   */
  status?: { column: number; values: readonly CellValue[] };
}

export interface InputCheckTarget {
  /** 0-based sheet row and column of the input's 校验 cell. */
  row: number;
  column: number;
  value: CellValue;
  sheet: string;
  /** A1 address of the value cell (findings point at it). */
  cell: string;
  retired: boolean;
  previous?: string;
}

export interface OutputPlan {
  assessment: Assessment;
  layout: WorkbookLayout;
  tables: readonly OutputTarget[];
  retired: ReadonlySet<string>;
  info: { sheet: XlWorksheet; cells: readonly InputCheckTarget[] } | null;
  results: {
    sheet: XlWorksheet;
    firstWrite: boolean;
    hasChart: boolean;
    /** 自评结果's compiled figures (src/core/formulas): written as formulas over the values. */
    formulas?: readonly FixedFormula[];
  } | null;
  gaps: {
    sheet: XlWorksheet;
    firstWrite: boolean;
    /**
     * The sheet's cells as read in this same batch, so what a person typed into 责任人 / 完成期限 /
     * 备注 and the 已整改 rows are written back; absent for a sheet Taizhang has just created.
     */
    previous?: readonly (readonly CellValue[])[];
    /** Items whose 应得 / 实得 the workbook computes: their gap rows' points become formulas. */
    scoreCells?: ReadonlyMap<string, ItemScoreCells>;
  } | null;
  /** Local date of this write (YYYY-MM-DD): the day items that left 差距清单 are marked with. */
  today?: string;
}

export interface OutputsWritten {
  /** 校验 texts per table key, as now queued for the workbook. */
  checks: Map<string, string[]>;
  inputChecks: Map<string, string>;
  changedCells: number;
}

/** Queues every write that shows an assessment: 校验 cells and fills, 自评结果, 差距清单. */
export function writeOutputs(plan: OutputPlan): OutputsWritten {
  const index = indexFindings(plan.assessment);
  const checks = new Map<string, string[]>();
  const inputChecks = new Map<string, string>();
  let changedCells = 0;
  const ledgerTexts = ledgerRowTexts(plan.assessment);
  for (const target of plan.tables) {
    const texts = checkTexts(target.snapshot, index, plan.retired, target.userColumns);
    checks.set(target.key, texts);
    if (target.checkColumn !== null)
      changedCells += writeCheckColumn(
        target.table,
        target.checkColumn,
        texts,
        target.previous,
        target.formulaRows,
      );
    if (target.status)
      changedCells += writeLedgerStatus(target.table, target.snapshot, target.status, ledgerTexts);
  }
  if (plan.info) {
    for (const cell of plan.info.cells) {
      const text = cell.retired
        ? t(WORKBOOK_LOCALE, "excel.info.retired")
        : inputCheckText(index, cell.sheet, cell.cell, cell.value);
      inputChecks.set(`${cell.row}:${cell.column}`, text);
      if (cell.previous === text) continue;
      const range = plan.info.sheet.getRangeByIndexes(cell.row, cell.column, 1, 1);
      range.values = [[text]];
      paintCheck(range, text);
      changedCells += 1;
    }
  }
  const models = resultModels(plan.assessment, plan.layout, {
    ...(plan.gaps?.previous ? { previous: readGapSheet(plan.gaps.previous) } : {}),
    today: plan.today ?? localIsoDate(new Date()),
    ...(plan.gaps?.scoreCells ? { scoreCells: plan.gaps.scoreCells } : {}),
  });
  if (plan.results) writeSheetModel(plan.results.sheet, models.results, plan.results);
  if (plan.gaps)
    writeSheetModel(plan.gaps.sheet, models.gaps, {
      firstWrite: plan.gaps.firstWrite,
      hasChart: false,
      wrapColumns: [2, 8, 13],
    });
  return { checks, inputChecks, changedCells };
}

/** The date on the user's clock, as the 已整改 section shows it. */
export function localIsoDate(now: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}
