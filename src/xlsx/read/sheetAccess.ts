import { columnIndex } from "../../core/layout";
import type { CellValue } from "../../core/snapshot";
import { headerText, plainValue } from "../cellValue";
import type { ExcelJS } from "../exceljs";

/** Reads without creating rows or cells (ExcelJS getRow/getCell would). Rows and columns 1-based. */
export function valueAt(sheet: ExcelJS.Worksheet, row: number, column: number): CellValue {
  return plainValue(sheet.findRow(row)?.findCell(column)?.value);
}

export function headerAt(sheet: ExcelJS.Worksheet, row: number, column: number): string {
  return headerText(sheet.findRow(row)?.findCell(column)?.value);
}

/** Last row and column that hold anything. */
export function extent(sheet: ExcelJS.Worksheet): { rows: number; columns: number } {
  return { rows: sheet.rowCount, columns: sheet.columnCount };
}

export interface TableRef {
  name: string;
  top: number;
  left: number;
  bottom: number;
}

/** The Excel tables on a sheet, with their ranges as ExcelJS loaded them. */
export function tablesOn(sheet: ExcelJS.Worksheet): TableRef[] {
  const tables = (sheet as unknown as { tables?: Record<string, ExcelJS.Table> }).tables ?? {};
  const out: TableRef[] = [];
  for (const [name, table] of Object.entries(tables)) {
    const model = (table as unknown as { table?: { tableRef?: string; ref?: string } }).table;
    const range = parseRange(model?.tableRef ?? model?.ref ?? "");
    if (range) out.push({ name, ...range });
  }
  return out;
}

/** "B2:K31" → rows and 1-based columns; null when unreadable. */
export function parseRange(ref: string): { top: number; left: number; bottom: number } | null {
  const match = /^\$?([A-Z]+)\$?(\d+)(?::\$?[A-Z]+\$?(\d+))?$/i.exec(ref.trim());
  if (!match) return null;
  const top = Number(match[2]);
  return { top, left: columnNumber(match[1] ?? "A"), bottom: Number(match[3] ?? top) };
}

/** 1-based column number of column letters, as ExcelJS counts columns. */
export function columnNumber(letters: string): number {
  return columnIndex(letters) + 1;
}
