/** Values a spreadsheet cell can hold, as the formula engine sees them. */

export type ErrorCode = "#NULL!" | "#DIV/0!" | "#VALUE!" | "#REF!" | "#NAME?" | "#NUM!" | "#N/A";

export const ERROR_CODES: readonly ErrorCode[] = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
];

/** An error value (#N/A…). One shared instance per code, so `===` compares them. */
export class FormulaError {
  private constructor(readonly code: ErrorCode) {}
  private static readonly all = new Map<ErrorCode, FormulaError>(
    ERROR_CODES.map((code) => [code, new FormulaError(code)]),
  );
  static of(code: ErrorCode): FormulaError {
    return FormulaError.all.get(code) as FormulaError;
  }
  toString(): string {
    return this.code;
  }
}

export const ERR = {
  null: FormulaError.of("#NULL!"),
  div0: FormulaError.of("#DIV/0!"),
  value: FormulaError.of("#VALUE!"),
  ref: FormulaError.of("#REF!"),
  name: FormulaError.of("#NAME?"),
  num: FormulaError.of("#NUM!"),
  na: FormulaError.of("#N/A"),
} as const;

/** A cell's value: `null` is a blank cell (never written), distinct from the empty string. */
export type CellValue = number | string | boolean | null | FormulaError;

export const isError = (v: unknown): v is FormulaError => v instanceof FormulaError;

export function errorFromCode(code: string): FormulaError | undefined {
  return (ERROR_CODES as readonly string[]).includes(code) ? FormulaError.of(code as ErrorCode) : undefined;
}
