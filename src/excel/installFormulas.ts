import { formulasStamp, workbookFormulas } from "../core/formulas";
import { layoutFor, type WorkbookLayout, WORKBOOK_LOCALE } from "../core/layout";
import { shortFindingMessage } from "../i18n";
import type { Pack } from "../core/pack/schema";
import type { FixedFormula, TableFormulas, WorkbookFormulas } from "../core/formulas/types";
import { columnLetters } from "./address";
import type { XlValue, XlWorksheet } from "./api";
import { ExcelAdapterError } from "./errors";

/**
 * The formulas install, upgrade and 扩展表格 write, so the workbook checks itself where no add-in
 * runs (design.md §4, §6; issue 15). What the formulas are is the core's business
 * (src/core/formulas); this module only places them.
 */

/** Where the add-in gets a workbook's formulas: one function of the pack and its layout. */
export type FormulasSource = (pack: Pack, layout: WorkbookLayout) => WorkbookFormulas;

/** The core's formulas, with the workbook's (Chinese) short messages: what `taizhang init` writes too. */
export const workbookFormulasFor: FormulasSource = (pack, layout) =>
  workbookFormulas(pack, (code, params) => shortFindingMessage(WORKBOOK_LOCALE, { code, params }), layout);

/** Stamps of the default source's formulas: a pane asks for its pack's on each load and export. */
const stamps = new WeakMap<Pack, string>();

/** The stamp of the formulas `source` writes for `pack` (what install records in the metadata). */
export function currentFormulasStamp(pack: Pack, source: FormulasSource = workbookFormulasFor): string {
  const cached = source === workbookFormulasFor ? stamps.get(pack) : undefined;
  if (cached) return cached;
  const layout = layoutFor(pack);
  const stamp = formulasStamp(source(pack, layout), layout);
  if (source === workbookFormulasFor) stamps.set(pack, stamp);
  return stamp;
}

/**
 * The formulas to write beside those a workbook carries, or null when it carries another
 * version's (its recorded stamp differs, or it records none): their helpers sit at other columns,
 * so a new formula next to them would read the wrong cells. An upgrade or reinstall rewrites them
 * all; until then the add-in writes values where it would write formulas.
 */
export function formulasMatching(
  pack: Pack,
  layout: WorkbookLayout,
  recorded: string | undefined,
  source: FormulasSource = workbookFormulasFor,
): WorkbookFormulas | null {
  if (!recorded || recorded !== currentFormulasStamp(pack, source)) return null;
  return source(pack, layout);
}

/** A hidden helper shows nothing even when the column is unhidden. */
export const HELPER_FORMAT = ";;;";
/** A formula in a text-formatted ("@") cell would stay text: 校验 formula cells get General. */
const FORMULA_FORMAT = "General";

/** A table's data rows as they will be after the write. */
export interface TableRows {
  sheet: XlWorksheet;
  sheetName: string;
  /** 0-based sheet row of the first data row, and their number. */
  firstRow: number;
  rowCount: number;
  /** 0-based first column of the table. */
  firstColumn: number;
  /** 校验 column relative to the first column, or null. */
  checkOffset: number | null;
  /**
   * Checklist and veto tables: each row's item (编号), whose 应得 / 实得 helpers the row gets.
   * Without it a row gets its 校验 formula only, and 自评结果's formulas would add up empty cells.
   */
  itemIds?: readonly (string | undefined)[];
}

/** What a cell holds now: a helper cell may be written only when it is empty or a formula of ours. */
export type CellAt = (row: number, column: number) => { value: XlValue | null; formula: boolean };

/** Each row's formula cells, by row (0-based within the table). */
export function rowFormulasOf(
  tf: TableFormulas,
  rows: TableRows,
): ReturnType<TableFormulas["rowFormulas"]>[] {
  return Array.from({ length: rows.rowCount }, (_, i) =>
    tf.rowFormulas({
      row: rows.firstRow + i,
      firstColumn: rows.firstColumn,
      ...(rows.itemIds?.[i] ? { itemId: rows.itemIds[i] } : {}),
    }),
  );
}

