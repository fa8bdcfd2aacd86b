import { type ColumnLayout, parseMetaRows, type WorkbookLayout, type WorkbookMeta } from "../core/layout";
import { type FoundTable, readWorkbookSnapshot, type WorkbookReading } from "../core/read";
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
  /** The core's reading of the workbook: what is checked. */
  reading: WorkbookReading;
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

export function locate(read: WorkbookRead, layout: WorkbookLayout): Located {
  const meta = read.metaRows ? parseMetaRows(read.metaRows) : null;
  const extra = parseExtraMeta(read.metaRows);
  const hints = new Map([...extra.tableIds].map(([key, ids]) => [key, ids.tableId]));
  const reading = readWorkbookSnapshot(read.raw, layout, meta, hints);
  const byId = new Map(read.tables.map((t) => [t.id, t]));
  // Tables found only by a header scan have no Excel table to write to: they are read, not kept.
  const located = (found: FoundTable): LocatedTable[] => {
    const t = found.excel ? byId.get(found.excel.id) : undefined;
    return t ? [{ key: found.key, read: t, columns: found.columns, missing: found.missing }] : [];
  };
  const tables = new Map(
    [...reading.found.tables.values()].flatMap((f) => located(f).map((t) => [t.key, t] as const)),
  );
  const retiredTables = new Map(
    [...reading.found.retired.values()].flatMap((f) => located(f).map((t) => [t.key, t] as const)),
  );

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
  // Ids hold only within a session (Excel for desktop reports positional ones after a reopen), so a
  // recorded id is trusted only for a renamed sheet, never for one that is visibly something else.
  const otherwiseOurs = new Set([
    ...[...extra.sheets.values()].map((r) => r.name),
    ...[...tables.values(), ...retiredTables.values()].map((t) => t.read.sheetName),
  ]);
  const trustedById = (id: string): SheetRead | undefined => {
    const sheet = sheetById.get(id);
    return sheet && sheet.id !== read.metaSheetId && !otherwiseOurs.has(sheet.name) ? sheet : undefined;
  };
  const sheets = new Map<SheetPurpose, SheetRead>();
  const fallbackNames: Record<SheetPurpose, string> = {
    info: layout.info.sheet,
    results: layout.results.sheet,
    gaps: layout.gaps.sheet,
  };
  for (const purpose of ["info", "results", "gaps"] as const) {
    const recorded = extra.sheets.get(purpose);
    let sheet = recorded
      ? (read.sheets.find((s) => s.name === recorded.name) ?? trustedById(recorded.sheetId))
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

  return {
    meta,
    extra,
    tables,
    retiredTables,
    inputs,
    sheets,
    ourSheetIds,
    metaSheetId: read.metaSheetId,
    reading,
  };
}
