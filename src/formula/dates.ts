/**
 * Date serials of Excel's 1900 date system. Serial 1 is 1900-01-01 and serial 60 is the
 * non-existent 1900-02-29 that Excel keeps for Lotus 1-2-3 compatibility, so serials below 61 are
 * one day off the proleptic calendar.
 * https://learn.microsoft.com/en-us/troubleshoot/microsoft-365-apps/excel/wrongly-assumes-1900-is-leap-year
 */

const DAY_MS = 86_400_000;
// 1899-12-30: serial 0 for serials ≥ 61.
const EPOCH = Date.UTC(1899, 11, 30);

/**
 * Serial of a calendar date, months and days rolling over as DATE does, counted in Excel's calendar
 * (February 1900 has 29 days); undefined outside serials 0–2958465 (9999-12-31).
 */
export function serialFromYmd(year: number, month: number, day: number): number | undefined {
  const first = new Date(0);
  first.setUTCFullYear(year, month - 1, 1);
  let serial = Math.round((first.getTime() - EPOCH) / DAY_MS);
  if (serial < 61) serial -= 1;
  serial += day - 1;
  if (!Number.isFinite(serial) || serial < 0 || serial > 2_958_465) return undefined;
  return serial;
}

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** The calendar date of a serial (its integer part), with Excel's 1900-02-29 and 1900-01-00 (serial 0). */
export function ymdFromSerial(serial: number): Ymd | undefined {
  const s = Math.floor(serial);
  if (s < 0 || s > 2_958_465) return undefined;
  if (s === 0) return { year: 1900, month: 1, day: 0 };
  if (s === 60) return { year: 1900, month: 2, day: 29 };
  const d = new Date(EPOCH + (s < 60 ? s + 1 : s) * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A calendar date only when the parts name a real day (no rolling over). */
export function exactSerial(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  if (day > daysInMonth(year, month) && !(year === 1900 && month === 2 && day === 29)) return undefined;
  return serialFromYmd(year, month, day);
}

/** EDATE: the same day `months` later, clamped to the end of a shorter month. */
export function addMonths(serial: number, months: number): number | undefined {
  const ymd = ymdFromSerial(serial);
  if (!ymd) return undefined;
  const total = ymd.year * 12 + (ymd.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(Math.max(ymd.day, 1), daysInMonth(year, month));
  return ymd.day === 0 ? (serialFromYmd(year, month, 1) ?? NaN) - 1 : serialFromYmd(year, month, day);
}

const ISO = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * Date text as DATEVALUE and VALUE read it in an en-US / zh-CN locale: "2024-03-05", "2024/3/5",
 * and month-first "3/5/2024". Other shapes are not dates here.
 */
export function parseDateText(text: string): number | undefined {
  const t = text.trim();
  let m = ISO.exec(t);
  if (m) return exactSerial(Number(m[1]), Number(m[2]), Number(m[3]));
  m = US.exec(t);
  if (m) return exactSerial(Number(m[3]), Number(m[1]), Number(m[2]));
  return undefined;
}
