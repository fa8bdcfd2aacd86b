import type { CellValue } from "../core/snapshot";
import { excelSerialFromDateValue } from "../core/values/isoDate";
import type { ExcelJS } from "./exceljs";

/**
 * A cell's value as Office.js would show it, for the raw-cell model: formulas give their cached
 * result, rich text and hyperlinks their text, errors their text (#N/A), dates their Excel serial,
 * and blanks null.
 */
export function rawCellValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  // ExcelJS reads 1900-system serials as UTC dates (wrongly below serial 61 and for numbers no
  // calendar reaches, such as 20180525 typed in a date column); Office.js gives the serial, and the
  // core converts it once, by Excel's calendar.
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : Math.round(excelSerialFromDateValue(value) * 1e6) / 1e6;
  }
  if (typeof value !== "object") return null;
  if ("richText" in value && Array.isArray(value.richText)) {
    return rawCellValue(value.richText.map((run) => run.text).join(""));
  }
  if ("formula" in value || "sharedFormula" in value) {
    return rawCellValue((value as { result?: ExcelJS.CellValue }).result);
  }
  if ("hyperlink" in value && "text" in value) {
    return rawCellValue((value as { text: ExcelJS.CellValue }).text);
  }
  if ("error" in value) return String((value as { error: unknown }).error);
  return null;
}
