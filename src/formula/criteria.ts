/**
 * COUNTIF/SUMIF criteria: "x" or "=x" (text equality, case-insensitive, with wildcards), "<>x",
 * comparisons (">=5", "<2024-01-01"), "=" (blank cells only), "<>" (non-blank cells), "" (blank
 * cells and empty text), or a number or boolean value.
 * https://support.microsoft.com/en-us/office/countif-function-e0de10c6-f885-4e71-abb4-1f464816df34
 */
import { compareValues, parseNumberText } from "./coerce";
import { isError, type CellValue } from "./values";
import { wildcardMatcher } from "./wildcards";

export type Criterion = (v: CellValue) => boolean;

const compareWith = (op: string, c: number): boolean =>
  op === "="
    ? c === 0
    : op === "<>"
      ? c !== 0
      : op === "<"
        ? c < 0
        : op === ">"
          ? c > 0
          : op === "<="
            ? c <= 0
            : c >= 0;

export function makeCriterion(criterion: CellValue): Criterion {
  if (isError(criterion)) return (v) => v === criterion;
  if (criterion === null) criterion = 0;
  if (typeof criterion === "number") return (v) => typeof v === "number" && v === criterion;
  if (typeof criterion === "boolean") return (v) => v === criterion;
  const m = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/.exec(criterion) as RegExpExecArray;
  const op = m[1] ?? "=";
  const rest = m[2] as string;
  if (rest === "") {
    if (op === "=") return m[1] ? (v) => v === null : (v) => v === null || v === "";
    if (op === "<>") return (v) => v !== null && v !== "";
  }
  const asNumber = parseNumberText(rest);
  if (asNumber !== undefined) {
    return (v) =>
      typeof v === "number" ? compareWith(op, v === asNumber ? 0 : v < asNumber ? -1 : 1) : op === "<>";
  }
  const upper = rest.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") {
    const b = upper === "TRUE";
    return (v) => (typeof v === "boolean" ? compareWith(op, v === b ? 0 : v ? 1 : -1) : op === "<>");
  }
  if (op === "=" || op === "<>") {
    const matches = wildcardMatcher(rest);
    return op === "="
      ? (v) => typeof v === "string" && matches(v)
      : (v) => !(typeof v === "string" && matches(v));
  }
  return (v) => typeof v === "string" && compareWith(op, compareValues(v, rest) as number);
}
