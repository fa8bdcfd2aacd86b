import { CHECK_COLUMN, SHEETS } from "../core/layout";
import {
  findMeta,
  rawAt,
  type RawSheet,
  type RawTable,
  type RawWorkbook,
  type SheetVisibility,
} from "../core/read";
import type { CellValue } from "../core/snapshot";
import type { Box } from "./address";
import type { XlContext, XlNamedItem, XlRange, XlTable, XlValue, XlWorksheet } from "./api";
import { cellValue } from "./snapshot";

/** Name of the 自评结果 chart, so a reinstall replaces it instead of adding another. */
export const SCORES_CHART = "TZ_scores";

export interface SheetRead {
  id: string;
  name: string;
  visibility: string;
  /** Used range (values and formats), or null for an empty sheet. */
  used: Box | null;
  hasScoresChart: boolean;
}

export interface TableRead {
  id: string;
  name: string;
  sheetId: string;
  sheetName: string;
  /** 0-based sheet row of the header and first column of the table. */
  headerRow: number;
  firstColumn: number;
  headers: string[];
  /** Data body values as Excel gives them ("" for empty, dates as serial numbers). */
  body: XlValue[][];
}

export interface NameRead {
  name: string;
  sheetId: string;
  sheetName: string;
  /** 0-based. */
  row: number;
  column: number;
  value: XlValue;
}

/** Everything Taizhang reads from a workbook, before it is matched to a layout. */
export interface WorkbookRead {
  sheets: SheetRead[];
  tables: TableRead[];
  /** Defined names starting with TZ_, by lower-case name. */
  names: Map<string, NameRead>;
  /** TZ_ names whose cells were deleted: Excel keeps them as =#REF! until they are deleted. */
  brokenNames: string[];
  /** Rows of the metadata sheet (null when there is none). */
  metaRows: XlValue[][] | null;
  metaSheetId: string | null;
  /** Every sheet's cells, tables and names as the core reads them (core/read). */
  raw: RawWorkbook;
  /**
   * By table id, row by row: whether the table's 校验 cell holds a formula (read when asked for,
   * so an explicit check writes its text only where no formula is).
   */
  checkFormulas?: Map<string, boolean[]>;
  /**
   * By table id and column offset (from the table's first column): the formulas of the cells
   * right of the table where helper formulas go, from the header row down (install reads them to
   * tell its own helpers from what a person typed there).
   */
  helperFormulas?: Map<string, Map<number, unknown[]>>;
}

export interface ReadOptions {
  skipContentsWhenFresh?: boolean;
  /** Also read which 校验 cells hold formulas, in the same round trip. */
  checkFormulas?: boolean;
  /** Also read the formulas of these columns (offsets from each table's first column). */
  helperOffsets?: readonly number[];
}

const isOurName = (name: string): boolean => /^tz_/i.test(name);

/**
 * Reads the workbook in two round trips: first what exists (sheets, tables, names), then every
 * sheet's values and every table's range. All of it is read, because a renamed Taizhang table is
 * only recognised from the metadata, which arrives in the same round trip, and records typed
 * below a table are read by the core's row policy.
 */
export async function readWorkbook(ctx: XlContext, options: ReadOptions = {}): Promise<WorkbookRead> {
  const wb = ctx.workbook;
  wb.worksheets.load("items/id,items/name,items/visibility");
  wb.tables.load("items/id,items/name,items/worksheet/id,items/worksheet/name");
  wb.names.load("items/name,items/type");
  await ctx.sync();

  const sheets = wb.worksheets.items;
  const fresh =
    !wb.tables.items.some((t) => isOurName(t.name)) &&
    !wb.names.items.some((n) => isOurName(n.name)) &&
    !sheets.some((s) => s.name.toLowerCase().startsWith(SHEETS.meta));
  if (fresh && options.skipContentsWhenFresh) {
    // Nothing of Taizhang's: what a first install needs is the sheet names.
    const sheetReads = sheets.map((s) => ({
      id: s.id,
      name: s.name,
      visibility: s.visibility,
      used: null,
      hasScoresChart: false,
    }));
    return {
      sheets: sheetReads,
      tables: [],
      names: new Map(),
      brokenNames: [],
      metaRows: null,
      metaSheetId: null,
      raw: {
        sheets: sheetReads.map((s) => ({ ...rawSheetOf(s, null), tables: [] })),
        names: [],
      },
    };
  }
  const pending = queueContents(
    sheets,
    wb.tables.items,
    wb.names.items.filter((n) => isOurName(n.name)),
    options.checkFormulas ?? false,
    options.helperOffsets ?? [],
  );
  await ctx.sync();
  return finishRead(pending);
}

