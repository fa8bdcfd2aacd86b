import type { ColumnType } from "../pack/schema";
import type { CellValue } from "../snapshot";
import { parseDate } from "./date";
import { parseInteger, parseNumber } from "./number";
import { displayValue, isBlank, normalizeText } from "./normalize";
import { parseRatio, type RatioOptions } from "./ratio";
import { EMPTY_CODE, failed, parsed, type Parsed } from "./result";
import { parseYesNo } from "./yesNo";

export const ENUM_CODES = { invalid: "value.enum.invalid" } as const;

/** A cell's value read as its column type. */
export type TypedValue = string | number | boolean;

/** Reads a cell as its column type: dates as ISO strings, ratios as 0..1, yes/no as booleans. */
export function parseCell(
  type: ColumnType,
  value: CellValue | undefined,
  options: { values?: readonly string[] } & RatioOptions = {},
): Parsed<TypedValue> {
  switch (type) {
    case "text":
      return isBlank(value) ? failed(EMPTY_CODE, "") : parsed(displayValue(value ?? null));
    case "date":
      return parseDate(value);
    case "number":
      return parseNumber(value);
    case "integer":
      return parseInteger(value);
    case "ratio":
      return parseRatio(value, options);
    case "yesNo":
      return parseYesNo(value);
    case "enum":
      return parseEnum(value, options.values ?? []);
  }
}

/** One of the allowed values, matched after trimming and half-width conversion. */
export function parseEnum(value: CellValue | undefined, values: readonly string[]): Parsed<string> {
  if (isBlank(value)) return failed(EMPTY_CODE, "");
  if (typeof value !== "string" && typeof value !== "number")
    return failed(ENUM_CODES.invalid, displayValue(value ?? null));
  const text = normalizeText(String(value));
  const match = values.find((allowed) => normalizeText(allowed) === text);
  return match === undefined ? failed(ENUM_CODES.invalid, displayValue(value ?? null)) : parsed(match);
}
