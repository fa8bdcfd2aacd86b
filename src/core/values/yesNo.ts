import type { CellValue } from "../snapshot";
import { displayValue, isBlank, normalizeText } from "./normalize";
import { EMPTY_CODE, failed, parsed, type Parsed } from "./result";

export const YES_NO_CODES = { invalid: "value.yesNo.invalid" } as const;

const WORDS: ReadonlyMap<string, boolean> = new Map([
  ...["是", "有", "√", "✓", "✔", "☑", "y", "yes", "true", "1"].map((w) => [w, true] as const),
  ...["否", "无", "×", "✗", "✘", "☒", "x", "n", "no", "false", "0"].map((w) => [w, false] as const),
]);

/** 是/否, 有/无, √/×, Y/N, yes/no, true/false, 1/0 and booleans. */
export function parseYesNo(value: CellValue | undefined): Parsed<boolean> {
  if (isBlank(value) || value === undefined || value === null) return failed(EMPTY_CODE, "");
  if (typeof value === "boolean") return parsed(value);
  if (typeof value === "number") {
    if (value === 1 || value === 0) return parsed(value === 1);
    return failed(YES_NO_CODES.invalid, displayValue(value));
  }
  if (typeof value !== "string") return failed(YES_NO_CODES.invalid, displayValue(value));
  const answer = WORDS.get(normalizeText(value).toLowerCase());
  return answer === undefined ? failed(YES_NO_CODES.invalid, displayValue(value)) : parsed(answer);
}
