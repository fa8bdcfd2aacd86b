import {
  EXCEL_LEAP_BUG_SERIAL,
  excelSerialFromIso,
  isoFromExcelSerial,
  isoFromParts,
} from "../core/values/isoDate";
import type { XlValue } from "../excel/api";

// Serial dates go through the core's one conversion (Excel's 1900 calendar, fictitious
// 1900-02-29 included), so the simulator and the checks can never disagree by a day.

/** The serial Excel stores for a typed date, or null for a day that does not exist. */
export function serialFromDate(year: number, month: number, day: number): number | null {
  const iso = isoFromParts(year, month, day);
  return iso === null || iso < "1900-01-01" ? null : excelSerialFromIso(iso);
}

/**
 * A serial as Excel displays it with a yyyy-mm-dd format: 60 shows as the 1900-02-29 Excel
 * believes in; serials outside the calendar (0, negatives, past 9999) as Excel's "#####".
 */
export function isoFromSerial(serial: number): string {
  if (Math.floor(serial) === EXCEL_LEAP_BUG_SERIAL) return "1900-02-29";
  return isoFromExcelSerial(serial) ?? "#####";
}

export interface StoredValue {
  value: XlValue;
  /** Set when Excel took the text for a formula (see storeInput); the model computes its value. */
  formula?: string;
  /** A number format Excel picks when the cell had "General", e.g. a typed date gets one. */
  impliedFormat?: string;
}

const DATE_INPUT = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const NUMBER_INPUT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT_INPUT = /^([+-]?(\d+\.?\d*|\.\d+))%$/;

/**
 * What Excel stores when a value is typed or written through `Range.values`: text that reads as a
 * number, a percentage, a date (ISO or y/m/d) or TRUE/FALSE is converted unless the cell is
 * formatted as text ("@"); a leading apostrophe keeps text as text. Text starting with "=", "+"
 * or "-" that is not a number becomes a formula: "If the returned value starts with a plus ("+"),
 * minus ("-"), or equal sign ("="), Excel interprets this value as a formula" (Excel.Range.values,
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-values-member).
 */
export function storeInput(input: unknown, numberFormat: string): StoredValue {
  if (input === null || input === undefined) return { value: "" };
  if (typeof input === "number") return Number.isFinite(input) ? { value: input } : { value: "#NUM!" };
  if (typeof input === "boolean") return { value: input };
  if (input instanceof Date) {
    // Office.js does not take Date objects; Excel stores their string form.
    return { value: String(input) };
  }
  const text = String(input);
  if (numberFormat === "@") return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  const trimmed = text.trim();
  if (trimmed === "") return { value: text === "" ? "" : text };
  if (NUMBER_INPUT.test(trimmed)) return { value: Number(trimmed) };
  const pct = PERCENT_INPUT.exec(trimmed);
  if (pct) return { value: Number(pct[1]) / 100, impliedFormat: "0%" };
  const date = DATE_INPUT.exec(trimmed);
  if (date) {
    const serial = serialFromDate(Number(date[1]), Number(date[2]), Number(date[3]));
    if (serial !== null) return { value: serial, impliedFormat: "yyyy-mm-dd" };
  }
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === "true" };
  if (trimmed.length > 1 && /^[=+-]/.test(trimmed)) return { value: "", formula: trimmed };
  return { value: text };
}

/** Excel's RangeValueType of a stored value, as in ChangedEventDetail. */
export function valueType(value: XlValue): "Empty" | "String" | "Integer" | "Double" | "Boolean" {
  if (value === "") return "Empty";
  if (typeof value === "boolean") return "Boolean";
  if (typeof value === "number") return Number.isInteger(value) ? "Integer" : "Double";
  return "String";
}
