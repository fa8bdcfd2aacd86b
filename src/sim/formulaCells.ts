import type { XlValue } from "../excel/api";

/**
 * The simulator stores formulas but cannot compute Excel's functions. What a formula cell shows
 * through `Range.values` comes from an injectable evaluator (tests pass one for the formulas they
 * write; the preview may pass a formula engine). Without one, or when it returns undefined, a
 * formula cell keeps the value it last showed: "" for a formula just written to a cell that held
 * none, the previous result when a formula replaces a formula. Excel recalculates on every
 * change; the simulator evaluates when a value is read, which a reader cannot tell apart.
 */
export interface EvaluationRequest {
  /** With the leading "=", as `Range.formulas` shows it. */
  formula: string;
  sheet: string;
  /** 0-based. */
  row: number;
  column: number;
  /** The value the cell shows now. */
  cached: XlValue;
  /** What another cell shows (evaluated too, so formulas may read formulas). */
  valueAt(sheet: string, row: number, column: number): XlValue;
  /**
   * Whether that cell holds a formula: "" from a formula is an empty text (=A1 shows ""), while
   * an empty cell reads as blank (=A1 shows 0); `Range.values` shows both as "".
   */
  holdsFormula(sheet: string, row: number, column: number): boolean;
}

export type FormulaEvaluator = (request: EvaluationRequest) => XlValue | undefined;

/** Text Excel takes for a formula when written to a cell that is not formatted as text. */
export function isFormulaText(input: unknown, numberFormat: string): input is string {
  return typeof input === "string" && numberFormat !== "@" && /^=./s.test(input.trim());
}

/** `Range.formulas` of a cell: its formula with "=", else its value ("" when empty). */
export function formulaOf(cell: { value: XlValue; formula?: string } | undefined): XlValue {
  if (!cell) return "";
  if (cell.formula === undefined) return cell.value;
  return cell.formula.startsWith("=") ? cell.formula : `=${cell.formula}`;
}
