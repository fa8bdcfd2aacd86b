import type { Finding } from "./findings";

/**
 * The plain model between a workbook and the core. Adapters (Office.js, ExcelJS) read a
 * workbook into this shape; the core never sees a workbook.
 *
 * Dates may arrive as Excel serial numbers (Office.js), Date values (ExcelJS) or text typed by
 * a person; the core's value parsers accept all of them.
 */
export type CellValue = string | number | boolean | Date | null;

/** One row of a table, as the user left it. */
export interface RowSnapshot {
  /** 1-based row number on the sheet, for pointing at the cell. */
  row: number;
  /** Values by layout column id; a column missing from the table is absent. */
  cells: Readonly<Record<string, CellValue>>;
}

export interface TableSnapshot {
  /** Layout table key, e.g. "checklist:G2.1", "ledger:decisions", "veto:G9". */
  key: string;
  /** The sheet's current name (the user may have renamed it). */
  sheet: string;
  /** 0-based sheet column index of each layout column id, as found in the workbook. */
  columns: Readonly<Record<string, number>>;
  rows: readonly RowSnapshot[];
}

export interface InputSnapshot {
  value: CellValue;
  sheet: string;
  /** A1 address of the input cell, e.g. "C5". */
  cell: string;
}

export interface WorkbookSnapshot {
  packId: string;
  packVersion: string;
  /**
   * 乡镇名称, 评估基准日, every indicator input, 评估年度 and each ledger's 本评估年度无此类事项
   * reason (noMatters_<ledger>), by input id.
   */
  inputs: Readonly<Record<string, InputSnapshot>>;
  tables: Readonly<Record<string, TableSnapshot>>;
  /** What reading the workbook found (rows below a table, missing columns), from core/read. */
  readFindings?: readonly Finding[];
}

/** Reserved input ids on 基本信息 that every pack has. */
export const INFO_INPUTS = {
  township: "township",
  assessmentDate: "assessmentDate",
  assessmentYear: "assessmentYear",
} as const;
