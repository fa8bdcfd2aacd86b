import type { RawName, RawSheet, RawTable, RawWorkbook, SheetVisibility } from "../../core/read";
import type { CellValue } from "../../core/snapshot";
import { rawCellValue } from "../cellValue";
import { ExcelJS, tableRange } from "../exceljs";
import { columnNumber, parseRange } from "./sheetAccess";

/**
 * A loaded ExcelJS workbook as the core's raw-cell model: the adapter's whole reading job. Values
 * are translated to what Office.js would show for the same file, so every path reads the same.
 */
export function rawFromWorkbook(workbook: ExcelJS.Workbook): RawWorkbook {
  const sheets = workbook.worksheets.map(rawSheet);
  return { sheets, names: rawNames(workbook, sheets) };
}

function rawSheet(ws: ExcelJS.Worksheet): RawSheet {
  const rows: CellValue[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    const values: CellValue[] = [];
    row?.eachCell({ includeEmpty: false }, (cell, c) => {
      // A merged cell's followers report the leader's value; Office.js gives them as empty.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const value = rawCellValue(cell.value);
      if (value === null) return;
      while (values.length < c - 1) values.push(null);
      values[c - 1] = value;
    });
    rows.push(values);
  }
  while (rows.length > 0 && (rows[rows.length - 1] as CellValue[]).length === 0) rows.pop();
  const visibility: SheetVisibility =
    ws.state === "veryHidden" ? "VeryHidden" : ws.state === "hidden" ? "Hidden" : "Visible";
  return { id: String(ws.id), name: ws.name, visibility, rows, tables: rawTables(ws) };
}

interface TableModel {
  tableRef?: string;
  ref?: string;
  rows?: unknown[];
  columns?: unknown[];
  headerRow?: boolean;
  totalsRow?: boolean;
}

function rawTables(ws: ExcelJS.Worksheet): RawTable[] {
  const tables = (ws as unknown as { tables?: Record<string, ExcelJS.Table> }).tables ?? {};
  const out: RawTable[] = [];
  for (const [name, table] of Object.entries(tables)) {
    const model = (table as unknown as { table?: TableModel }).table ?? {};
    const ref = tableRange(table) ?? "";
    const range = parseRange(ref);
    if (!range) continue;
    const whole = /:/.test(ref);
    // A table built in this process (taizhang init) only knows its top-left cell and its rows.
    const bottom = whole ? range.bottom : range.top + (model.rows?.length ?? 0) + (model.totalsRow ? 1 : 0);
    const right = whole ? rightOf(ref) : range.left + Math.max(1, model.columns?.length ?? 1) - 1;
    out.push({
      id: `xlsx:${name}`,
      name,
      top: range.top - 1,
      left: range.left - 1,
      bottom: bottom - 1,
      right: right - 1,
    });
  }
  return out;
}

function rightOf(ref: string): number {
  const match = /:\$?([A-Z]+)/i.exec(ref);
  return columnNumber(match?.[1] ?? "A");
}

function rawNames(workbook: ExcelJS.Workbook, sheets: readonly RawSheet[]): RawName[] {
  const model = (
    workbook.definedNames as unknown as { model: { name: string; ranges: string[]; localSheetId?: number }[] }
  ).model;
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const out: RawName[] = [];
  for (const entry of model) {
    if (entry.ranges.length !== 1 || entry.localSheetId !== undefined) continue;
    const match = /^'?(.+?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(entry.ranges[0] ?? "");
    const sheet = match ? byName.get((match[1] ?? "").replace(/''/g, "'")) : undefined;
    if (!match || !sheet) continue;
    out.push({
      name: entry.name,
      sheetId: sheet.id,
      row: Number(match[3]) - 1,
      column: columnNumber(match[2] ?? "A") - 1,
    });
  }
  return out;
}
