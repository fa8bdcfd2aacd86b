import { HEADER_ROW, type TableLayout, type WorkbookLayout } from "../../core/layout";

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

/** Rows below the header that a ledger's validation and formats cover. */
export const LEDGER_FORMATTED_ROWS = 1000;
const GAP_ROWS = 2;

/**
 * Title in row 1, header in HEADER_ROW; a second table on the same sheet (a group with both
 * checklist and veto items) goes below the first, after a gap and its own title row.
 */
export function placeTables(layout: WorkbookLayout): TablePlacement[] {
  const nextTitleRow = new Map<string, number>();
  return layout.tables.map((table) => {
    const titleRow = nextTitleRow.get(table.sheet) ?? HEADER_ROW - 1;
    const headerRow = titleRow + 1;
    const firstDataRow = headerRow + 1;
    const dataRows = table.kind === "ledger" ? 1 : Math.max(table.rows.length, 1);
    const lastTableRow = firstDataRow + dataRows - 1;
    const lastFormattedRow =
      table.kind === "ledger" ? firstDataRow + LEDGER_FORMATTED_ROWS - 1 : lastTableRow;
    nextTitleRow.set(table.sheet, lastFormattedRow + GAP_ROWS + 1);
    return { table, titleRow, headerRow, firstDataRow, lastTableRow, lastFormattedRow };
  });
}
