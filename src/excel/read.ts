import { SHEETS } from "../core/layout";
import type { Box } from "./address";
import type { XlContext, XlNamedItem, XlRange, XlTable, XlValue } from "./api";

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
  /** Rows of the metadata sheet (null when there is none). */
  metaRows: XlValue[][] | null;
  metaSheetId: string | null;
}

const isOurName = (name: string): boolean => /^tz_/i.test(name);

/**
 * Reads the workbook in two round trips: first what exists (sheets, tables, names), then their
 * contents. Every table is read, because a renamed Taizhang table is only recognised from the
 * metadata, which arrives in the same round trip.
 */
export async function readWorkbook(
  ctx: XlContext,
  options: { skipContentsWhenFresh?: boolean } = {},
): Promise<WorkbookRead> {
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
    return {
      sheets: sheets.map((s) => ({
        id: s.id,
        name: s.name,
        visibility: s.visibility,
        used: null,
        hasScoresChart: false,
      })),
      tables: [],
      names: new Map(),
      metaRows: null,
      metaSheetId: null,
    };
  }
  const usedRanges = sheets.map((s) =>
    s.getUsedRangeOrNullObject(false).load("rowIndex,columnIndex,rowCount,columnCount"),
  );
  const charts = sheets.map((s) => s.charts.getItemOrNullObject(SCORES_CHART));
  const metaCandidates = sheets.filter(
    (s) =>
      s.name.toLowerCase() === SHEETS.meta ||
      (s.visibility === "VeryHidden" && s.name.toLowerCase().startsWith(SHEETS.meta)),
  );
  const metaRanges = metaCandidates.map((s) => ({
    sheet: s,
    range: s.getUsedRangeOrNullObject(true).load("values"),
  }));
  const tables = wb.tables.items.map((t) => ({ table: t, ...loadTable(t) }));
  const names = wb.names.items.filter((n) => isOurName(n.name)).map((n) => ({ item: n, range: loadName(n) }));
  await ctx.sync();

  // An empty sheet of that name is ours too: an install that stopped right after creating it.
  const meta =
    metaRanges.find((m) => !m.range.isNullObject && looksLikeMeta(m.range.values)) ??
    metaRanges.find((m) => m.range.isNullObject && m.sheet.name === SHEETS.meta);
  return {
    sheets: sheets.map((s, i) => ({
      id: s.id,
      name: s.name,
      visibility: s.visibility,
      used: boxOf(usedRanges[i]),
      hasScoresChart: !(charts[i]?.isNullObject ?? true),
    })),
    tables: tables.map(({ table, header, body }) => tableRead(table, header, body)),
    names: new Map(
      names.flatMap(({ item, range }) => {
        const read = nameRead(item.name, range);
        return read ? [[item.name.toLowerCase(), read] as const] : [];
      }),
    ),
    metaRows: meta && !meta.range.isNullObject ? (meta.range.values as XlValue[][]) : null,
    metaSheetId: meta ? meta.sheet.id : null,
  };
}

export function loadTable(table: XlTable): { header: XlRange; body: XlRange } {
  return {
    header: table.getHeaderRowRange().load("values,rowIndex,columnIndex"),
    body: table.getDataBodyRange().load("values"),
  };
}

export function tableRead(table: XlTable, header: XlRange, body: XlRange): TableRead {
  return {
    id: table.id,
    name: table.name,
    sheetId: table.worksheet.id,
    sheetName: table.worksheet.name,
    headerRow: header.rowIndex,
    firstColumn: header.columnIndex,
    headers: (header.values[0] ?? []).map((v) => String(v)),
    body: body.values as XlValue[][],
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

function looksLikeMeta(values: unknown[][]): boolean {
  return values.some((row) => row[0] === "taizhang" && row[1] === "packId");
}
