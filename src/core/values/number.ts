import type { CellValue } from "../snapshot";
import { displayValue, isBlank, normalizeText } from "./normalize";
import { EMPTY_CODE, failed, parsed, type Parsed } from "./result";

export const NUMBER_CODES = {
  invalid: "value.number.invalid",
  /** A number, but not a whole one where a count is expected. */
  notWhole: "value.integer.notWhole",
  /** Below zero: every number a pack asks for (staff, counts, 参训人数, years, amounts) is a quantity. */
  negative: "value.number.negative",
} as const;

const GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const PLAIN = /^(\d+(\.\d*)?|\.\d+)$/;
// A unit word people add after the number: 5人, 8台, 2次, 5年, 3000元 (but not 万, which scales).
const UNIT = /[人名位台个次件项场期份部套家年元天]$/;

/**
 * A quantity as people type it: full-width digits, thousands separators, spaces, a unit word.
 * Negative numbers are refused with their own code, so −12 certified of −20 staff never passes a
 * 50 % rule.
 */
export function parseNumber(value: CellValue | undefined): Parsed<number> {
  const result = parseSigned(value);
  if (result.ok && result.value < 0) return failed(NUMBER_CODES.negative, displayValue(value ?? null));
  return result;
}

function parseSigned(value: CellValue | undefined): Parsed<number> {
  if (isBlank(value) || value === undefined || value === null) return failed(EMPTY_CODE, "");
  if (typeof value === "number") return Number.isFinite(value) ? parsed(value) : invalid(value);
  if (typeof value !== "string") return invalid(value);
  let text = normalizeText(value).replace(/\u2212/g, "-");
  text = text.replace(UNIT, "").replace(/ /g, "");
  let sign = 1;
  if (text.startsWith("-") || text.startsWith("+")) {
    sign = text.startsWith("-") ? -1 : 1;
    text = text.slice(1);
  }
  if (GROUPED.test(text)) return parsed(sign * Number(text.replace(/,/g, "")));
  if (PLAIN.test(text)) return parsed(sign * Number(text));
  return invalid(value);
}

/** A whole number (a count). */
export function parseInteger(value: CellValue | undefined): Parsed<number> {
  const result = parseNumber(value);
  if (!result.ok) return result;
  return Number.isInteger(result.value) ? result : failed(NUMBER_CODES.notWhole, displayValue(value ?? null));
}

const invalid = (raw: CellValue): Parsed<number> => failed(NUMBER_CODES.invalid, displayValue(raw));
