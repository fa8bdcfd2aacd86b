import { columnIndex } from "../../core/layout";

/** "B2:K31" → rows and 1-based columns; null when unreadable. */
export function parseRange(ref: string): { top: number; left: number; bottom: number } | null {
  const match = /^\$?([A-Z]+)\$?(\d+)(?::\$?[A-Z]+\$?(\d+))?$/i.exec(ref.trim());
  if (!match) return null;
  const top = Number(match[2]);
  return { top, left: columnNumber(match[1] ?? "A"), bottom: Number(match[3] ?? top) };
}

/** 1-based column number of column letters, as ExcelJS counts columns. */
export function columnNumber(letters: string): number {
  return columnIndex(letters) + 1;
}
