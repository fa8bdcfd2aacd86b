import type { WorkbookFormulas } from "../core/formulas/types";
import { rawAt, type RawWorkbook } from "../core/read";
import type { XlWorksheet } from "./api";
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
    guardFixedCell(sheet.name, cell, cellsOf(raw, sheet.id, undefined, 0, 0));
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
    const formula = helpers?.get(column - firstColumn)?.[row - headerRow];
    return {
      value: value === null ? null : value instanceof Date ? value.toISOString() : value,
      formula: typeof formula === "string" && formula.startsWith("="),
    };
  };
}
