import { layoutFor, type TableLayout, type WorkbookLayout } from "../core/layout";
import { resolvePack } from "../core/pack/resolve";
import type { Pack } from "../core/pack/schema";
import { rawAt, type RawSheet, type RawWorkbook, type WorkbookReading } from "../core/read";
import type { CellValue, RowSnapshot, TableSnapshot, WorkbookSnapshot } from "../core/snapshot";
import { MAX_ROWS } from "./address";
import { ExcelAdapterError } from "./errors";
import { type Located, type LocatedTable, locate } from "./locate";
import type { NameRead, TableRead, WorkbookRead } from "./read";

/**
 * What Taizhang knows about an installed workbook between checks: the raw cells last read, the
 * core's reading of them, where the Excel tables and inputs are, and the 校验 texts last written.
 * Live validation patches the raw cells with the rows an edit touched and reads them again.
 */
export interface CachedTable extends Omit<TableRead, "body"> {
  key: string;
  columns: Record<string, number>;
  /** The table's body rows (blank ones too), one 校验 cell each. */
  snapshot: TableSnapshot;
  /** 0-based last row of the Excel table's range. */
  bottom: number;
  /** 0-based last sheet row the core reads for this table (records below the table included). */
  regionEnd: number;
  /** 校验 column relative to the table's first column, or null. */
  checkColumn: number | null;
  userColumns: string[];
  checks: string[];
  /** Rows whose 校验 cell holds a formula, when the read asked (explicit checks never write there). */
  formulaRows?: boolean[];
  /** Still in the layout (false for a table of a group the pack dropped). */
  current: boolean;
}

export interface CachedInput extends NameRead {
  inputId: string;
  check: string;
  retired: boolean;
}

export interface WorkbookState {
  pack: Pack;
  layout: WorkbookLayout;
  located: Located;
  /** What the last full read found (its sheets, tables and names are re-read by id). */
  read: WorkbookRead;
  /** The cells read, patched by live edits; `reading` is the core's reading of them. */
  raw: RawWorkbook;
  reading: WorkbookReading;
  tables: Map<string, CachedTable>;
  inputs: Map<string, CachedInput>;
  retired: Set<string>;
  /** The metadata rows as last read or written (JSON), to rewrite them only when they change. */
  metaText: string;
  sheets: {
    info?: { id: string; name: string };
    results?: { id: string; name: string; hasChart: boolean };
    gaps?: { id: string; name: string };
  };
}

/** The pack of an installed workbook: the one given, or the built-in one its metadata names. */
export function packFor(located: Located, given: Pack | null | undefined): Pack {
  if (given) return given;
  const meta = located.meta;
  if (!meta) throw new ExcelAdapterError("excel.error.notInstalled", {});
  // The workbook's pack as shipped, adjusted by the local settings it records (as the CLI does).
  const resolved = resolvePack(meta);
  if (resolved.ok && resolved.exact) return resolved.pack;
  if (!resolved.ok && resolved.reason === "badSettings")
    throw new ExcelAdapterError("excel.error.badSettings", {});
  throw new ExcelAdapterError("excel.error.unknownPack", {
    packId: meta.packId,
    packVersion: meta.packVersion,
  });
}

