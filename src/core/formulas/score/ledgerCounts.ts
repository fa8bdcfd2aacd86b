import type { TablePlacement } from "../../layout/placement";
import { columnRange } from "./refs";
import { notBlank } from "./blank";

/** Where a ledger's records are: its sheet, first column, data rows and the 校验 column. */
export interface LedgerRange {
  sheet: string;
  firstColumn: number;
  firstRow: number;
  lastRow: number;
  /** Number of input columns (the 校验 column comes right after them). */
  inputColumns: number;
}

export function ledgerRange(placement: TablePlacement, firstColumn: number, lastRow?: number): LedgerRange {
  const { table } = placement;
  const inputColumns = table.columns.filter((c) => c.id !== "check").length;
  return {
    sheet: table.sheet,
    firstColumn,
    firstRow: placement.firstDataRow,
    lastRow: lastRow ?? placement.lastFormattedRow,
    inputColumns,
  };
}

/**
 * Per row: TRUE when any input column holds something (the core's isBlankRow, ignoring 校验). The
 * columns are joined first so that the blank test runs once per row.
 */
function enteredArray(range: LedgerRange): string {
  const columns = Array.from({ length: range.inputColumns }, (_, i) =>
    columnRange(range.sheet, range.firstColumn + i, range.firstRow, range.lastRow),
  );
  return `(${notBlank(columns.join("&"))})`;
}

/** The number of records: rows with anything entered. */
export const recordCount = (range: LedgerRange): string => `SUMPRODUCT(--${enteredArray(range)})`;

/**
 * Records that fail: entered rows whose 校验 starts with ✗. Every finding the core holds against a
 * record as an error (an unreadable or future date, a broken rule) is an error in its 校验 cell.
 * For a ledger several items check, `markOffset` is the item's own mark column (✗ when the record
 * fails that item's rules or a cell cannot be read), relative to the ledger's first column.
 */
export function failingCount(range: LedgerRange, markOffset?: number): string {
  const check = columnRange(
    range.sheet,
    range.firstColumn + (markOffset ?? range.inputColumns),
    range.firstRow,
    range.lastRow,
  );
  return `SUMPRODUCT(${enteredArray(range)}*(LEFT(${check},1)="✗"))`;
}
