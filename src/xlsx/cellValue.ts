import type { CellValue } from "../core/snapshot";
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
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
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

/** Header text as compared with the layout: no spaces or line breaks. */
export function headerText(value: ExcelJS.CellValue | undefined): string {
  const plain = plainValue(value);
  return plain === null ? "" : String(plain).replace(/\s+/g, "");
}
