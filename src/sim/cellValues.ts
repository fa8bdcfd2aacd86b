import type { XlValue } from "../excel/api";

/** Days from 1899-12-30 (Excel's 1900 date system, past its 1900 leap-year bug). */
const EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

export function serialFromDate(year: number, month: number, day: number): number | null {
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round((ms - EPOCH) / DAY);
}

export function isoFromSerial(serial: number): string {
  return new Date(EPOCH + Math.floor(serial) * DAY).toISOString().slice(0, 10);
}

export interface StoredValue {
  value: XlValue;
  /** A number format Excel picks when the cell had "General", e.g. a typed date gets one. */
  impliedFormat?: string;
}

const DATE_INPUT = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const NUMBER_INPUT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT_INPUT = /^([+-]?(\d+\.?\d*|\.\d+))%$/;

/**
 * What Excel stores when a value is typed or written through `Range.values`: text that reads as a
 * number, a percentage, a date (ISO or y/m/d) or TRUE/FALSE is converted unless the cell is
 * formatted as text ("@"); a leading apostrophe keeps text as text.
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
  return { value: text };
}

/** Excel's RangeValueType of a stored value, as in ChangedEventDetail. */
export function valueType(value: XlValue): "Empty" | "String" | "Integer" | "Double" | "Boolean" {
  if (value === "") return "Empty";
  if (typeof value === "boolean") return "Boolean";
  if (typeof value === "number") return Number.isInteger(value) ? "Integer" : "Double";
  return "String";
}
