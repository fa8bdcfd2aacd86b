/**
 * TEXT(value, format) for the formats a checklist needs: dates (yyyy mm dd m d, 年月日 literals),
 * fixed decimals ("0", "0.00"), thousands ("#,##0"), percent ("0%"), and "@". Other formats are
 * rendered as General.
 */
import { numberToText } from "./coerce";
import { ymdFromSerial } from "./dates";

const roundHalfAway = (x: number, digits: number): number => {
  const f = 10 ** digits;
  const shifted = Number((Math.abs(x) * f).toPrecision(15));
  return (Math.sign(x) * Math.floor(shifted + 0.5)) / f;
};

function formatDate(serial: number, fmt: string): string | undefined {
  const ymd = ymdFromSerial(serial);
  if (!ymd) return undefined;
  return fmt.replace(/yyyy|yy|mm|m|dd|d|"[^"]*"/gi, (tok) => {
    const t = tok.toLowerCase();
    if (t.startsWith('"')) return tok.slice(1, -1);
    if (t === "yyyy") return String(ymd.year);
    if (t === "yy") return String(ymd.year % 100).padStart(2, "0");
    if (t === "mm") return String(ymd.month).padStart(2, "0");
    if (t === "m") return String(ymd.month);
    if (t === "dd") return String(ymd.day).padStart(2, "0");
    return String(ymd.day);
  });
}

function formatNumber(x: number, fmt: string): string | undefined {
  const m = /^(#,##)?(0+)(?:\.(0+))?(%?)$/.exec(fmt);
  if (!m) return undefined;
  const value = m[4] ? x * 100 : x;
  const decimals = (m[3] ?? "").length;
  const rounded = roundHalfAway(value, decimals);
  const [whole, frac] = Math.abs(rounded).toFixed(decimals).split(".") as [string, string | undefined];
  let int = whole.padStart((m[2] as string).length, "0");
  if (m[1]) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = rounded < 0 ? "-" : "";
  return `${sign}${int}${frac !== undefined ? `.${frac}` : ""}${m[4]}`;
}

export function formatText(value: number | string, fmt: string): string {
  if (typeof value === "string") return fmt.includes("@") ? fmt.replace("@", value) : value;
  if (fmt === "@" || fmt === "" || /^general$/i.test(fmt)) return numberToText(value);
  if (/[yd]/i.test(fmt.replace(/"[^"]*"/g, ""))) return formatDate(value, fmt) ?? numberToText(value);
  return formatNumber(value, fmt) ?? numberToText(value);
}
