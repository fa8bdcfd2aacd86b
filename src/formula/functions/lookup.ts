import { dims, mapElements, scalarOf, toMatrix } from "../arrays";
import { compareValues, toNumber } from "../coerce";
import { makeCriterion } from "../criteria";
import { isArray, isRange, type EvalContext, type Val } from "../types";
import { ERR, isError, type CellValue } from "../values";
import { hasWildcards, wildcardMatcher } from "../wildcards";
import type { FnTable } from "./types";

const manyInArrayMode = (v: Val, ctx: EvalContext): boolean => {
  const d = dims(v);
  return (ctx.arrayMode || isArray(v)) && (d.rows > 1 || d.cols > 1);
};

const sameKind = (a: CellValue, b: CellValue): boolean => typeof a === typeof b && !isError(b);

/**
 * MATCH: 0 = first equal value (text case-insensitive, wildcards allowed); 1 = last value ≤ the
 * lookup in an ascending list; -1 = last value ≥ it in a descending list. Only values of the
 * lookup's type are compared.
 * https://support.microsoft.com/en-us/office/match-function-e8dffd45-c762-47d6-bf89-533f4a37673a
 */
function match(lookup: CellValue, list: CellValue[], type: number): CellValue {
  if (lookup === null || isError(lookup)) return lookup === null ? ERR.na : lookup;
  if (type === 0) {
    const wild = typeof lookup === "string" && hasWildcards(lookup) ? wildcardMatcher(lookup) : undefined;
    for (let i = 0; i < list.length; i++) {
      const v = list[i] as CellValue;
      if (!sameKind(lookup, v)) continue;
      if (wild ? wild(v as string) : compareValues(lookup, v) === 0) return i + 1;
    }
    return ERR.na;
  }
  let found = -1;
  for (let i = 0; i < list.length; i++) {
    const v = list[i] as CellValue;
    if (!sameKind(lookup, v)) continue;
    const c = compareValues(v, lookup) as number;
    if (type > 0 ? c <= 0 : c >= 0) found = i;
    else break;
  }
  return found < 0 ? ERR.na : found + 1;
}

function index(source: Val, rowArg: CellValue, colArg: CellValue | undefined, ctx: EvalContext): Val {
  if (isError(source)) return source;
  const r = toNumber(rowArg);
  if (isError(r)) return r;
  const c = colArg === undefined ? undefined : toNumber(colArg);
  if (isError(c)) return c;
  const d = dims(source);
  let row = Math.trunc(r);
  let col = c === undefined ? 1 : Math.trunc(c);
  // One index into a single row picks a column.
  if (c === undefined && d.rows === 1 && d.cols > 1) {
    col = row;
    row = 1;
  }
  if (row < 1 || col < 1 || row > d.rows || col > d.cols) return row === 0 || col === 0 ? ERR.value : ERR.ref;
  if (isRange(source)) {
    const rr = source.r1 + row - 1;
    const cc = source.c1 + col - 1;
    return { kind: "range", sheet: source.sheet, r1: rr, c1: cc, r2: rr, c2: cc };
  }
  return ((toMatrix(source, ctx)[row - 1] as CellValue[])[col - 1] as CellValue) ?? ERR.ref;
}

/** Cells of every range/criterion pair that meet all criteria, as flat indexes. */
function matching(pairs: [Val, CellValue][], ctx: EvalContext): boolean[] | CellValue {
  let size: number | undefined;
  let width: number | undefined;
  let ok: boolean[] | undefined;
  for (const [range, crit] of pairs) {
    if (!isRange(range) && !isArray(range)) return ERR.value;
    const d = dims(range);
    if (size !== undefined && (d.rows !== size || d.cols !== width)) return ERR.value;
    size = d.rows;
    width = d.cols;
    const test = makeCriterion(crit);
    const cells = toMatrix(range, ctx).flat();
    ok = cells.map((v, i) => (ok ? (ok[i] as boolean) : true) && test(v));
  }
  return ok ?? [];
}

