/** Turning references and arrays into values: implicit intersection and matrices. */
import type { EvalContext, RangeRef, Val } from "./types";
import { isArray, isRange } from "./types";
import { ERR, FormulaError, type CellValue } from "./values";

export function readRange(ref: RangeRef, ctx: EvalContext): CellValue[][] {
  const all = ctx.host.readRange?.(ref.sheet, ref.r1, ref.c1, ref.r2, ref.c2);
  if (all) return all;
  const rows: CellValue[][] = [];
  for (let r = ref.r1; r <= ref.r2; r++) {
    const row: CellValue[] = [];
    for (let c = ref.c1; c <= ref.c2; c++) row.push(ctx.host.cellValue(ref.sheet, r, c));
    rows.push(row);
  }
  return rows;
}

/**
 * A single value from a reference used where one value is expected: the cell itself, or the cell of
 * the range in the formula's own row (column) — Excel's implicit intersection; #VALUE! otherwise.
 * https://support.microsoft.com/en-us/office/implicit-intersection-operator-ce3be07b-0101-4450-a24e-c1c999be2b34
 */
export function scalarOf(v: Val, ctx: EvalContext): CellValue {
  // Most values are plain already: the cheapest test first.
  if (typeof v !== "object" || v === null || v instanceof FormulaError) return v;
  if (isArray(v)) return (v.rows[0] as CellValue[])[0] as CellValue;
  if (!isRange(v)) return v;
  if (v.r1 === v.r2 && v.c1 === v.c2) return ctx.host.cellValue(v.sheet, v.r1, v.c1);
  if (ctx.positional) ctx.positional.used = true;
  if (v.c1 === v.c2 && ctx.row >= v.r1 && ctx.row <= v.r2) return ctx.host.cellValue(v.sheet, ctx.row, v.c1);
  if (v.r1 === v.r2 && ctx.col >= v.c1 && ctx.col <= v.c2) return ctx.host.cellValue(v.sheet, v.r1, ctx.col);
  return ERR.value;
}

export function toMatrix(v: Val, ctx: EvalContext): CellValue[][] {
  if (isRange(v)) return readRange(v, ctx);
  if (isArray(v)) return v.rows;
  return [[v]];
}

export const dims = (v: Val): { rows: number; cols: number } =>
  isRange(v)
    ? { rows: v.r2 - v.r1 + 1, cols: v.c2 - v.c1 + 1 }
    : isArray(v)
      ? { rows: v.rows.length, cols: (v.rows[0] ?? []).length }
      : { rows: 1, cols: 1 };

/** Element (r, c) of a value broadcast Excel's way: a 1-wide side repeats, beyond the size is #N/A. */
export function elementAt(v: Val, r: number, c: number): Val {
  const d = dims(v);
  const rr = d.rows === 1 ? 0 : r;
  const cc = d.cols === 1 ? 0 : c;
  if (rr >= d.rows || cc >= d.cols) return ERR.na;
  if (isRange(v))
    return { kind: "range", sheet: v.sheet, r1: v.r1 + rr, c1: v.c1 + cc, r2: v.r1 + rr, c2: v.c1 + cc };
  if (isArray(v)) return (v.rows[rr] as CellValue[])[cc] as CellValue;
  return v;
}

/**
 * Applies `f` element by element over the broadcast shape of `args`. Ranges are read once, so the
 * elements `f` gets are plain values (a blank cell is null), never ranges or arrays. `f` must depend
 * only on the elements (every caller's does): an element tuple equal to the previous one reuses its
 * result, so a ledger's ~1,000 blank rows cost one call, not one each (the score helpers' SUMPRODUCTs).
 */
export function mapElements(args: Val[], ctx: EvalContext, f: (elements: Val[]) => CellValue): Val {
  // Each argument as a matrix (a range read once, a scalar as 1×1), so an element is two index steps.
  const grids: CellValue[][][] = args.map((a) =>
    isRange(a) ? readRange(a, ctx) : isArray(a) ? a.rows : [[a]],
  );
  let rows = 1;
  let cols = 1;
  for (const g of grids) {
    rows = Math.max(rows, g.length);
    cols = Math.max(cols, (g[0] ?? []).length);
  }
  const out: CellValue[][] = [];
  const n = grids.length;
  const current: Val[] = new Array<Val>(n);
  let previous: Val[] | undefined;
  let previousResult: CellValue = null;
  // A one-column result row repeated as is (matrices are never written to once built).
  let previousRow: CellValue[] = [];
  for (let r = 0; r < rows; r++) {
    const row: CellValue[] = [];
    for (let c = 0; c < cols; c++) {
      let same = previous !== undefined;
      for (let i = 0; i < n; i++) {
        const g = grids[i] as CellValue[][];
        const h = g.length;
        const w = (g[0] as CellValue[]).length;
        // A 1-wide side repeats; beyond the size is #N/A (as elementAt).
        const rr = h === 1 ? 0 : r;
        const cc = w === 1 ? 0 : c;
        const e = rr >= h || cc >= w ? ERR.na : ((g[rr] as CellValue[])[cc] as CellValue);
        current[i] = e;
        if (same && (previous as Val[])[i] !== e) same = false;
      }
      if (!same) {
        // A copy: `f` may keep its argument, and `current` is overwritten for the next element.
        previous = current.slice();
        previousResult = f(previous);
      } else if (cols === 1) break;
      row.push(previousResult);
    }
    if (row.length === 0) out.push(previousRow);
    else {
      out.push(row);
      previousRow = row;
    }
  }
  return { kind: "array", rows: out };
}
