import type { CellValue, RowSnapshot } from "../core/snapshot";
import type { XlValue } from "./api";
import type { LocatedTable } from "./locate";

/** Excel's empty cell ("") is the core's null; everything else passes through (dates as serials). */
export function cellValue(value: XlValue | undefined): CellValue {
  return value === undefined || value === "" ? null : value;
}

export function rowSnapshot(table: LocatedTable, bodyIndex: number, values: readonly XlValue[]): RowSnapshot {
  return rowFrom(table.columns, table.read.firstColumn, table.read.headerRow, bodyIndex, values);
}

/** One body row as the core sees it; `headerRow` is 0-based, the snapshot's row 1-based. */
export function rowFrom(
  columns: Readonly<Record<string, number>>,
  firstColumn: number,
  headerRow: number,
  bodyIndex: number,
  values: readonly XlValue[],
): RowSnapshot {
  const cells: Record<string, CellValue> = {};
  for (const [id, column] of Object.entries(columns)) cells[id] = cellValue(values[column - firstColumn]);
  return { row: headerRow + 2 + bodyIndex, cells };
}
