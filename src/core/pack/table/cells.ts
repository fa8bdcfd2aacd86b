import { rawAt, type RawSheet } from "../../read/raw";

/** A header as compared: no spaces, half-width brackets, lower case. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/\s+/g, "")
    .replace(/\uff08/g, "(")
    .replace(/\uff09/g, ")")
    .toLowerCase();
}

/** Text of a cell, trimmed; numbers as written, "" for empty cells and dates. */
export function cellText(sheet: RawSheet, row: number, column: number | undefined): string {
  if (column === undefined) return "";
  const value = rawAt(sheet, row, column);
  if (value === null || value instanceof Date) return "";
  return String(value).trim();
}

/** A number cell, or a text that is a number; undefined when blank, NaN when not a number. */
export function cellNumber(sheet: RawSheet, row: number, column: number | undefined): number | undefined {
  if (column === undefined) return undefined;
  const value = rawAt(sheet, row, column);
  if (typeof value === "number") return value;
  const text = cellText(sheet, row, column).replace(/分$/, "");
  if (!text) return undefined;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
}

export function isBlankRow(sheet: RawSheet, row: number): boolean {
  return (sheet.rows[row] ?? []).every((v) => v === null || (typeof v === "string" && v.trim() === ""));
}

/** The header cells of one row: normalised header → column index (first one wins). */
export function headerMap(sheet: RawSheet, row: number): Map<string, number> {
  const map = new Map<string, number>();
  (sheet.rows[row] ?? []).forEach((_, column) => {
    const text = normalizeHeader(cellText(sheet, row, column));
    if (text && !map.has(text)) map.set(text, column);
  });
  return map;
}

/** Column indexes by key for a block's column definitions, found by header text. */
export function columnsByKey<K extends string>(
  headers: Map<string, number>,
  defs: readonly { readonly key: K; readonly header: string }[],
): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const def of defs) {
    const column = headers.get(normalizeHeader(def.header));
    if (column !== undefined) out[def.key] = column;
  }
  return out;
}

/** What Excel accepts as a sheet name, from a title: forbidden characters dropped, 31 characters. */
export function sheetNameFrom(title: string): string {
  return (
    title
      .replace(/[[\]:*?/\\]/g, "")
      .trim()
      .slice(0, 31) || "Sheet"
  );
}
