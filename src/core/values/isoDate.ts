import { addYears } from "date-fns";

/** ISO calendar date "YYYY-MM-DD"; ISO strings compare correctly as strings. */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** The ISO date of a year, month (1–12) and day, or null when no such day exists. */
export function isoFromParts(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function isoParts(iso: IsoDate): { year: number; month: number; day: number } {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

/** Days since 1970-01-01, counted in UTC so no time zone shifts a date. */
export function dayNumber(iso: IsoDate): number {
  const { year, month, day } = isoParts(iso);
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year);
  return Math.round(d.getTime() / MS_PER_DAY);
}

export function isoFromDayNumber(days: number): IsoDate {
  const d = new Date(days * MS_PER_DAY);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
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
