import { columnIndex, columnLetter } from "../core/layout/layout";

/** A1 addresses as 0-based boxes. Excel's limits: 1,048,576 rows × 16,384 columns. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface Box {
  /** 0-based, inclusive. */
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface ParsedAddress {
  /** Sheet name when the address has one ("'基本信息'!B3"). */
  sheet?: string;
  box: Box;
}

/** The core's column lettering (0 → A), under the name this adapter uses. */
export const columnLetters = columnLetter;

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const ROW = /^\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;

/** Parses "B3", "B3:D9", "3:5", "A:C", optionally prefixed by a sheet; null when malformed. */
export function parseAddress(address: string): ParsedAddress | null {
  let rest = address.trim();
  let sheet: string | undefined;
  const bang = rest.lastIndexOf("!");
  if (bang >= 0) {
    sheet = rest.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    rest = rest.slice(bang + 1);
  }
  const parts = rest.split(":");
  const a = parts[0];
  const b = parts[1] ?? a;
  if (a === undefined || b === undefined || parts.length > 2) return null;
  const box = corners(a, b);
  if (!box) return null;
  return sheet === undefined ? { box } : { sheet, box };
}

function corners(a: string, b: string): Box | null {
  const ca = CELL.exec(a);
  const cb = CELL.exec(b);
  if (ca && cb) {
    return normalize({
      r0: Number(ca[2]) - 1,
      c0: columnIndex(ca[1] ?? ""),
      r1: Number(cb[2]) - 1,
      c1: columnIndex(cb[1] ?? ""),
    });
  }
  const ra = ROW.exec(a);
  const rb = ROW.exec(b);
  if (ra && rb)
    return normalize({ r0: Number(ra[1]) - 1, c0: 0, r1: Number(rb[1]) - 1, c1: MAX_COLUMNS - 1 });
  const ka = COL.exec(a);
  const kb = COL.exec(b);
  if (ka && kb) {
    return normalize({ r0: 0, c0: columnIndex(ka[1] ?? ""), r1: MAX_ROWS - 1, c1: columnIndex(kb[1] ?? "") });
  }
  return null;
}

function normalize(box: Box): Box | null {
  const out = {
    r0: Math.min(box.r0, box.r1),
    r1: Math.max(box.r0, box.r1),
    c0: Math.min(box.c0, box.c1),
    c1: Math.max(box.c0, box.c1),
  };
  if (out.r0 < 0 || out.c0 < 0 || out.r1 >= MAX_ROWS || out.c1 >= MAX_COLUMNS) return null;
  return out;
}

export function formatBox(box: Box): string {
  const a = `${columnLetters(box.c0)}${box.r0 + 1}`;
  const b = `${columnLetters(box.c1)}${box.r1 + 1}`;
  return a === b ? a : `${a}:${b}`;
}

/** Excel quotes a sheet name in an address unless it is plain letters, digits and underscores. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function intersect(a: Box, b: Box): Box | null {
  const box = {
    r0: Math.max(a.r0, b.r0),
    c0: Math.max(a.c0, b.c0),
    r1: Math.min(a.r1, b.r1),
    c1: Math.min(a.c1, b.c1),
  };
  return box.r0 <= box.r1 && box.c0 <= box.c1 ? box : null;
}

export function boxRows(box: Box): number {
  return box.r1 - box.r0 + 1;
}

export function boxColumns(box: Box): number {
  return box.c1 - box.c0 + 1;
}
