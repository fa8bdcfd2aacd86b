import { layoutFor, type TableLayout, type WorkbookLayout } from "../core/layout";
import { findPack } from "../core/pack/builtin";
import type { Pack } from "../core/pack/schema";
import type { TableSnapshot, WorkbookSnapshot } from "../core/snapshot";
import { columnLetters } from "./address";
import { ExcelAdapterError } from "./errors";
import { type Located, type LocatedTable, locate } from "./locate";
import type { NameRead, TableRead, WorkbookRead } from "./read";
import { cellValue, tableSnapshot } from "./snapshot";

/**
 * What Taizhang knows about an installed workbook between checks: where its tables and inputs are,
 * their last-read values, and the 校验 texts last written. Live validation patches it with the
 * rows an edit touched instead of reading everything again.
 */
export interface CachedTable extends Omit<TableRead, "body"> {
  key: string;
  columns: Record<string, number>;
  snapshot: TableSnapshot;
  /** 校验 column relative to the table's first column, or null. */
  checkColumn: number | null;
  userColumns: string[];
  checks: string[];
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
  const pack = findPack(meta.packId, meta.packVersion);
  if (!pack)
    throw new ExcelAdapterError("excel.error.unknownPack", {
      packId: meta.packId,
      packVersion: meta.packVersion,
    });
  return pack;
}

/** Locates Taizhang's parts in a read workbook; throws "not installed" when there are none. */
export function stateFrom(read: WorkbookRead, givenPack: Pack | null | undefined): WorkbookState {
  const provisional = givenPack ? layoutFor(givenPack) : null;
  let located = provisional ? locate(read, provisional) : null;
  const pack = packFor(located ?? locate(read, emptyLayout()), givenPack);
  const layout = provisional ?? layoutFor(pack);
  located ??= locate(read, layout);
  if (!located.meta && located.tables.size === 0) throw new ExcelAdapterError("excel.error.notInstalled", {});

  const retired = new Set(located.meta?.retiredItems ?? []);
  const tables = new Map<string, CachedTable>();
  const cache = (t: LocatedTable, tableLayout: TableLayout | undefined) => {
    const checkColumn = checkColumnOf(t.columns, t.read.firstColumn);
    tables.set(t.key, {
      key: t.key,
      id: t.read.id,
      name: t.read.name,
      sheetId: t.read.sheetId,
      sheetName: t.read.sheetName,
      headerRow: t.read.headerRow,
      firstColumn: t.read.firstColumn,
      headers: [...t.read.headers],
      columns: { ...t.columns },
      snapshot: tableSnapshot(t),
      checkColumn,
      userColumns: tableLayout ? userColumnsOf(tableLayout) : [],
      checks: checkColumn === null ? [] : t.read.body.map((row) => String(row[checkColumn] ?? "")),
      current: tableLayout !== undefined,
    });
  };
  for (const [key, t] of located.tables)
    cache(
      t,
      layout.tables.find((l) => l.key === key),
    );
  for (const t of located.retiredTables.values()) cache(t, undefined);

  const inputs = new Map<string, CachedInput>();
  const layoutInputs = new Set(layout.info.rows.map((r) => r.inputId));
  for (const [inputId, name] of located.inputs) {
    inputs.set(inputId, {
      ...name,
      inputId,
      check: UNKNOWN_CHECK,
      retired: !layoutInputs.has(inputId),
    });
  }
  const info = located.sheets.get("info");
  const results = located.sheets.get("results");
  const gaps = located.sheets.get("gaps");
  return {
    pack,
    layout,
    located,
    tables,
    inputs,
    retired,
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

export function snapshotOfState(state: WorkbookState): WorkbookSnapshot {
  const inputs: WorkbookSnapshot["inputs"] = Object.fromEntries(
    [...state.inputs.values()]
      .filter((i) => !i.retired)
      .map((i) => [
        i.inputId,
        { value: cellValue(i.value), sheet: i.sheetName, cell: `${columnLetters(i.column)}${i.row + 1}` },
      ]),
  );
  const tables: Record<string, TableSnapshot> = {};
  for (const t of state.tables.values()) if (t.current) tables[t.key] = t.snapshot;
  return { packId: state.pack.id, packVersion: state.pack.version, inputs, tables };
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
