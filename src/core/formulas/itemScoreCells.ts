import type { ItemScoreCells } from "../layout/resultSheets";
import type { TablePlacement } from "../layout/placement";
import { absoluteCell } from "./score/refs";
import type { WorkbookFormulas } from "./types";

/**
 * Each item's 应得 / 实得 helper cells where the compiled formulas put them, by item id: only
 * items whose row gets both helpers (a score the workbook computes). Other sheets' formulas
 * (差距清单) read these cells, so they follow an entry fixed where no add-in runs.
 */
export function itemScoreCells(
  formulas: WorkbookFormulas,
  placements: readonly TablePlacement[],
  /** 0-based first column of every table (tables start in column A as written). */
  firstColumn = 0,
): Map<string, ItemScoreCells> {
  const out = new Map<string, ItemScoreCells>();
  for (const placement of placements) {
    const table = formulas.tables.get(placement.table.key);
    const offsets = table?.scoreOffsets;
    if (!table || !offsets || placement.table.kind === "ledger") continue;
    placement.table.rows.forEach((r, i) => {
      if (r.itemId === undefined || out.has(r.itemId)) return;
      const row = placement.firstDataRow + i;
      const written = new Set(
        table.rowFormulas({ row: row - 1, firstColumn, itemId: r.itemId }).map((f) => f.offset),
      );
      if (!written.has(offsets.applicable) || !written.has(offsets.earned)) return;
      const cell = (offset: number): string => absoluteCell(placement.table.sheet, firstColumn + offset, row);
      out.set(r.itemId, { applicable: cell(offsets.applicable), earned: cell(offsets.earned) });
    });
  }
  return out;
}