export const LOOKUP: FnTable = {
  MATCH: {
    kind: "eager",
    min: 2,
    max: 3,
    call([l, a, t], ctx) {
      const type = t === undefined ? 1 : toNumber(scalarOf(t, ctx));
      if (isError(type)) return type;
      const arr = a as Val;
      if (isError(arr)) return arr;
      const d = dims(arr);
      if (d.rows > 1 && d.cols > 1) return ERR.na;
      const list = toMatrix(arr, ctx).flat();
      const how = Math.sign(Math.trunc(type));
      // SUMPRODUCT(--ISNUMBER(MATCH(C2:C99,{"完成","部分完成"},0))): one lookup per cell.
      if (manyInArrayMode(l as Val, ctx)) {
        return mapElements([l as Val], ctx, ([e]) => match(scalarOf(e as Val, ctx), list, how));
      }
      return match(scalarOf(l as Val, ctx), list, how);
    },
  },
  INDEX: {
    kind: "eager",
    min: 2,
    max: 3,
    call([s, r, c], ctx) {
      return index(s as Val, scalarOf(r as Val, ctx), c === undefined ? undefined : scalarOf(c, ctx), ctx);
    },
  },
  COUNTIF: {
    kind: "eager",
    min: 2,
    max: 2,
    call([r, c], ctx) {
      const count = (crit: CellValue): CellValue => {
        const ok = matching([[r as Val, crit]], ctx);
        return Array.isArray(ok) ? ok.filter(Boolean).length : ok;
      };
      // SUMPRODUCT(COUNTIF(F2:F99,{"是","否"})): one count per criterion.
      if (manyInArrayMode(c as Val, ctx))
        return mapElements([c as Val], ctx, ([e]) => count(scalarOf(e as Val, ctx)));
      return count(scalarOf(c as Val, ctx));
    },
  },
  COUNTIFS: {
    kind: "eager",
    min: 2,
    max: 254,
    call(args, ctx) {
      if (args.length % 2 !== 0) return ERR.value;
      const pairs: [Val, CellValue][] = [];
      for (let i = 0; i < args.length; i += 2)
        pairs.push([args[i] as Val, scalarOf(args[i + 1] as Val, ctx)]);
      const ok = matching(pairs, ctx);
      return Array.isArray(ok) ? ok.filter(Boolean).length : ok;
    },
  },
  SUMIF: {
    kind: "eager",
    min: 2,
    max: 3,
    call([r, c, s], ctx) {
      const ok = matching([[r as Val, scalarOf(c as Val, ctx)]], ctx);
      if (!Array.isArray(ok)) return ok;
      const values = toMatrix(s ?? (r as Val), ctx).flat();
      let total = 0;
      for (let i = 0; i < ok.length; i++) {
        const v = values[i] ?? null;
        if (!ok[i]) continue;
        if (isError(v)) return v;
        if (typeof v === "number") total += v;
      }
      return total;
    },
  },
  SUMIFS: {
    kind: "eager",
    min: 3,
    max: 255,
    call([s, ...rest], ctx) {
      if (rest.length % 2 !== 0) return ERR.value;
      const pairs: [Val, CellValue][] = [];
      for (let i = 0; i < rest.length; i += 2)
        pairs.push([rest[i] as Val, scalarOf(rest[i + 1] as Val, ctx)]);
      const ok = matching(pairs, ctx);
      if (!Array.isArray(ok)) return ok;
      const sd = dims(s as Val);
      const rd = dims(pairs[0]?.[0] as Val);
      if (sd.rows !== rd.rows || sd.cols !== rd.cols) return ERR.value;
      const values = toMatrix(s as Val, ctx).flat();
      let total = 0;
      for (let i = 0; i < ok.length; i++) {
        const v = values[i] ?? null;
        if (!ok[i]) continue;
        if (isError(v)) return v;
        if (typeof v === "number") total += v;
      }
      return total;
    },
  },
};
