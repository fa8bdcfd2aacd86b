import type { CellValue } from "../core/snapshot";
import type { ExcelJS } from "./exceljs";

// ExcelJS reads 1900-system serials as UTC dates; Office.js gives the serial.
const EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/**
 * A cell's value as Office.js would show it, for the raw-cell model: formulas give their cached
 * result, rich text and hyperlinks their text, errors their text (#N/A), dates their Excel serial,
 * and blanks null.
 */
export function rawCellValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : (value.getTime() - EPOCH) / DAY;
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
