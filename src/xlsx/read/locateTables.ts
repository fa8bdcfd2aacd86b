import type { TableLayout, WorkbookMeta } from "../../core/layout";
import type { ExcelJS } from "../exceljs";
import { extent, headerAt, tablesOn } from "./sheetAccess";

/** Where a layout table was found in a (possibly edited) workbook. */
export interface LocatedTable {
  table: TableLayout;
  sheet: ExcelJS.Worksheet;
  headerRow: number;
  /** 1-based sheet column of each layout column id found in the header row. */
  columns: Map<string, number>;
}

/** How far down a header is looked for when the Excel table itself is gone. */
const HEADER_SCAN_ROWS = 200;
/** Share of a table's input columns whose header must be recognised. */
const HEADER_MATCH_SHARE = 0.6;

/**
 * Finds each layout table: by its Excel table name (survives renamed and moved sheets), else by
 * its header row on the sheet the metadata names, else on any sheet. Columns are matched by
 * header text, so inserted, moved or extra columns do not matter.
 */
export function locateTables(
  workbook: ExcelJS.Workbook,
  tables: readonly TableLayout[],
  meta: WorkbookMeta,
): LocatedTable[] {
  const byName = new Map<string, { sheet: ExcelJS.Worksheet; top: number }>();
  for (const sheet of workbook.worksheets) {
    for (const ref of tablesOn(sheet)) byName.set(ref.name.toLowerCase(), { sheet, top: ref.top });
  }
  const claimed = new Set<string>();
  const located: LocatedTable[] = [];
  for (const table of tables) {
    const entry = meta.tables.find((t) => t.key === table.key);
    const named = byName.get((entry?.name ?? table.name).toLowerCase());
    let found: LocatedTable | null = null;
    if (named) found = matchHeader(table, named.sheet, named.top, 0);
    if (!found) {
      const preferred = [entry?.sheet, table.sheet].filter((s): s is string => !!s);
      const sheets = [
        ...preferred.map((name) => workbook.getWorksheet(name)).filter((s): s is ExcelJS.Worksheet => !!s),
        ...workbook.worksheets,
      ];
      for (const sheet of new Set(sheets)) {
        found = scanForHeader(table, sheet, claimed);
        if (found) break;
      }
    }
    if (found) {
      claimed.add(`${found.sheet.id}:${found.headerRow}`);
      located.push(found);
    }
  }
  return located;
}

function scanForHeader(
  table: TableLayout,
  sheet: ExcelJS.Worksheet,
  claimed: ReadonlySet<string>,
): LocatedTable | null {
  const last = Math.min(extent(sheet).rows, HEADER_SCAN_ROWS);
  for (let row = 1; row <= last; row++) {
    if (claimed.has(`${sheet.id}:${row}`)) continue;
    const found = matchHeader(table, sheet, row, HEADER_MATCH_SHARE);
    if (found) return found;
  }
  return null;
}

function matchHeader(
  table: TableLayout,
  sheet: ExcelJS.Worksheet,
  row: number,
  minShare: number,
): LocatedTable | null {
  const wanted = new Map<string, string>();
  for (const column of table.columns) {
    for (const text of [column.header.zh, column.header.en]) {
      const key = text.replace(/\s+/g, "");
      if (!wanted.has(key)) wanted.set(key, column.id);
    }
  }
  const columns = new Map<string, number>();
  const width = extent(sheet).columns;
  for (let c = 1; c <= width; c++) {
    const id = wanted.get(headerAt(sheet, row, c));
    if (id && !columns.has(id)) columns.set(id, c);
  }
  const inputs = table.columns.filter((c) => !c.output);
  const matched = inputs.filter((c) => columns.has(c.id)).length;
  if (matched === 0 || matched < Math.ceil(inputs.length * minShare)) return null;
  return { table, sheet, headerRow: row, columns };
}
