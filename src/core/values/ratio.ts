import type { CellValue } from "../snapshot";
import { parseNumber } from "./number";
import { displayValue, isBlank, normalizeText } from "./normalize";
import { EMPTY_CODE, failed, parsed, type Parsed } from "./result";

export const RATIO_CODES = {
  invalid: "value.ratio.invalid",
  outOfRange: "value.ratio.outOfRange",
} as const;

export interface RatioOptions {
  /**
   * The cell is labelled in percent (单位 %): a plain 50 means 50 %. Numbers up to 1 are still
   * read as fractions, because a percent-formatted Excel cell stores 50 % as 0.5.
   */
  percent?: boolean;
}

const FRACTION = /^(\d+(?:\.\d+)?) ?\/ ?(\d+(?:\.\d+)?)$/;

/** A share between 0 and 1: 0.5, 50%, "５０％", 12/24, and 50 in a percent column. */
export function parseRatio(value: CellValue | undefined, options: RatioOptions = {}): Parsed<number> {
  if (isBlank(value) || value === undefined || value === null) return failed(EMPTY_CODE, "");
  const raw = displayValue(value);
  let ratio: number;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return failed(RATIO_CODES.invalid, raw);
    ratio = options.percent && value > 1 ? value / 100 : value;
  } else if (typeof value === "string") {
    const text = normalizeText(value);
    const fraction = FRACTION.exec(text);
    if (text.endsWith("%")) {
      const number = parseNumber(text.slice(0, -1));
      if (!number.ok) return failed(RATIO_CODES.invalid, raw);
      ratio = number.value / 100;
    } else if (fraction) {
      const denominator = Number(fraction[2]);
      if (denominator === 0) return failed(RATIO_CODES.invalid, raw);
      ratio = Number(fraction[1]) / denominator;
    } else {
      const number = parseNumber(text);
      if (!number.ok) return failed(RATIO_CODES.invalid, raw);
      ratio = options.percent && number.value > 1 ? number.value / 100 : number.value;
    }
  } else {
    return failed(RATIO_CODES.invalid, raw);
  }
  return ratio >= 0 && ratio <= 1 ? parsed(ratio) : failed(RATIO_CODES.outOfRange, raw);
}
