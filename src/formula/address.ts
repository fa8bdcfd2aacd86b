/** A1 addresses ↔ 0-based row/column numbers. */

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function columnLetters(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** "B4" or "$B$4" → 0-based {row, col}; undefined when it is not a cell inside the grid. */
export function parseCell(a1: string): { row: number; col: number } | undefined {
  const m = CELL.exec(a1);
  if (!m) return undefined;
  const col = columnIndex(m[1] as string);
  const row = Number(m[2]) - 1;
  if (col >= MAX_COLS || row < 0 || row >= MAX_ROWS) return undefined;
  return { row, col };
}

export const cellAddress = (row: number, col: number): string => `${columnLetters(col)}${row + 1}`;

/** One number per cell, for map keys. */
export const cellKey = (row: number, col: number): number => row * MAX_COLS + col;
