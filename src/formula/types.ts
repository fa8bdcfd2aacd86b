/** What the evaluator passes around: scalars, unevaluated references and arrays. */
import type { Node } from "./ast";
import type { CellValue } from "./values";
import { FormulaError } from "./values";

/** A rectangle of cells, 0-based and inclusive; kept unevaluated so ISBLANK and COUNTIF see cells. */
export interface RangeRef {
  kind: "range";
  sheet: string;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface ArrayVal {
  kind: "array";
  rows: CellValue[][];
}

export type Val = CellValue | RangeRef | ArrayVal;

export const isRange = (v: Val): v is RangeRef =>
  typeof v === "object" && v !== null && !(v instanceof FormulaError) && v.kind === "range";

export const isArray = (v: Val): v is ArrayVal =>
  typeof v === "object" && v !== null && !(v instanceof FormulaError) && v.kind === "array";

/** The workbook as the evaluator needs it. */
export interface EvalHost {
  /** The value of a cell, computing it first when it holds a formula; null when blank. */
  cellValue(sheet: string, row: number, col: number): CellValue;
  hasSheet(sheet: string): boolean;
  /** A rectangle's values at once (optional: a host that tracks reads notes the range once); undefined for no such sheet. */
  readRange?(sheet: string, r1: number, c1: number, r2: number, c2: number): CellValue[][] | undefined;
  /** The parsed definition of a defined name (case-insensitive), sheet-scoped names first. */
  definedName(name: string, sheet: string): Node | undefined;
  /** Serial of today, for TODAY(). */
  today(): number;
}

export interface EvalContext {
  host: EvalHost;
  sheet: string;
  row: number;
  col: number;
  /** Inside SUMPRODUCT (or an array formula) operators and scalar functions work element-wise. */
  arrayMode: boolean;
  /** A filled-down formula evaluated away from the cell it was written for: relative references move by this. */
  shift?: { dRow: number; dCol: number };
  /** Set when the result depended on the cell's own row or column (implicit intersection). */
  positional?: { used: boolean };
}
