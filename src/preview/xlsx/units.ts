import { excelSerialFromDateValue } from "../../core/values/isoDate";
import { isoFromSerial, serialFromDate } from "../../sim";

export { isoFromSerial };

/** ExcelJS reads 1900-system serials as UTC dates; this is the serial back (times kept), by the core's one rule. */
export const serialFromJsDate = excelSerialFromDateValue;

export function serialFromIso(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? serialFromDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

export { fileWidthFromPoints, pointsFromFileWidth } from "../../core/layout";

/** "FFC6EFCE" (ARGB) → "#C6EFCE" as Office.js reports colours; null for anything else. */
export function hexFromArgb(argb: string | undefined): string | null {
  return argb && /^[0-9a-f]{8}$/i.test(argb) ? `#${argb.slice(2).toUpperCase()}` : null;
}

/** "#C6EFCE" → "FFC6EFCE"; Office.js also takes names, which the fake keeps as written. */
export function argbFromHex(color: string): string | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(color.trim());
  return m ? `FF${(m[1] ?? "").toUpperCase()}` : null;
}
