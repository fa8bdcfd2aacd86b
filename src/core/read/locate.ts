import { CHECKLIST_COLUMNS, type ColumnLayout, VETO_COLUMNS } from "../layout/columns";
import type { TableLayout, WorkbookLayout } from "../layout/layout";
import type { WorkbookMeta } from "../layout/meta";
import { type HeaderCell, matchHeaders } from "./headers";
import { type RawSheet, type RawTable, type RawWorkbook, rawText, rowWidth } from "./raw";

/** A layout table as found in a (possibly edited) workbook. */
export interface FoundTable {
  key: string;
  /** The layout's table, or undefined for a table of a group or ledger the pack dropped. */
  layout: TableLayout | undefined;
  sheet: RawSheet;
  /** The spreadsheet table it is, or null when only its header row was found. */
  excel: RawTable | null;
  /** 0-based header row. */
  headerRow: number;
  /** 0-based sheet column of each layout column id found. */
  columns: Record<string, number>;
  missing: ColumnLayout[];
}

export interface FoundTables {
  tables: Map<string, FoundTable>;
  /** Tables the metadata lists that the layout no longer has. */
  retired: Map<string, FoundTable>;
}

/** How far down a header row is looked for when the spreadsheet table itself is gone. */
const HEADER_SCAN_ROWS = 200;
/** Share of a table's input columns whose header must be recognised by a header scan. */
const HEADER_MATCH_SHARE = 0.6;

/**
 * The one table locator. Each layout table is found by its spreadsheet table: by the name the
 * metadata recorded, the layout's name, or the id the host recorded (a hint), on whatever sheet
 * it now is; else by its header row, on the sheet the metadata names, the layout's sheet, then any
 * sheet. Columns are matched by header (see matchHeaders), so moved, inserted and renamed columns
 * and renamed sheets are found the same way on every path.
 */
export function locateTables(
  raw: RawWorkbook,
  layout: WorkbookLayout,
  meta: WorkbookMeta | null,
  idHints: ReadonlyMap<string, string> = new Map(),
): FoundTables {
  const all = raw.sheets.flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table })));
  const byId = new Map(all.map((t) => [t.table.id, t]));
  const byName = new Map(all.map((t) => [t.table.name.toLowerCase(), t]));
  const claimedTables = new Set<RawTable>();
  const claimedRows = new Set<string>();

  const byTable = (key: string, layoutName: string | undefined) => {
    const recorded = meta?.tables.find((t) => t.key === key)?.name;
    // Names first: a host's ids hold only within a session, so an old id may name another table.
    const candidates = [
      recorded ? byName.get(recorded.toLowerCase()) : undefined,
      layoutName ? byName.get(layoutName.toLowerCase()) : undefined,
      byId.get(idHints.get(key) ?? "\u0000"),
    ];
    const hit = candidates.find((c) => c !== undefined && !claimedTables.has(c.table));
    if (hit) claimedTables.add(hit.table);
    return hit;
  };
  const fromTable = (
    key: string,
    table: TableLayout | undefined,
    hit: { sheet: RawSheet; table: RawTable },
  ): FoundTable => {
    const columns = table?.columns ?? columnsForRetired(key);
    const headers: HeaderCell[] = [];
    for (let c = hit.table.left; c <= hit.table.right; c++)
      headers.push({ column: c, text: rawText(hit.sheet, hit.table.top, c) });
    claimedRows.add(`${hit.sheet.id}:${hit.table.top}`);
    return {
      key,
      layout: table,
      sheet: hit.sheet,
      excel: hit.table,
      headerRow: hit.table.top,
      ...matchHeaders(headers, columns, hit.table.left),
    };
  };

  const tables = new Map<string, FoundTable>();
  for (const table of layout.tables) {
    const hit = byTable(table.key, table.name);
    if (hit) tables.set(table.key, fromTable(table.key, table, hit));
  }
  for (const table of layout.tables) {
    if (tables.has(table.key)) continue;
    const recordedSheet = meta?.tables.find((t) => t.key === table.key)?.sheet;
    const preferred = [recordedSheet, table.sheet].flatMap((name) =>
      raw.sheets.filter((s) => name !== undefined && s.name === name),
    );
    for (const sheet of new Set([...preferred, ...raw.sheets])) {
      const found = scanForHeader(table, sheet, claimedRows);
      if (!found) continue;
      // A spreadsheet table whose name changed (in a program that keeps no id Taizhang recorded)
      // still starts at that header row: it is that table.
      const renamed = sheet.tables.find((t) => t.top === found.headerRow && !claimedTables.has(t));
      if (renamed) claimedTables.add(renamed);
      tables.set(table.key, renamed ? fromTable(table.key, table, { sheet, table: renamed }) : found);
      claimedRows.add(`${sheet.id}:${found.headerRow}`);
      break;
    }
  }

  const retired = new Map<string, FoundTable>();
  const layoutKeys = new Set(layout.tables.map((t) => t.key));
  for (const key of new Set([...(meta?.tables.map((t) => t.key) ?? []), ...idHints.keys()])) {
    if (layoutKeys.has(key)) continue;
    const hit = byTable(key, undefined);
    if (hit) retired.set(key, fromTable(key, undefined, hit));
  }
  return { tables, retired };
}

function columnsForRetired(key: string): readonly ColumnLayout[] {
  return key.startsWith("veto:") ? VETO_COLUMNS : CHECKLIST_COLUMNS;
}

function scanForHeader(table: TableLayout, sheet: RawSheet, claimed: ReadonlySet<string>): FoundTable | null {
  const inputs = table.columns.filter((c) => !c.output);
  const last = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  for (let row = 0; row < last; row++) {
    if (claimed.has(`${sheet.id}:${row}`)) continue;
    const headers: HeaderCell[] = [];
    for (let c = 0; c < rowWidth(sheet, row); c++) headers.push({ column: c, text: rawText(sheet, row, c) });
    const match = matchHeaders(headers, table.columns);
    const matched = inputs.filter((c) => match.columns[c.id] !== undefined).length;
    if (matched === 0 || matched < Math.ceil(inputs.length * HEADER_MATCH_SHARE)) continue;
    return { key: table.key, layout: table, sheet, excel: null, headerRow: row, ...match };
  }
  return null;
}
