import type { Pack } from "../core/pack/schema";
import { type Box, formatBox } from "./address";
import { counting } from "./context";
import { ExcelAdapterError, toAdapterError } from "./errors";
import {
  formulasMatching,
  type FormulasSource,
  guardHelperCells,
  queueRowFormulas,
  rowFormulasOf,
} from "./installFormulas";
import { cellsOf } from "./installFormulaPlan";
import { type AdapterOptions, resolveOptions } from "./options";
import { readWorkbook } from "./read";
import { requireCapabilities } from "./requirements";
import { stateFrom } from "./state";

/** Table.resize came with ExcelApi 1.13. */
export const RESIZE_API = "1.13";

export interface ExtendOutcome {
  /** Tables resized and the records they now take in. */
  tables: number;
  rows: number;
  syncs: number;
  /**
   * The workbook carries another version's formulas (or none): the rows taken in got no formulas,
   * since new ones would read helpers at other columns. A reinstall writes them.
   */
  formulasOutdated: boolean;
}

/**
 * The pane's explicit fix for records typed below a table (LibreOffice, WPS, a paste): each Excel
 * table grows down over its last such record, so Excel's own validation, formats and 校验 cover
 * them, and the rows it takes in get the table's formulas (校验 and hidden helpers) when the
 * workbook carries this version's (formulasMatching). Reads the workbook (2 round trips) and
 * writes in one more, as one undo step; user cells are not written.
 */
export async function extendTablesOverRows(
  pack: Pack | null,
  options: AdapterOptions & { formulas?: FormulasSource } = {},
): Promise<ExtendOutcome> {
  const o = resolveOptions(options);
  requireCapabilities(o.isSetSupported);
  if (!o.isSetSupported("ExcelApi", RESIZE_API)) {
    throw new ExcelAdapterError("excel.error.requirement", { set: "ExcelApi", version: RESIZE_API });
  }
  try {
    return await o.runAction(async (raw) => {
      const ctx = counting(raw);
      const state = stateFrom(await readWorkbook(ctx), pack);
      const formulas = formulasMatching(
        state.pack,
        state.layout,
        state.located.meta?.formulas,
        options.formulas,
      );
      let tables = 0;
      let rows = 0;
      for (const cached of state.tables.values()) {
        const outside = state.reading.outside.get(cached.key) ?? [];
        const last = Math.max(...outside);
        if (outside.length === 0 || !Number.isFinite(last)) continue;
        const box: Box = {
          r0: cached.headerRow,
          c0: cached.firstColumn,
          r1: last - 1,
          c1: cached.firstColumn + cached.headers.length - 1,
        };
        ctx.workbook.tables.getItem(cached.id).resize(formatBox(box));
        const tf = formulas?.tables.get(cached.key);
        if (tf && last - 1 > cached.bottom) {
          const rows = {
            sheet: ctx.workbook.worksheets.getItem(cached.sheetId),
            sheetName: cached.sheetName,
            firstRow: cached.bottom + 1,
            rowCount: last - 1 - cached.bottom,
            firstColumn: cached.firstColumn,
            checkOffset: cached.checkColumn,
          };
          const perRow = rowFormulasOf(tf, rows);
          // Rows new to the table: `taizhang init` wrote helper formulas 200 rows down, so a helper
          // cell there holding something is taken for ours (its formula is rewritten), not refused.
          const unknown = new Map(tf.helperOffsets.map((offset) => [offset, [] as unknown[]]));
          guardHelperCells(
            tf,
            rows,
            perRow,
            cellsOf(state.raw, cached.sheetId, unknown, 0, cached.firstColumn),
          );
          queueRowFormulas(tf, rows, perRow);
        }
        tables += 1;
        rows += outside.length;
      }
      if (tables > 0) await ctx.sync();
      return { tables, rows, syncs: ctx.syncs, formulasOutdated: formulas === null };
    });
  } catch (error) {
    throw toAdapterError(error);
  }
}
