/** Excel's conversions between numbers, text and booleans, and its ordering of mixed values. */
import { parseDateText } from "./dates";
import { ERR, isError, type CellValue, type FormulaError } from "./values";

const NUMBER_TEXT = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d*)(\.\d*)?([eE][+-]?\d+)?(%?)$/;

/** Text Excel turns into a number in arithmetic and VALUE: "15", " 1,500.5 ", "50%", "1e3", "2024-03-05". */
export function parseNumberText(text: string): number | undefined {
  // Full-width digits ("１５") stay text, as in LibreOffice; see tests/formula/corpus.ts.
  const t = text.trim();
  if (t === "") return undefined;
  const m = NUMBER_TEXT.exec(t);
  if (m && ((m[2] as string) !== "" || (m[3] ?? "").length > 1)) {
    const n = Number(`${m[1]}${(m[2] as string).replace(/,/g, "")}${m[3] ?? ""}${m[4] ?? ""}`);
    if (Number.isFinite(n)) return m[5] === "%" ? n / 100 : n;
  }
  return parseDateText(t);
}

export function toNumber(v: CellValue): number | FormulaError {
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") return parseNumberText(v) ?? ERR.value;
  return v;
}

/** Numbers as text the way Excel's General format writes them: up to 15 significant digits. */
export function numberToText(n: number): string {
  if (n === 0) return "0";
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const abs = Math.abs(n);
  if (abs >= 1e-9 && abs < 1e15) {
    const fixed = n.toPrecision(15);
    if (!fixed.includes("e"))
      return fixed.includes(".") ? fixed.replace(/0+$/, "").replace(/\.$/, "") : fixed;
  }
  const [mant, exp] = n.toExponential(14).split("e") as [string, string];
  const m = mant.replace(/0+$/, "").replace(/\.$/, "");
  const e = Number(exp);
  return `${m}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
}

export function toText(v: CellValue): string | FormulaError {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return numberToText(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v;
}

export function toBool(v: CellValue): boolean | FormulaError {
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") {
    const u = v.toUpperCase();
    if (u === "TRUE") return true;
    if (u === "FALSE") return false;
    return ERR.value;
  }
  return v;
}

/**
 * Numbers equal to about 15 significant digits compare equal, so 0.1+0.2=0.3 is TRUE as in Excel.
 * https://learn.microsoft.com/en-us/office/troubleshoot/excel/floating-point-arithmetic-inaccurate-result
 */
export function approxEqual(a: number, b: number): boolean {
  if (a === b) return true;
  if (a === 0 || b === 0 || Math.sign(a) !== Math.sign(b)) return false;
  return Math.abs(a - b) < Math.max(Math.abs(a), Math.abs(b)) * 2 ** -48;
}

const rank = (v: number | string | boolean): number =>
  typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2;

/**
 * Excel's comparison: numbers < text < booleans, text case-insensitive, a blank cell compared as
 * 0, "" or FALSE depending on the other side.
 */
export function compareValues(a: CellValue, b: CellValue): number | FormulaError {
  if (isError(a)) return a;
  if (isError(b)) return b;
  const blankLike = (other: CellValue): number | string | boolean =>
    typeof other === "string" ? "" : typeof other === "boolean" ? false : 0;
  const x = a === null ? blankLike(b) : a;
  const y = b === null ? blankLike(a) : b;
  if (rank(x) !== rank(y)) return rank(x) < rank(y) ? -1 : 1;
  if (typeof x === "string") {
    const p = x.toLowerCase();
    const q = (y as string).toLowerCase();
    return p < q ? -1 : p > q ? 1 : 0;
  }
  const p = Number(x);
  const q = Number(y);
  if (approxEqual(p, q)) return 0;
  return p < q ? -1 : 1;
}
