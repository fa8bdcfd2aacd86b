import { cellAddress, INFO_VALUE_COLUMN, type WorkbookLayout, type WorkbookMeta } from "../../core/layout";
import type {
  CellValue,
  InputSnapshot,
  RowSnapshot,
  TableSnapshot,
  WorkbookSnapshot,
} from "../../core/snapshot";
import { plainValue } from "../cellValue";
import type { ExcelJS } from "../exceljs";
import { locateTables, type LocatedTable } from "./locateTables";
import { columnNumber, extent, headerAt, valueAt } from "./sheetAccess";

export interface SnapshotRead {
  snapshot: WorkbookSnapshot;
  /** Layout table keys not found anywhere in the workbook. */
  missingTables: string[];
}

/** Reads a loaded workbook into the core's plain model, following the pack's layout. */
export function readSnapshot(
  workbook: ExcelJS.Workbook,
  layout: WorkbookLayout,
  meta: WorkbookMeta,
): SnapshotRead {
  const located = locateTables(workbook, layout.tables, meta);
  const tables: Record<string, TableSnapshot> = {};
  for (const found of located) tables[found.table.key] = readTable(found, located);
  return {
    snapshot: {
      packId: meta.packId,
      packVersion: meta.packVersion,
      inputs: readInputs(workbook, layout),
      tables,
    },
    missingTables: layout.tables.filter((t) => !tables[t.key]).map((t) => t.key),
  };
}

function readTable(found: LocatedTable, all: readonly LocatedTable[]): TableSnapshot {
  const { table, sheet, headerRow, columns } = found;
  // Stop above the next table's title row on the same sheet; otherwise read to the sheet's end,
  // past the Excel table's range, since LibreOffice does not grow tables as rows are typed.
  const below = all.filter((o) => o.sheet === sheet && o.headerRow > headerRow).map((o) => o.headerRow - 2);
  const lastRow = Math.min(extent(sheet).rows, ...below);
  const inputColumns = table.columns.filter((c) => !c.output && columns.has(c.id));
  const keyed = table.kind !== "ledger" && columns.has("id");
  const rows: RowSnapshot[] = [];
  for (let r = headerRow + 1; r <= lastRow; r++) {
    const sheetRow = sheet.findRow(r);
    if (!sheetRow) continue;
    const cells: Record<string, CellValue> = {};
    let filled = false;
    for (const column of inputColumns) {
      const value = plainValue(sheetRow.findCell(columns.get(column.id) as number)?.value);
      cells[column.id] = value;
      if (value !== null) filled = true;
    }
    // Checklist and veto rows are the prefilled item rows; anything else below them is a note.
    if (keyed ? cells.id === null : !filled) continue;
    rows.push({ row: r, cells });
  }
  return {
    key: table.key,
    sheet: sheet.name,
    columns: Object.fromEntries([...columns].map(([id, c]) => [id, c - 1])),
    rows,
  };
}

function readInputs(workbook: ExcelJS.Workbook, layout: WorkbookLayout): Record<string, InputSnapshot> {
  const inputs: Record<string, InputSnapshot> = {};
  const infoSheet = workbook.getWorksheet(layout.info.sheet);
  for (const row of layout.info.rows) {
    const target =
      byDefinedName(workbook, row.name) ??
      (infoSheet ? byLabel(infoSheet, row.label.zh, row.label.en) : null) ??
      (infoSheet ? { sheet: infoSheet, row: row.row, column: INFO_VALUE_COLUMN + 1 } : null);
    if (!target) continue;
    inputs[row.inputId] = {
      value: valueAt(target.sheet, target.row, target.column),
      sheet: target.sheet.name,
      cell: cellAddress(target.column - 1, target.row),
    };
  }
  return inputs;
}

interface CellTarget {
  sheet: ExcelJS.Worksheet;
  row: number;
  column: number;
}

function byDefinedName(workbook: ExcelJS.Workbook, name: string): CellTarget | null {
  const range = workbook.definedNames.getRanges(name).ranges[0];
  const match = range ? /^'?(.+?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(range) : null;
  if (!match) return null;
  const sheet = workbook.getWorksheet((match[1] ?? "").replace(/''/g, "'"));
  return sheet ? { sheet, row: Number(match[3]), column: columnNumber(match[2] ?? "A") } : null;
}

/** The value beside a label in column A, for workbooks whose names were lost. */
function byLabel(sheet: ExcelJS.Worksheet, zh: string, en: string): CellTarget | null {
  const labels = new Set([zh, en].map((s) => s.replace(/\s+/g, "")));
  const last = Math.min(extent(sheet).rows, 200);
  for (let r = 1; r <= last; r++) {
    if (labels.has(headerAt(sheet, r, 1))) return { sheet, row: r, column: INFO_VALUE_COLUMN + 1 };
  }
  return null;
}
