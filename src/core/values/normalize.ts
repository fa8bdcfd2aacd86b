import type { CellValue } from "../snapshot";
import { excelSerialFromDateValue, isPlainDateSerial } from "./isoDate";

// Full-width ASCII (！ to ～) maps onto ASCII by a fixed offset; the ideographic space is separate.
const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
const SPACES = /[\s\u3000\u00A0]+/g;
// Characters that show as nothing (zero-width space, joiners, word joiner, soft hyphen, Mongolian
// vowel separator; the BOM is in \s): pasted from web pages and chat apps, they would make "完成"
// fail to match while looking exactly like it.
const INVISIBLE = /[\u200B-\u200D\u2060\u00AD\u180E]/g;
// Most cells need no change; testing first keeps 10,000-row checks fast.
const NEEDS_WORK = /[\uFF01-\uFF5E\s\u3000\u00A0\u200B-\u200D\u2060\u00AD\u180E]/;
const NOT_SPACE = /[^\s\u3000\u00A0\u200B-\u200D\u2060\u00AD\u180E]/;

/** Half-width, trimmed, inner runs of space collapsed: how people's typing is compared. */
export function normalizeText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text
    .replace(INVISIBLE, "")
    .replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(SPACES, " ")
    .trim();
}

/** True for null, undefined, an invalid date and text that is only spaces. */
export function isBlank(value: CellValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") {
    const first = value.charCodeAt(0);
    // A visible ASCII or CJK first character settles it without a regex.
    if ((first > 0x20 && first < 0x7f) || (first >= 0x4e00 && first <= 0x9fff)) return false;
    return !NOT_SPACE.test(value);
  }
  if (typeof value === "number") return Number.isNaN(value);
  if (value instanceof Date) return Number.isNaN(value.getTime());
  return false;
}

/** The cell as the user would recognise it, for finding params. */
export function displayValue(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return "";
    // Outside Excel's calendar the number the user typed says more than "+057152-05-25".
    const serial = excelSerialFromDateValue(value);
    return isPlainDateSerial(serial)
      ? value.toISOString().slice(0, 10)
      : String(Math.round(serial * 1e6) / 1e6);
  }
  if (typeof value === "number") return String(value);
  // Not a CellValue: an adapter bug. Show something rather than fail.
  try {
    return String(value);
  } catch {
    return "";
  }
}
