import type { Severity } from "../findings";

/** Findings the reading itself makes, before any rule runs. */
export const READ_CODES = {
  /** A record typed below the spreadsheet table (LibreOffice, WPS, a paste and ExcelJS do not grow tables). */
  outsideTable: "row.outsideTable",
  /** A layout column whose header was not found in its table. */
  columnMissing: "column.missing",
} as const;

export const READ_CODE_SEVERITY: Readonly<Record<string, Severity>> = {
  [READ_CODES.outsideTable]: "warning",
  [READ_CODES.columnMissing]: "error",
};
