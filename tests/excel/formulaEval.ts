import type { FormulaEvaluator } from "../../src/sim";
import { columnIndex } from "../../src/core/layout/layout";

/**
 * A hand-written evaluator for the few formula shapes the adapter tests write (the real compiler's
 * formulas are checked against real spreadsheets elsewhere):
 * - `=IF(LEN(TRIM(X9))=0,"","✓")` — blank row → "", else ✓;
 * - `=X9` — a reference;
 * - `=LEN(X9)` — the length of a cell's text.
 * Anything else: undefined (the simulator keeps the cell's last value).
 */
export const evaluateTestFormula: FormulaEvaluator = ({ formula, sheet, valueAt }) => {
  const at = (col: string, row: string) => valueAt(sheet, Number(row) - 1, columnIndex(col));
  const blankCheck = /^=IF\(LEN\(TRIM\(\$?([A-Z]{1,3})\$?(\d+)\)\)=0,"","✓"\)$/.exec(formula);
  if (blankCheck) return String(at(blankCheck[1] ?? "", blankCheck[2] ?? "")).trim() === "" ? "" : "✓";
  const ref = /^=\$?([A-Z]{1,3})\$?(\d+)$/.exec(formula);
  if (ref) return at(ref[1] ?? "", ref[2] ?? "");
  const len = /^=LEN\(\$?([A-Z]{1,3})\$?(\d+)\)$/.exec(formula);
  if (len) return String(at(len[1] ?? "", len[2] ?? "")).length;
  return undefined;
};
