import {
  CHECKLIST_COLUMNS,
  type ColumnLayout,
  parseMetaRows,
  type TableLayout,
  VETO_COLUMNS,
  type WorkbookLayout,
  type WorkbookMeta,
} from "../core/layout";
import type { NameRead, SheetRead, TableRead, WorkbookRead } from "./read";

/**
 * Where Taizhang's things are in a workbook that was read: tables by layout key, input cells by
 * input id, and Taizhang's sheets, found through the metadata (table ids, sheet ids) first and
 * by name second, so renamed sheets and tables are found again.
 */

/** Adapter-specific metadata rows; parseMetaRows ignores kinds it does not know. */
export const EXTRA_META = {
  tableId: "excel.tableId",
  sheet: "excel.sheet",
  renamed: "excel.renamed",
} as const;

export type SheetPurpose = "info" | "results" | "gaps";

export interface ExtraMeta {
  tableIds: Map<string, { tableId: string; sheetId: string }>;
  sheets: Map<SheetPurpose, { name: string; sheetId: string }>;
  renamed: { wanted: string; used: string }[];
}

export interface LocatedTable {
  key: string;
  read: TableRead;
  /** 0-based sheet column of each layout column id found in the header. */
  columns: Record<string, number>;
  /** Layout columns missing from the table (the user deleted them). */
  missing: ColumnLayout[];
}

export interface Located {
  meta: WorkbookMeta | null;
  extra: ExtraMeta;
  tables: Map<string, LocatedTable>;
  /** Tables the metadata lists that the layout no longer has (a retired group or ledger). */
  retiredTables: Map<string, LocatedTable>;
  inputs: Map<string, NameRead>;
  sheets: Map<SheetPurpose, SheetRead>;
  /** Ids of every sheet Taizhang made. */
  ourSheetIds: Set<string>;
  metaSheetId: string | null;
}

export function parseExtraMeta(rows: readonly (readonly unknown[])[] | null): ExtraMeta {
  const extra: ExtraMeta = { tableIds: new Map(), sheets: new Map(), renamed: [] };
  for (const row of rows ?? []) {
    const [kind, key, value, more] = row.map((c) => (c === null || c === undefined ? "" : String(c)));
    if (!key || !value) continue;
    if (kind === EXTRA_META.tableId) extra.tableIds.set(key, { tableId: value, sheetId: more ?? "" });
    else if (kind === EXTRA_META.sheet && (key === "info" || key === "results" || key === "gaps")) {
      extra.sheets.set(key, { name: value, sheetId: more ?? "" });
    } else if (kind === EXTRA_META.renamed) extra.renamed.push({ wanted: key, used: value });
  }
  return extra;
}

const normalizeHeader = (text: string): string => text.replace(/\s+/g, "").toLowerCase();

/** Matches header cells to layout columns by their Chinese or English text. */
export function matchColumns(
  headers: readonly string[],
  firstColumn: number,
  columns: readonly ColumnLayout[],
): { columns: Record<string, number>; missing: ColumnLayout[] } {
  const byText = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = normalizeHeader(h);
    if (!byText.has(key)) byText.set(key, firstColumn + i);
  });
  const found: Record<string, number> = {};
  const missing: ColumnLayout[] = [];
  for (const column of columns) {
    const at = byText.get(normalizeHeader(column.header.zh)) ?? byText.get(normalizeHeader(column.header.en));
    if (at === undefined) missing.push(column);
    else found[column.id] = at;
  }
  return { columns: found, missing };
}

function columnsForKey(key: string, layout: WorkbookLayout): readonly ColumnLayout[] {
  const table = layout.tables.find((t) => t.key === key);
  if (table) return table.columns;
  return key.startsWith("veto:") ? VETO_COLUMNS : CHECKLIST_COLUMNS;
}

export function locate(read: WorkbookRead, layout: WorkbookLayout): Located {
  const meta = read.metaRows ? parseMetaRows(read.metaRows) : null;
  const extra = parseExtraMeta(read.metaRows);
  const byId = new Map(read.tables.map((t) => [t.id, t]));
  const byName = new Map(read.tables.map((t) => [t.name.toLowerCase(), t]));
  const claimed = new Set<string>();

  const find = (key: string, layoutName: string | undefined): TableRead | undefined => {
    const candidates = [
      byId.get(extra.tableIds.get(key)?.tableId ?? ""),
      byName.get((meta?.tables.find((t) => t.key === key)?.name ?? "").toLowerCase()),
      layoutName ? byName.get(layoutName.toLowerCase()) : undefined,
    ];
    const hit = candidates.find((t) => t !== undefined && !claimed.has(t.id));
    if (hit) claimed.add(hit.id);
    return hit;
  };
  const located = (key: string, t: TableRead): LocatedTable => {
    const match = matchColumns(t.headers, t.firstColumn, columnsForKey(key, layout));
    return { key, read: t, ...match };
  };

  const tables = new Map<string, LocatedTable>();
  for (const table of layout.tables) {
    const t = find(table.key, table.name);
    if (t) tables.set(table.key, located(table.key, t));
  }
  const retiredTables = new Map<string, LocatedTable>();
  const layoutKeys = new Set(layout.tables.map((t) => t.key));
  for (const key of new Set([...(meta?.tables.map((t) => t.key) ?? []), ...extra.tableIds.keys()])) {
    if (layoutKeys.has(key)) continue;
    const t = find(key, undefined);
    if (t) retiredTables.set(key, located(key, t));
  }

  const inputs = new Map<string, NameRead>();
  for (const row of layout.info.rows) {
    const name = read.names.get(row.name.toLowerCase());
    if (name) inputs.set(row.inputId, name);
  }
  // Inputs a newer pack dropped are still ours, found through their TZ_ names.
  for (const [lower, name] of read.names) {
    const id = name.name.slice(3);
    if (
      !inputs.has(id) &&
      lower.startsWith("tz_") &&
      !read.tables.some((t) => t.name.toLowerCase() === lower)
    ) {
      inputs.set(id, name);
    }
  }

  const sheetById = new Map(read.sheets.map((s) => [s.id, s]));
  const sheets = new Map<SheetPurpose, SheetRead>();
  const fallbackNames: Record<SheetPurpose, string> = {
    info: layout.info.sheet,
    results: layout.results.sheet,
    gaps: layout.gaps.sheet,
  };
  for (const purpose of ["info", "results", "gaps"] as const) {
    const recorded = extra.sheets.get(purpose);
    let sheet = recorded
      ? (sheetById.get(recorded.sheetId) ?? read.sheets.find((s) => s.name === recorded.name))
      : undefined;
    if (!sheet && purpose === "info") {
      const anyInput = [...inputs.values()][0];
      if (anyInput) sheet = sheetById.get(anyInput.sheetId);
    }
    // Without metadata, a sheet of the right name is ours only if Taizhang's metadata exists.
    if (!sheet && meta) sheet = read.sheets.find((s) => s.name === fallbackNames[purpose]);
    if (sheet) sheets.set(purpose, sheet);
  }

  const ourSheetIds = new Set<string>();
  for (const t of [...tables.values(), ...retiredTables.values()]) ourSheetIds.add(t.read.sheetId);
  for (const s of sheets.values()) ourSheetIds.add(s.id);
  if (read.metaSheetId) ourSheetIds.add(read.metaSheetId);

  return { meta, extra, tables, retiredTables, inputs, sheets, ourSheetIds, metaSheetId: read.metaSheetId };
}

export function tableLayout(layout: WorkbookLayout, key: string): TableLayout | undefined {
  return layout.tables.find((t) => t.key === key);
}
