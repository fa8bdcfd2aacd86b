import type { WorkbookLayout } from "../core/layout";
import type {
  CellValue,
  InputSnapshot,
  RowSnapshot,
  TableSnapshot,
  WorkbookSnapshot,
} from "../core/snapshot";
import { columnLetters } from "./address";
import type { XlValue } from "./api";
import type { Located, LocatedTable } from "./locate";

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

export function tableSnapshot(table: LocatedTable): TableSnapshot {
  return {
    key: table.key,
    sheet: table.read.sheetName,
    columns: { ...table.columns },
    rows: table.read.body.map((values, i) => rowSnapshot(table, i, values)),
  };
}

/** The plain model the core checks, from what was read and located. */
export function snapshotOf(located: Located, layout: WorkbookLayout): WorkbookSnapshot {
  const inputs: Record<string, InputSnapshot> = {};
  for (const row of layout.info.rows) {
    const name = located.inputs.get(row.inputId);
    if (name) {
      inputs[row.inputId] = {
        value: cellValue(name.value),
        sheet: name.sheetName,
        cell: `${columnLetters(name.column)}${name.row + 1}`,
      };
    }
  }
  const tables: Record<string, TableSnapshot> = {};
  for (const [key, table] of located.tables) tables[key] = tableSnapshot(table);
  return {
    packId: located.meta?.packId ?? layout.packId,
    packVersion: located.meta?.packVersion ?? layout.packVersion,
    inputs,
    tables,
  };
}
