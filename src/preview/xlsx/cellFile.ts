import type { XlValue } from "../../excel/api";
import type { Cell } from "../../sim";
import type { ExcelJS } from "../../xlsx/exceljs";
import type { CellCarry } from "./carry";
import { argbFromHex, hexFromArgb, serialFromJsDate } from "./units";

const GENERAL = "General";

/** What Office.js reports for a file's cell value: formulas give their cached result, dates serials. */
export function valueFromFile(value: ExcelJS.CellValue): { value: XlValue; original?: ExcelJS.CellValue } {
  if (value === null || value === undefined) return { value: "" };
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return { value };
  if (value instanceof Date) return { value: Number.isNaN(value.getTime()) ? "" : serialFromJsDate(value) };
  if (typeof value !== "object") return { value: "" };
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    const shown =
      result !== null && typeof result === "object" && !(result instanceof Date) && "error" in result
        ? String(result.error)
        : valueFromFile(result ?? null).value;
    return { value: shown, original: value };
  }
  if ("richText" in value) return { value: value.richText.map((run) => run.text).join(""), original: value };
  if ("hyperlink" in value) return { value: String(value.text ?? ""), original: value };
  if ("error" in value) return { value: String(value.error), original: value };
  return { value: "" };
}

/** The formats the fake models, read from a file's cell style. */
export function modelledFormat(style: Partial<ExcelJS.Style>): Omit<Cell, "value" | "validation"> {
  const out: Omit<Cell, "value" | "validation"> = { numberFormat: style.numFmt || GENERAL };
  const fill = solidColor(style.fill);
  if (fill) out.fill = fill;
  if (style.font?.bold) out.bold = true;
  const font = hexFromArgb(style.font?.color?.argb);
  if (font) out.fontColor = font;
  if (style.alignment?.wrapText) out.wrap = true;
  return out;
}

export const hasModelledFormat = (f: Omit<Cell, "value" | "validation">): boolean =>
  f.numberFormat !== GENERAL || !!f.fill || !!f.bold || !!f.fontColor || !!f.wrap;

export function hasStyle(style: Partial<ExcelJS.Style> | undefined): boolean {
  return !!style && Object.values(style).some((v) => v !== undefined && v !== null);
}

function solidColor(fill: ExcelJS.Fill | undefined): string | null {
  if (!fill || fill.type !== "pattern" || fill.pattern !== "solid") return null;
  return hexFromArgb(fill.fgColor?.argb);
}

/** The value to write: the file's formula (or rich text…) while the cell still shows its result. */
export function valueToFile(cell: Cell, carry: CellCarry | undefined): ExcelJS.CellValue {
  // A formula is saved with what it shows now; the file also asks for a recalculation on open.
  if (cell.formula !== undefined) {
    const formula = cell.formula.replace(/^=/, "");
    return (cell.value === "" ? { formula } : { formula, result: cell.value }) as ExcelJS.CellFormulaValue;
  }
  if (carry?.original !== undefined && carry.shown === cell.value) return carry.original;
  const { value } = cell;
  if (value === "") return null;
  // Office.js makes "=…" written to a cell a formula; the fake keeps the text (it does not evaluate).
  if (typeof value === "string" && value.length > 1 && value.startsWith("=") && cell.numberFormat !== "@") {
    return { formula: value.slice(1) } as ExcelJS.CellFormulaValue;
  }
  return value;
}

/** The carried style with the fake's formats laid over it (they may have changed since opening). */
export function styleToFile(
  cell: Cell,
  carried: Partial<ExcelJS.Style> | undefined,
): Partial<ExcelJS.Style> | null {
  const style: Partial<ExcelJS.Style> = carried ? structuredClone(carried) : {};
  if (cell.numberFormat !== GENERAL) style.numFmt = cell.numberFormat;
  else delete style.numFmt;

  const fill = cell.fill ? argbFromHex(cell.fill) : null;
  if (fill) {
    if (solidColor(style.fill) !== cell.fill) {
      style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill }, bgColor: { argb: fill } };
    }
  } else if (solidColor(style.fill)) delete style.fill; // cleared since opening

  const font: Partial<ExcelJS.Font> = { ...style.font };
  if (cell.bold) font.bold = true;
  else delete font.bold;
  const color = cell.fontColor ? argbFromHex(cell.fontColor) : null;
  if (color) font.color = { argb: color };
  else if (hexFromArgb(font.color?.argb)) delete font.color;
  if (Object.keys(font).length > 0) style.font = font;
  else delete style.font;

  if (cell.wrap) style.alignment = { ...style.alignment, wrapText: true };
  else if (style.alignment?.wrapText) {
    const { wrapText: _dropped, ...rest } = style.alignment;
    style.alignment = rest;
  }
  return hasStyle(style) ? style : null;
}
