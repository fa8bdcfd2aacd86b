import { type Box, formatBox, parseAddress } from "../../excel/address";

/**
 * Cells ↔ rectangles. Files state validations as ranges, often whole columns ("D1:D1048576",
 * which Excel and LibreOffice write); the fake stores them per cell. Expanding is capped so a
 * whole column costs a few thousand cells, not a million.
 */

export interface Limits {
  /** Rows (0-based, exclusive) and columns a range is expanded up to. */
  rows: number;
  columns: number;
}

/** Rows and columns expanded past the last cell holding anything. */
export const EXPAND_MARGIN = { rows: 1000, columns: 26 };
/** At least this far, so a fresh template's 1000-row ledger ranges are kept whole. */
export const EXPAND_FLOOR = { rows: 2000, columns: 52 };

export function expandLimits(lastRow: number, lastColumn: number): Limits {
  return {
    rows: Math.max(EXPAND_FLOOR.rows, lastRow + 1 + EXPAND_MARGIN.rows),
    columns: Math.max(EXPAND_FLOOR.columns, lastColumn + 1 + EXPAND_MARGIN.columns),
  };
}

/** The boxes of a space-separated sqref, cut to the limits; unreadable parts are skipped. */
export function boxesOf(sqref: string, limits: Limits): Box[] {
  const out: Box[] = [];
  for (const part of sqref.split(/\s+/)) {
    const box = part ? parseAddress(part)?.box : undefined;
    if (!box || box.r0 >= limits.rows || box.c0 >= limits.columns) continue;
    out.push({ ...box, r1: Math.min(box.r1, limits.rows - 1), c1: Math.min(box.c1, limits.columns - 1) });
  }
  return out;
}

/** Packs cells into rectangles: runs down each column, then equal runs side by side merged. */
export function boxesOfCells(cells: Iterable<readonly [number, number]>): Box[] {
  const byColumn = new Map<number, number[]>();
  for (const [r, c] of cells) {
    const rows = byColumn.get(c);
    if (rows) rows.push(r);
    else byColumn.set(c, [r]);
  }
  const runs: Box[] = [];
  for (const c of [...byColumn.keys()].sort((a, b) => a - b)) {
    const rows = (byColumn.get(c) ?? []).sort((a, b) => a - b);
    let start = rows[0] ?? 0;
    for (let i = 1; i <= rows.length; i++) {
      const r = rows[i];
      const prev = rows[i - 1] ?? start;
      if (r !== undefined && r === prev + 1) continue;
      runs.push({ r0: start, r1: prev, c0: c, c1: c });
      if (r !== undefined) start = r;
    }
  }
  const merged: Box[] = [];
  const open = new Map<string, Box>();
  for (const run of runs) {
    const key = `${run.r0}:${run.r1}`;
    const left = open.get(key);
    if (left && left.c1 === run.c0 - 1) left.c1 = run.c1;
    else {
      const box = { ...run };
      merged.push(box);
      open.set(key, box);
    }
  }
  return merged;
}

export const sqrefOf = (boxes: readonly Box[]): string => boxes.map(formatBox).join(" ");
