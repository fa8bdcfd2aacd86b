import type { CellValue } from "../snapshot";

/**
 * The raw-cell model: a workbook as any host shows it, before Taizhang looks for its tables.
 * Adapters (Office.js, ExcelJS, the preview's simulator) only translate their host's cells into
 * this; `core/read` does the rest. Rows and columns are 0-based; values are what Office.js gives
 * for a cell, with empty cells as null: numbers (dates as Excel serials), text, booleans, and a
 * formula's cached result.
 */
export interface RawTable {
  /** The host's table id (Office.js `table.id`, the file's table id); a hint only. */
  id: string;
  name: string;
  /** Header row and first column. */
  top: number;
  left: number;
  /** Last row of the table's range (the header row when it has no body) and last column. */
  bottom: number;
  right: number;
}

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface RawSheet {
  /** The host's sheet id; stable within one reading only. */
  id: string;
  name: string;
  visibility: SheetVisibility;
  /** Values from A1; a row may be shorter than others, missing cells are empty. */
  rows: readonly (readonly CellValue[])[];
  tables: readonly RawTable[];
}

/** A workbook-level defined name that points at one cell. */
export interface RawName {
  name: string;
  sheetId: string;
  row: number;
  column: number;
}

export interface RawWorkbook {
  sheets: readonly RawSheet[];
  names: readonly RawName[];
}

export function rawAt(sheet: RawSheet, row: number, column: number): CellValue {
  return sheet.rows[row]?.[column] ?? null;
}

/** Text of a cell for comparing with labels and headers ("" when empty). */
export function rawText(sheet: RawSheet, row: number, column: number): string {
  const value = rawAt(sheet, row, column);
  return value === null || value instanceof Date ? "" : String(value);
}

/** Number of columns a row of the sheet holds. */
export function rowWidth(sheet: RawSheet, row: number): number {
  return sheet.rows[row]?.length ?? 0;
}
