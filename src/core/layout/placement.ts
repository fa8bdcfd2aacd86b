import type { WorkbookLayout, TableLayout } from "./layout";
import { HEADER_ROW } from "./layout";

/** Where a layout table sits on its sheet. Rows are 1-based. */
export interface TablePlacement {
  table: TableLayout;
  titleRow: number;
  headerRow: number;
  firstDataRow: number;
  /** Last row of the Excel table as written (ledgers start with one blank row). */
  lastTableRow: number;
  /** Last row that carries the column's validation and formats. */
  lastFormattedRow: number;
}

/**
 * Rows below the header that a ledger's validation and formats cover: records typed below the
 * one-row table (LibreOffice and WPS do not grow tables) still get the dropdowns and date checks.
 */
export const LEDGER_FORMATTED_ROWS = 1000;
/** Blank rows between two tables stacked on one sheet (the second one's title row comes after). */
export const TABLE_GAP = 2;

/** Data rows a new table is created with: its items, or one blank row for a ledger. */
export const tableDataRows = (table: TableLayout): number =>
  table.kind === "ledger" ? 1 : Math.max(table.rows.length, 1);

/** Rows a table takes on a sheet with its validation and formats, title and header included. */
export const tableFootprint = (table: TableLayout): number =>
  2 + (table.kind === "ledger" ? LEDGER_FORMATTED_ROWS : tableDataRows(table));

/** A table's rows when its title goes on `titleRow` (1-based). */
export function placeTableAt(table: TableLayout, titleRow: number): TablePlacement {
  const headerRow = titleRow + 1;
  const firstDataRow = headerRow + 1;
  return {
    table,
    titleRow,
    headerRow,
    firstDataRow,
    lastTableRow: firstDataRow + tableDataRows(table) - 1,
    lastFormattedRow: titleRow + tableFootprint(table) - 1,
  };
}

/**
 * Title in row 1, header in HEADER_ROW; a second table on the same sheet (a group with both
 * checklist and veto items) goes below the first, after a gap and its own title row.
 */
export function placeTables(layout: WorkbookLayout): TablePlacement[] {
  const nextTitleRow = new Map<string, number>();
  return layout.tables.map((table) => {
    const placement = placeTableAt(table, nextTitleRow.get(table.sheet) ?? HEADER_ROW - 1);
    nextTitleRow.set(table.sheet, placement.lastFormattedRow + TABLE_GAP + 1);
    return placement;
  });
}