/**
 * Reads again, in one round trip, a workbook read before: the same sheets, tables and names, by
 * id and name. Null when one of them is gone (the caller then reads from scratch).
 */
export async function rereadWorkbook(
  ctx: XlContext,
  known: WorkbookRead,
  options: ReadOptions = {},
): Promise<WorkbookRead | null> {
  const wb = ctx.workbook;
  const sheets = known.sheets.map((s) => wb.worksheets.getItemOrNullObject(s.id).load("id,name,visibility"));
  const tables = known.tables.map((t) =>
    wb.tables.getItemOrNullObject(t.id).load("id,name,worksheet/id,worksheet/name"),
  );
  const names = [...known.names.values()].map((n) => wb.names.getItemOrNullObject(n.name).load("name,type"));
  const pending = queueContents(
    sheets,
    tables,
    names,
    options.checkFormulas ?? false,
    options.helperOffsets ?? [],
  );
  try {
    await ctx.sync();
  } catch {
    // A sheet, table or name went away between the two reads: read from scratch.
    return null;
  }
  if ([...sheets, ...tables, ...names].some((item) => item.isNullObject)) return null;
  return finishRead(pending);
}

interface Pending {
  sheets: XlWorksheet[];
  usedRanges: XlRange[];
  valueRanges: XlRange[];
  charts: { isNullObject: boolean }[];
  tables: { table: XlTable; range: XlRange }[];
  names: { item: XlNamedItem; range: XlRange }[];
  checks: { table: XlTable; column: { isNullObject: boolean }; range: XlRange }[];
  helpers: { table: XlTable; offset: number; range: XlRange }[];
}

function queueContents(
  sheets: XlWorksheet[],
  tables: XlTable[],
  names: XlNamedItem[],
  checkFormulas: boolean,
  helperOffsets: readonly number[],
): Pending {
  return {
    helpers: tables.flatMap((t) =>
      helperOffsets.map((offset) => ({
        table: t,
        offset,
        range: t.getRange().getColumn(0).getOffsetRange(0, offset).load("formulas"),
      })),
    ),
    // The 校验 column found by its header (ExcelApi 1.4), so no extra round trip is needed.
    checks: checkFormulas
      ? tables.map((t) => {
          const column = t.columns.getItemOrNullObject(CHECK_COLUMN.header.zh);
          return { table: t, column, range: column.getDataBodyRange().load("formulas") };
        })
      : [],
    sheets,
    usedRanges: sheets.map((s) =>
      s.getUsedRangeOrNullObject(false).load("rowIndex,columnIndex,rowCount,columnCount"),
    ),
    valueRanges: sheets.map((s) => s.getUsedRangeOrNullObject(true).load("values,rowIndex,columnIndex")),
    charts: sheets.map((s) => s.charts.getItemOrNullObject(SCORES_CHART)),
    tables: tables.map((t) => ({
      table: t,
      range: t.getRange().load("rowIndex,columnIndex,rowCount,columnCount"),
    })),
    names: names.map((n) => ({ item: n, range: loadName(n) })),
  };
}

function finishRead({
  sheets,
  usedRanges,
  valueRanges,
  charts,
  tables,
  names,
  checks,
  helpers,
}: Pending): WorkbookRead {
  const sheetReads: SheetRead[] = sheets.map((s, i) => ({
    id: s.id,
    name: s.name,
    visibility: s.visibility,
    used: boxOf(usedRanges[i]),
    hasScoresChart: !(charts[i]?.isNullObject ?? true),
  }));
  const rawTables = tables.map(({ table, range }) => ({
    sheetId: table.worksheet.id,
    raw: rawTableOf(table, range),
  }));
  const rawSheets: RawSheet[] = sheetReads.map((s, i) => ({
    ...rawSheetOf(s, valueRanges[i] ?? null),
    tables: rawTables.filter((t) => t.sheetId === s.id).map((t) => t.raw),
  }));
  const nameReads = names.flatMap(({ item, range }) => {
    const read = nameRead(item.name, range);
    return read ? [read] : [];
  });
  const raw: RawWorkbook = {
    sheets: rawSheets,
    names: nameReads.map((n) => ({ name: n.name, sheetId: n.sheetId, row: n.row, column: n.column })),
  };
  const sheetById = new Map(rawSheets.map((s) => [s.id, s]));
  // An empty sheet of that name is ours too: an install that stopped right after creating it.
  const meta = findMeta(raw);
  const metaSheet = meta?.sheet ?? rawSheets.find((s) => s.name === SHEETS.meta && s.rows.length === 0);
  return {
    sheets: sheetReads,
    tables: tables.map(({ table }, i) => {
      const rawTable = rawTables[i]?.raw as RawTable;
      return tableFromRaw(table, rawTable, sheetById.get(table.worksheet.id));
    }),
    names: new Map(nameReads.map((n) => [n.name.toLowerCase(), n] as const)),
    brokenNames: names.filter(({ range }) => range.isNullObject).map(({ item }) => item.name),
    metaRows: meta ? meta.rows.map((row) => row.map((v) => (v === null ? "" : (v as XlValue)))) : null,
    metaSheetId: metaSheet?.id ?? null,
    raw,
    ...(checks.length > 0 ? { checkFormulas: formulaRows(checks) } : {}),
    ...(helpers.length > 0 ? { helperFormulas: helperColumns(helpers) } : {}),
  };
}

