import type { CellValue } from "../core/snapshot";
import { excelSerialFromDateValue, isPlainDateSerial } from "../core/values/isoDate";
import type { ExcelJS } from "./exceljs";

/**
 * A cell's value as the user left it, flattened for the snapshot: formulas give their cached
 * result, rich text and hyperlinks give their text, errors and blanks give null. Merged cells
 * give the value of their top-left cell (ExcelJS does that).
 */
export function plainValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return dateValue(value);
  if (typeof value !== "object") return null;
  if ("richText" in value && Array.isArray(value.richText)) {
    return plainValue(value.richText.map((run) => run.text).join(""));
  }
  if ("formula" in value || "sharedFormula" in value) {
    return plainValue((value as { result?: ExcelJS.CellValue }).result);
  }
  if ("hyperlink" in value && "text" in value) {
    return plainValue((value as { text: ExcelJS.CellValue }).text);
  }
  return null;
}

/**
 * ExcelJS turns every date-formatted number into a Date by a rule that is wrong below serial 61
 * (Excel's 1900-02-29) and for numbers no calendar reaches (−5, 20180525 typed in a date
 * column): those go to the core as the serial they were, for its one Excel-calendar conversion.
 */
function dateValue(date: Date): CellValue {
  if (Number.isNaN(date.getTime())) return null;
  const serial = excelSerialFromDateValue(date);
  return isPlainDateSerial(serial) ? date : Math.round(serial * 1e6) / 1e6;
}

/** Header text as compared with the layout: no spaces or line breaks. */
export function headerText(value: ExcelJS.CellValue | undefined): string {
  const plain = plainValue(value);
  return plain === null ? "" : String(plain).replace(/\s+/g, "");
}