/** Locates Taizhang's parts in a read workbook; throws "not installed" when there are none. */
export function stateFrom(read: WorkbookRead, givenPack: Pack | null | undefined): WorkbookState {
  const provisional = givenPack ? layoutFor(givenPack) : null;
  let located = provisional ? locate(read, provisional) : null;
  const pack = packFor(located ?? locate(read, emptyLayout()), givenPack);
  const layout = provisional ?? layoutFor(pack);
  located ??= locate(read, layout);
  if (!located.meta && located.tables.size === 0) throw new ExcelAdapterError("excel.error.notInstalled", {});

  const sheetById = new Map(read.raw.sheets.map((s) => [s.id, s]));
  const tables = new Map<string, CachedTable>();
  const cache = (t: LocatedTable, tableLayout: TableLayout | undefined) => {
    const checkColumn = checkColumnOf(t.columns, t.read.firstColumn);
    const cached: CachedTable = {
      key: t.key,
      id: t.read.id,
      name: t.read.name,
      sheetId: t.read.sheetId,
      sheetName: t.read.sheetName,
      headerRow: t.read.headerRow,
      firstColumn: t.read.firstColumn,
      headers: [...t.read.headers],
      columns: { ...t.columns },
      snapshot: { key: t.key, sheet: t.read.sheetName, columns: {}, rows: [] },
      bottom: t.read.headerRow + t.read.body.length,
      regionEnd: MAX_ROWS - 1,
      checkColumn,
      userColumns: tableLayout ? userColumnsOf(tableLayout) : [],
      checks: [],
      current: tableLayout !== undefined,
    };
    const sheet = sheetById.get(cached.sheetId);
    if (sheet) refreshBody(cached, sheet);
    cached.checks = checkColumn === null ? [] : t.read.body.map((row) => String(row[checkColumn] ?? ""));
    const formulaRows = read.checkFormulas?.get(t.read.id);
    if (formulaRows) cached.formulaRows = formulaRows;
    tables.set(t.key, cached);
  };
  for (const [key, t] of located.tables)
    cache(
      t,
      layout.tables.find((l) => l.key === key),
    );
  for (const t of located.retiredTables.values()) cache(t, undefined);
  setRegions(tables);

  const inputs = new Map<string, CachedInput>();
  const layoutInputs = new Set(layout.info.rows.map((r) => r.inputId));
  for (const [inputId, found] of located.reading.inputs) {
    const name = located.inputs.get(inputId);
    inputs.set(inputId, {
      name: name?.name ?? found.name ?? "",
      sheetId: found.sheet.id,
      sheetName: found.sheet.name,
      row: found.row,
      column: found.column,
      value: xlValue(rawAt(found.sheet, found.row, found.column)),
      inputId,
      check: UNKNOWN_CHECK,
      retired: false,
    });
  }
  for (const [inputId, name] of located.inputs) {
    if (inputs.has(inputId) || layoutInputs.has(inputId)) continue;
    inputs.set(inputId, { ...name, inputId, check: UNKNOWN_CHECK, retired: true });
  }
  // 基本信息 renamed and its names lost: the sheet the core found the inputs on by their labels.
  const byLabel = [...located.reading.inputs.values()][0]?.sheet;
  const info = located.sheets.get("info") ?? (byLabel ? { id: byLabel.id, name: byLabel.name } : undefined);
  const results = located.sheets.get("results");
  const gaps = located.sheets.get("gaps");
  return {
    pack,
    layout,
    located,
    read,
    raw: read.raw,
    reading: located.reading,
    tables,
    inputs,
    retired: new Set(located.meta?.retiredItems ?? []),
    metaText: JSON.stringify((read.metaRows ?? []).map((row) => row.slice(0, 4).map((c) => String(c)))),
    sheets: {
      ...(info ? { info: { id: info.id, name: info.name } } : {}),
      ...(results
        ? { results: { id: results.id, name: results.name, hasChart: results.hasScoresChart } }
        : {}),
      ...(gaps ? { gaps: { id: gaps.id, name: gaps.name } } : {}),
    },
  };
}

/** The body rows of a cached table, cut from its sheet's cells (for its 校验 cells). */
export function refreshBody(cached: CachedTable, sheet: RawSheet): void {
  const rows: RowSnapshot[] = [];
  for (let r = cached.headerRow + 1; r <= cached.bottom; r++) {
    const cells: Record<string, CellValue> = {};
    for (const [id, column] of Object.entries(cached.columns)) cells[id] = rawAt(sheet, r, column);
    rows.push({ row: r + 1, cells });
  }
  cached.snapshot = { key: cached.key, sheet: cached.sheetName, columns: { ...cached.columns }, rows };
}

/** Where each table's records may be: down to the row above the next table's title row. */
function setRegions(tables: Map<string, CachedTable>): void {
  for (const t of tables.values()) {
    const below = [...tables.values()]
      .filter((o) => o.sheetId === t.sheetId && o.headerRow > t.headerRow)
      .map((o) => o.headerRow - 2);
    t.regionEnd = Math.min(MAX_ROWS - 1, ...below);
  }
}

const xlValue = (value: CellValue): NameRead["value"] =>
  value === null || value instanceof Date ? "" : value;

/** The 校验 column relative to a table's first column, or null when the table has none. */
export function checkColumnOf(columns: Readonly<Record<string, number>>, firstColumn: number): number | null {
  const c = columns.check;
  return c === undefined ? null : c - firstColumn;
}

/** The columns a user fills in (not fixed by the pack, not written by Taizhang). */
export function userColumnsOf(table: TableLayout): string[] {
  return table.columns.filter((c) => !c.fixed && !c.output).map((c) => c.id);
}

/** Input 校验 cells are not read (they are outputs), so the first check writes them all. */
export const UNKNOWN_CHECK = "\u0000";

/** The core's snapshot of what was read, under the pack the state checks with. */
export function snapshotOfState(state: WorkbookState): WorkbookSnapshot {
  return { ...state.reading.snapshot, packId: state.pack.id, packVersion: state.pack.version };
}

function emptyLayout(): WorkbookLayout {
  return {
    packId: "",
    packVersion: "",
    layoutVersion: 1,
    info: { sheet: "", rows: [] },
    tables: [],
    results: { sheet: "" },
    gaps: { sheet: "" },
    meta: { sheet: "" },
  };
}
