import type { CellValue } from "../snapshot";
import {
  excelSerialFromDateValue,
  isoFromExcelSerial,
  isoFromParts,
  isPlainDateSerial,
  type IsoDate,
} from "./isoDate";
import { displayValue, isBlank, normalizeText } from "./normalize";
import { EMPTY_CODE, failed, parsed, type Parsed } from "./result";

export const DATE_CODES = {
  invalid: "value.date.invalid",
  /** Looks like a date but the day does not exist, e.g. 2018-02-30. */
  impossible: "value.date.impossible",
  /** Text that reads as a date (Excel or WPS kept "2018.4.3" as text): used as that date, flagged. */
  text: "date.textNotDate",
} as const;

/**
 * The date a filled cell holds as text, or null for a real date (a number or a Date), a blank and
 * text that is no date. Such a cell counts as its date; sorting, filters and date formulas in the
 * spreadsheet see text, so the user is asked to convert it.
 */
export function dateTypedAsText(value: CellValue | undefined): IsoDate | null {
  if (typeof value !== "string") return null;
  const read = parseDate(value);
  return read.ok ? read.value : null;
}

const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const SEPARATED = new RegExp(String.raw`^(\d{4}) ?([-/.]) ?(\d{1,2}) ?\2 ?(\d{1,2})${TIME}$`);
const CHINESE = /^(\d{4}) ?年 ?(\d{1,2}) ?月 ?(\d{1,2}) ?[日号]?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * A date as people enter it: Excel serial numbers, Date values, 2018-04-03, 2018/4/3, 2018.4.3,
 * 2018年4月3日, 20180403, with full-width digits and spaces.
 */
export function parseDate(value: CellValue | undefined): Parsed<IsoDate> {
  if (isBlank(value) || value === undefined || value === null) return failed(EMPTY_CODE, "");
  if (typeof value === "number") return parseSerial(value);
  if (value instanceof Date) {
    // A reader's Date outside Excel's calendar (−5, 20180525 in a date column) is read as the
    // number it was, never echoed as "+057152-05".
    const serial = excelSerialFromDateValue(value);
    return isPlainDateSerial(serial) || Number.isNaN(serial) ? parseDateValue(value) : parseSerial(serial);
  }
  if (typeof value !== "string") return invalid(value);
  const canonical = canonicalIso(value);
  if (canonical !== undefined) return canonical ? parsed(canonical) : failed(DATE_CODES.impossible, value);
  const text = normalizeText(value);
  const separated = SEPARATED.exec(text);
  if (separated) return fromMatch(separated[1], separated[3], separated[4], value);
  const chinese = CHINESE.exec(text);
  if (chinese) return fromMatch(chinese[1], chinese[2], chinese[3], value);
  const compact = COMPACT.exec(text);
  if (compact) return fromMatch(compact[1], compact[2], compact[3], value);
  return invalid(value);
}

/**
 * An Excel serial (1900 calendar: 60 is the fictitious 1900-02-29 and is refused, as are 0 and
 * negatives), else eight digits typed as a number, 20180525 → 2018-05-25.
 */
function parseSerial(value: number): Parsed<IsoDate> {
  const iso = isoFromExcelSerial(value);
  if (iso) return parsed(iso);
  const compact = COMPACT.exec(String(value));
  return compact ? fromMatch(compact[1], compact[2], compact[3], String(value)) : invalid(value);
}

/** The number of two or four ASCII digits at `from`, or -1. */
function digitsAt(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Fast path for text already written as YYYY-MM-DD, the most common form in ledgers: the ISO date,
 * null for an impossible day, undefined when the text is not in that form.
 */
function canonicalIso(text: string): IsoDate | null | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 1900 || month < 0 || day < 0) return undefined;
  return isoFromParts(year, month, day) === null ? null : text;
}

/**
 * A Date from an adapter. ExcelJS gives UTC midnight; a Date built in local time (a test, a
 * browser) is local midnight: take whichever reading is a whole day, UTC first.
 */
function parseDateValue(date: Date): Parsed<IsoDate> {
  const utcWhole = date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0;
  const localWhole = date.getHours() === 0 && date.getMinutes() === 0 && date.getSeconds() === 0;
  const iso =
    !utcWhole && localWhole
      ? isoFromParts(date.getFullYear(), date.getMonth() + 1, date.getDate())
      : isoFromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  return iso ? parsed(iso) : invalid(date);
}

function fromMatch(
  year: string | undefined,
  month: string | undefined,
  day: string | undefined,
  raw: CellValue,
): Parsed<IsoDate> {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (y < 1900) return invalid(raw);
  const iso = isoFromParts(y, m, d);
  return iso ? parsed(iso) : failed(DATE_CODES.impossible, displayValue(raw));
}

const invalid = (raw: CellValue): Parsed<IsoDate> => failed(DATE_CODES.invalid, displayValue(raw));
