import type { XlValue } from "../excel/api";
import { isoFromSerial } from "../sim";

/** What Excel would show for a stored value and its number format (the formats Taizhang uses). */
export function cellText(value: XlValue, numberFormat: string): string {
  if (typeof value === "number") {
    if (/y{2,4}|d{1,2}/i.test(numberFormat) && !/^0/.test(numberFormat)) return isoFromSerial(value);
    if (/%$/.test(numberFormat)) {
      const decimals = /\.(0+)%$/.exec(numberFormat)?.[1]?.length ?? 0;
      return `${(value * 100).toFixed(decimals)}%`;
    }
    return String(Math.round(value * 1e10) / 1e10);
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value;
}

/** The choices of a list validation, when its source is a literal list. */
export function listChoices(source: string | undefined): string[] | null {
  if (!source || source.startsWith("=")) return null;
  return source.split(/[,，]/).map((s) => s.trim());
}