function helperColumns(helpers: Pending["helpers"]): Map<string, Map<number, unknown[]>> {
  const out = new Map<string, Map<number, unknown[]>>();
  for (const { table, offset, range } of helpers) {
    const byOffset = out.get(table.id) ?? new Map<number, unknown[]>();
    byOffset.set(
      offset,
      (range.formulas as unknown[][]).map((row) => row[0]),
    );
    out.set(table.id, byOffset);
  }
  return out;
}

function formulaRows(checks: Pending["checks"]): Map<string, boolean[]> {
  const out = new Map<string, boolean[]>();
  for (const { table, column, range } of checks) {
    if (column.isNullObject) continue;
    out.set(
      table.id,
      (range.formulas as unknown[][]).map((row) => typeof row[0] === "string" && row[0].startsWith("=")),
    );
  }
  return out;
}

function rawSheetOf(sheet: SheetRead, values: XlRange | null): Omit<RawSheet, "tables"> {
  const rows: CellValue[][] = [];
  if (values && !values.isNullObject) {
    for (let r = 0; r < values.rowIndex; r++) rows.push([]);
    for (const row of values.values as XlValue[][]) {
      const out: CellValue[] = new Array<CellValue>(values.columnIndex).fill(null);
      for (const v of row) out.push(cellValue(v));
      while (out.length > 0 && out[out.length - 1] === null) out.pop();
      rows.push(out);
    }
  }
  const visibility = sheet.visibility as SheetVisibility;
  return { id: sheet.id, name: sheet.name, visibility, rows };
}

function rawTableOf(table: XlTable, range: XlRange): RawTable {
  return {
    id: table.id,
    name: table.name,
    top: range.rowIndex,
    left: range.columnIndex,
    bottom: range.rowIndex + range.rowCount - 1,
    right: range.columnIndex + range.columnCount - 1,
  };
}

/** A table's header and body as Excel shows them, cut from its sheet's values. */
function tableFromRaw(table: XlTable, raw: RawTable, sheet: RawSheet | undefined): TableRead {
  const cell = (r: number, c: number): XlValue => {
    const v = sheet ? rawAt(sheet, r, c) : null;
    return v === null || v instanceof Date ? "" : v;
  };
  const span = (r: number): XlValue[] =>
    Array.from({ length: raw.right - raw.left + 1 }, (_, i) => cell(r, raw.left + i));
  const body: XlValue[][] = [];
  for (let r = raw.top + 1; r <= raw.bottom; r++) body.push(span(r));
  return {
    id: table.id,
    name: table.name,
    sheetId: table.worksheet.id,
    sheetName: table.worksheet.name,
    headerRow: raw.top,
    firstColumn: raw.left,
    headers: span(raw.top).map((v) => String(v)),
    body,
  };
}

export function loadName(item: XlNamedItem): XlRange {
  return item.getRangeOrNullObject().load("values,rowIndex,columnIndex,worksheet/id,worksheet/name");
}

export function nameRead(name: string, range: XlRange): NameRead | null {
  if (range.isNullObject) return null;
  return {
    name,
    sheetId: range.worksheet.id,
    sheetName: range.worksheet.name,
    row: range.rowIndex,
    column: range.columnIndex,
    value: (range.values[0]?.[0] ?? "") as XlValue,
  };
}

function boxOf(range: XlRange | undefined): Box | null {
  if (!range || range.isNullObject) return null;
  return {
    r0: range.rowIndex,
    c0: range.columnIndex,
    r1: range.rowIndex + range.rowCount - 1,
    c1: range.columnIndex + range.columnCount - 1,
  };
}