/**
 * Refuses, naming the cell, when a helper formula would land on something a person typed.
 * Policy (issue 15 item 2): refuse rather than move the helpers, because the compiled formulas
 * refer to fixed offsets and a workbook made by `taizhang init` has them in the same place.
 */
export function guardHelperCells(
  tf: TableFormulas,
  rows: TableRows,
  perRow: readonly ReturnType<TableFormulas["rowFormulas"]>[],
  cellAt: CellAt,
): void {
  const helpers = new Set(tf.helperOffsets);
  perRow.forEach((formulas, i) => {
    for (const f of formulas) {
      if (!helpers.has(f.offset)) continue;
      const row = rows.firstRow + i;
      const column = rows.firstColumn + f.offset;
      guardCell(rows.sheetName, row, column, cellAt);
    }
  });
}

/** The same guard for a fixed helper cell (e.g. on 基本信息). */
export function guardFixedCell(sheetName: string, cell: FixedFormula, cellAt: CellAt): void {
  if (cell.helper) guardCell(sheetName, cell.row, cell.column, cellAt);
}

function guardCell(sheetName: string, row: number, column: number, cellAt: CellAt): void {
  const now = cellAt(row, column);
  const blank = now.value === null || (typeof now.value === "string" && now.value.trim() === "");
  if (!blank && !now.formula) {
    throw new ExcelAdapterError("excel.error.helperCellTaken", {
      cell: `${sheetName}!${columnLetters(column)}${row + 1}`,
    });
  }
}

/**
 * Queues the formulas of a table's rows: one write per column and run of consecutive rows, 校验
 * cells formatted General first, helper cells ";;;" and their columns hidden. Returns, row by
 * row, whether the 校验 cell got a formula (the text outputs then leave it alone).
 */
export function queueRowFormulas(
  tf: TableFormulas,
  rows: TableRows,
  perRow: readonly ReturnType<TableFormulas["rowFormulas"]>[],
): boolean[] {
  const byOffset = new Map<number, (string | null)[]>();
  perRow.forEach((formulas, i) => {
    for (const f of formulas) {
      let column = byOffset.get(f.offset);
      if (!column) {
        column = Array.from({ length: rows.rowCount }, () => null);
        byOffset.set(f.offset, column);
      }
      column[i] = f.formula;
    }
  });
  const helpers = new Set(tf.helperOffsets);
  for (const [offset, column] of byOffset) {
    const helper = helpers.has(offset);
    for (const [start, run] of runsOf(column)) {
      const range = rows.sheet.getRangeByIndexes(
        rows.firstRow + start,
        rows.firstColumn + offset,
        run.length,
        1,
      );
      if (helper || offset === rows.checkOffset)
        range.numberFormat = run.map(() => [helper ? HELPER_FORMAT : FORMULA_FORMAT]);
      range.formulas = run.map((f) => [f]);
    }
    if (helper) rows.sheet.getRangeByIndexes(0, rows.firstColumn + offset, 1, 1).columnHidden = true;
  }
  const check = rows.checkOffset === null ? undefined : byOffset.get(rows.checkOffset);
  return Array.from({ length: rows.rowCount }, (_, i) => (check?.[i] ?? null) !== null);
}

/** Queues a fixed formula cell (a helper on 基本信息 is formatted ";;;" and its column hidden). */
export function queueFixedFormula(sheet: XlWorksheet, cell: FixedFormula): void {
  const range = sheet.getRangeByIndexes(cell.row, cell.column, 1, 1);
  range.numberFormat = [[cell.helper ? HELPER_FORMAT : FORMULA_FORMAT]];
  range.formulas = [[cell.formula]];
  if (cell.helper) range.columnHidden = true;
}

/** Consecutive non-null entries: [start index, values]. */
function runsOf(column: readonly (string | null)[]): [number, string[]][] {
  const runs: [number, string[]][] = [];
  let current: [number, string[]] | null = null;
  column.forEach((f, i) => {
    if (f === null) {
      current = null;
      return;
    }
    if (!current) {
      current = [i, []];
      runs.push(current);
    }
    current[1].push(f);
  });
  return runs;
}
