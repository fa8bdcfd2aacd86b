import type { WorkbookFormulas } from "../core/formulas/types";
import { rawAt, type RawWorkbook } from "../core/read";
import type { XlContext, XlWorksheet } from "./api";
import type { WorkbookRead } from "./read";
import {
  type CellAt,
  guardFixedCell,
  guardHelperCells,
  queueFixedFormula,
  queueRowFormulas,
  rowFormulasOf,
  type TableRows,
} from "./installFormulas";
import type { OutputTarget } from "./writeOutputs";

/** Where each table's rows will be after the install, and what its cells hold now. */
export type RowsOf = Map<string, { rows: TableRows; cellAt: CellAt }>;

/** A sheet a fixed formula goes to: its proxy, its id when it exists, its name as shown. */
export interface FixedSheet {
  proxy: XlWorksheet;
  id: string | undefined;
  name: string;
}

/**
 * Plans the install's formula writes: every row's cells guarded first (a helper over a person's
 * entry throws before anything is queued), each output told which 校验 rows get a formula (so
 * its text goes only to the others). Returns the writes to queue after the text outputs, so a
 * formula always wins over text written to the same cell.
 */
export function planFormulaWrites(
  outputs: readonly OutputTarget[],
  rowsOf: RowsOf,
  formulas: WorkbookFormulas,
  fixedSheet: (name: string) => FixedSheet,
  raw: RawWorkbook,
  fixedFormulaCells: ReadonlySet<string> = new Set(),
): (() => void)[] {
  const writes: (() => void)[] = [];
  for (const target of outputs) {
    const tf = formulas.tables.get(target.key);
    const at = rowsOf.get(target.key);
    if (!tf || !at) continue;
    const perRow = rowFormulasOf(tf, at.rows);
    guardHelperCells(tf, at.rows, perRow, at.cellAt);
    target.formulaRows = perRow.map((list) => list.some((f) => f.offset === at.rows.checkOffset));
    writes.push(() => void queueRowFormulas(tf, at.rows, perRow));
  }
  for (const cell of formulas.cells) {
    const sheet = fixedSheet(cell.sheet);
    const valueAt = cellsOf(raw, sheet.id, undefined, 0, 0);
    guardFixedCell(sheet.name, cell, (row, column) => ({
      ...valueAt(row, column),
      formula: fixedFormulaCells.has(`${row}:${column}`),
    }));
    writes.push(() => queueFixedFormula(sheet.proxy, cell));
  }
  return writes;
}

/**
 * What a cell holds as read: its value, and whether it is a formula of ours (known only for the
 * helper columns of existing tables, which the install's read loads).
 */
export function cellsOf(
  raw: RawWorkbook,
  sheetId: string | undefined,
  helpers: Map<number, unknown[]> | undefined,
  headerRow: number,
  firstColumn: number,
): CellAt {
  const sheet = sheetId === undefined ? undefined : raw.sheets.find((s) => s.id === sheetId);
  return (row, column) => {
    const value = sheet ? rawAt(sheet, row, column) : null;
    const loaded = helpers?.get(column - firstColumn);
    const formula = loaded?.[row - headerRow];
    // Below the table's rows (扩展表格, a table grown on upgrade) the formulas were not loaded: a
    // helper there is taken for ours (`taizhang init` writes them 200 rows down), not refused.
    const unknown = loaded !== undefined && row - headerRow >= loaded.length;
    return {
      value: value === null ? null : value instanceof Date ? value.toISOString() : value,
      formula: unknown || (typeof formula === "string" && formula.startsWith("=")),
    };
  };
}

/**
 * 基本信息's helper cells that already hold something: one more round trip loads their formulas,
 * so a helper of ours (a formula) may be rewritten and what a person typed there may not. Most
 * installs find them empty (a new workbook) and skip the trip. Keys are "row:column".
 */
export async function fixedCellsHoldingFormulas(
  ctx: XlContext,
  read: WorkbookRead,
  infoSheet: { id: string } | undefined,
  formulas: WorkbookFormulas,
): Promise<Set<string>> {
  const sheet = infoSheet ? read.raw.sheets.find((s) => s.id === infoSheet.id) : undefined;
  if (!sheet || !infoSheet) return new Set();
  const held = formulas.cells.filter((c) => {
    if (!c.helper) return false;
    const value = rawAt(sheet, c.row, c.column);
    return value !== null && !(typeof value === "string" && value.trim() === "");
  });
  if (held.length === 0) return new Set();
  const proxy = ctx.workbook.worksheets.getItem(infoSheet.id);
  const ranges = held.map((c) => ({
    c,
    range: proxy.getRangeByIndexes(c.row, c.column, 1, 1).load("formulas"),
  }));
  await ctx.sync();
  return new Set(
    ranges
      .filter(({ range }) => String((range.formulas as unknown[][])[0]?.[0] ?? "").startsWith("="))
      .map(({ c }) => `${c.row}:${c.column}`),
  );
}
