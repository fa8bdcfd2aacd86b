import type { XlWorksheet } from "./api";

/**
 * Formats as text ("@") every cell of a block that will receive a string, before the values are
 * written. Excel reads a string written through `Range.values` as a user's typing: "=…", "+…" and
 * "-…" become formulas ("If the returned value starts with a plus ("+"), minus ("-"), or equal
 * sign ("="), Excel interprets this value as a formula", Excel.Range.values,
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-values-member),
 * and "1/2" or "2018-5" become dates. A township's `=HYPERLINK(…)` must stay text in the
 * coordinator's workbook. One numberFormat write per run of string cells in a column: no syncs.
 */
export function formatStringsAsText(
  sheet: XlWorksheet,
  top: number,
  left: number,
  rows: readonly (readonly unknown[])[],
): void {
  const width = rows.reduce((w, row) => Math.max(w, row.length), 0);
  for (let c = 0; c < width; c++) {
    let start = -1;
    for (let r = 0; r <= rows.length; r++) {
      const value = r < rows.length ? rows[r]?.[c] : undefined;
      const text = typeof value === "string" && value !== "";
      if (text && start < 0) start = r;
      if (!text && start >= 0) {
        sheet.getRangeByIndexes(top + start, left + c, r - start, 1).numberFormat = [["@"]];
        start = -1;
      }
    }
  }
}
