import { cellAddress } from "../layout/layout";
import type { WorkbookSnapshot } from "../snapshot";

/** Where a gap card jumps: the item's checklist row, on the cell a person fills first. */
export interface ItemCell {
  sheet: string;
  /** A1 address. */
  cell: string;
}

/** Columns to land on, in order of preference: 状态 (what to change), else the row's 编号. */
const LANDING_COLUMNS = ["status", "id"] as const;

/**
 * The checklist cell of an item, found by its 编号 in the snapshot (so a moved or sorted row is
 * still found); null when no checklist row carries that id.
 */
export function itemCell(snapshot: WorkbookSnapshot, itemId: string): ItemCell | null {
  for (const table of Object.values(snapshot.tables)) {
    if (!table.key.startsWith("checklist:")) continue;
    const row = table.rows.find((r) => typeof r.cells.id === "string" && r.cells.id.trim() === itemId);
    if (!row) continue;
    for (const id of LANDING_COLUMNS) {
      const column = table.columns[id];
      if (column !== undefined) return { sheet: table.sheet, cell: cellAddress(column, row.row) };
    }
  }
  return null;
}
