import { addYears } from "date-fns/addYears";

/** ISO calendar date "YYYY-MM-DD"; ISO strings compare correctly as strings. */
export type IsoDate = string;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const TWO_DIGITS: readonly string[] = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, "0"));
const year4 = (year: number): string => (year >= 1000 ? String(year) : String(year).padStart(4, "0"));

/** The ISO date of a year, month (1–12) and day, or null when no such day exists. */
export function isoFromParts(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${year4(year)}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}`;
}

export function isoParts(iso: IsoDate): { year: number; month: number; day: number } {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

// Days from civil dates and back by integer arithmetic (H. Hinnant's algorithms): no Date objects,
// no time zones, and fast enough for every cell of a 10,000-row ledger.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Days since 1970-01-01. */
export function dayNumber(iso: IsoDate): number {
  const { year, month, day } = isoParts(iso);
  return daysFromCivil(year, month, day);
}

export function isoFromDayNumber(days: number): IsoDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${year4(year)}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}`;
}

export function addDaysIso(iso: IsoDate, days: number): IsoDate {
  return isoFromDayNumber(dayNumber(iso) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** Whole years later; 29 February becomes 28 February in a common year (as date-fns does). */
export function addYearsIso(iso: IsoDate, years: number): IsoDate {
  const { year, month, day } = isoParts(iso);
  // Noon local time keeps a daylight-saving change from moving the day.
  const moved = addYears(new Date(year, month - 1, day, 12), years);
  return isoFromParts(moved.getFullYear(), moved.getMonth() + 1, moved.getDate()) ?? iso;
}

export function yearOf(iso: IsoDate): number {
  return Number(iso.slice(0, 4));
}

// Excel counts 1900-01-01 as serial 1 and keeps Lotus 1-2-3's non-existent 1900-02-29 as serial 60,
// so serials from 61 on are days since 1899-12-30 and serials below 60 days since 1899-12-31.
const EXCEL_EPOCH_DAY = -25569; // dayNumber("1899-12-30")
export const EXCEL_LEAP_BUG_SERIAL = 60;
export const MAX_EXCEL_SERIAL = 2_958_465; // 9999-12-31

/** The ISO date of an Excel serial (time of day ignored), or null for 60 and out-of-range serials. */
export function isoFromExcelSerial(serial: number): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (whole < 1 || whole > MAX_EXCEL_SERIAL || whole === EXCEL_LEAP_BUG_SERIAL) return null;
  return isoFromDayNumber(EXCEL_EPOCH_DAY + whole + (whole < EXCEL_LEAP_BUG_SERIAL ? 1 : 0));
}

/** The Excel serial of an ISO date from 1900-01-01 on. */
export function excelSerialFromIso(iso: IsoDate): number {
  const serial = dayNumber(iso) - EXCEL_EPOCH_DAY;
  return serial <= EXCEL_LEAP_BUG_SERIAL ? serial - 1 : serial;
}

/** Serial 1 as the Unix day ExcelJS and Office.js writers assume (1899-12-30 is serial 0). */
const UNIX_EPOCH_SERIAL = 25569;
const DAY_MS = 86_400_000;

/**
 * The Excel serial a Date stands for when a reader turned a date-formatted number into a Date by
 * the plain rule date = 1970-01-01 + (serial − 25569) days, as ExcelJS does. That rule ignores
 * Excel's 1900 calendar below serial 61 and gives years past 9999 for typed numbers like
 * 20180525; undoing it lets the one conversion above decide.
 */
export function excelSerialFromDateValue(date: Date): number {
  return date.getTime() / DAY_MS + UNIX_EPOCH_SERIAL;
}

/** True when a reader's Date for `serial` is right as it stands: a real day of Excel's calendar. */
export function isPlainDateSerial(serial: number): boolean {
  return serial >= EXCEL_LEAP_BUG_SERIAL + 1 && serial < MAX_EXCEL_SERIAL + 1;
}
