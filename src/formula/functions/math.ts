import { toMatrix } from "../arrays";
import { toNumber } from "../coerce";
import { isArray, isRange, type EvalContext, type Val } from "../types";
import { ERR, isError, type CellValue } from "../values";
import type { FnDef, FnTable } from "./types";

/**
 * The numbers SUM, MIN, MAX and COUNT take: from references and arrays only real numbers (text,
 * booleans and blanks skipped); direct arguments are converted ("5" and TRUE count, "abc" is #VALUE!).
 */
function numbers(args: Val[], ctx: EvalContext, lenient: boolean): number[] | CellValue {
  const out: number[] = [];
  for (const a of args) {
    if (isRange(a) || isArray(a)) {
      for (const row of toMatrix(a, ctx)) {
        for (const v of row) {
          if (isError(v)) return v;
          if (typeof v === "number") out.push(v);
        }
      }
    } else if (a !== null) {
      const n = toNumber(a);
      if (isError(n)) {
        if (lenient) continue;
        return n;
      }
      out.push(n);
    }
  }
  return out;
}

const aggregate = (f: (ns: number[]) => CellValue, lenient = false): FnDef => ({
  kind: "eager",
  min: 1,
  max: 255,
  call(args, ctx) {
    const ns = numbers(args, ctx, lenient);
    return Array.isArray(ns) ? f(ns) : ns;
  },
});

/** Half away from zero, after rounding to 15 significant digits so 2.675 rounds to 2.68 as in Excel. */
export function roundTo(x: number, digits: number, mode: "half" | "up" | "down"): number {
  const d = Math.trunc(digits);
  const f = 10 ** Math.abs(d);
  const scaled = Number((d >= 0 ? Math.abs(x) * f : Math.abs(x) / f).toPrecision(15));
  const r =
    mode === "half" ? Math.floor(scaled + 0.5) : mode === "up" ? Math.ceil(scaled) : Math.floor(scaled);
  const back = d >= 0 ? r / f : r * f;
  return x < 0 ? -back : back;
}

const num2 = (f: (x: number, y: number) => CellValue, min = 2): FnDef => ({
  kind: "scalar",
  min,
  max: 2,
  call([a, b]) {
    const x = toNumber(a ?? null);
    if (isError(x)) return x;
    const y = toNumber(b ?? null);
    return isError(y) ? y : f(x, y);
  },
});

const num1 = (f: (x: number) => CellValue): FnDef => ({
  kind: "scalar",
  min: 1,
  max: 1,
  call([a]) {
    const x = toNumber(a ?? null);
    return isError(x) ? x : f(x);
  },
});

/** SUMPRODUCT: equal-sized arrays, non-numbers counted as 0, errors propagated. */
function sumProduct(args: Val[], ctx: EvalContext): CellValue {
  const ms = args.map((a) => toMatrix(a, ctx));
  const first = ms[0] as CellValue[][];
  const rows = first.length;
  const cols = (first[0] ?? []).length;
  if (ms.some((m) => m.length !== rows || (m[0] ?? []).length !== cols)) return ERR.value;
  let total = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let p = 1;
      for (const m of ms) {
        const v = (m[r] as CellValue[])[c] as CellValue;
        if (isError(v)) return v;
        p *= typeof v === "number" ? v : 0;
      }
      total += p;
    }
  }
  return total;
}

export const MATH: FnTable = {
  SUM: aggregate((ns) => ns.reduce((s, n) => s + n, 0)),
  MIN: aggregate((ns) => (ns.length === 0 ? 0 : Math.min(...ns))),
  MAX: aggregate((ns) => (ns.length === 0 ? 0 : Math.max(...ns))),
  AVERAGE: aggregate((ns) => (ns.length === 0 ? ERR.div0 : ns.reduce((s, n) => s + n, 0) / ns.length)),
  COUNT: aggregate((ns) => ns.length, true),
  COUNTA: {
    kind: "eager",
    min: 1,
    max: 255,
    call(args, ctx) {
      let n = 0;
      for (const a of args) {
        if (isRange(a) || isArray(a))
          for (const row of toMatrix(a, ctx)) n += row.filter((v) => v !== null).length;
        else n += 1;
      }
      return n;
    },
  },
  COUNTBLANK: {
    kind: "eager",
    min: 1,
    max: 1,
    call([a], ctx) {
      if (!isRange(a as Val)) return ERR.value;
      return toMatrix(a as Val, ctx)
        .flat()
        .filter((v) => v === null || v === "").length;
    },
  },
  SUMPRODUCT: {
    kind: "eager",
    min: 1,
    max: 255,
    arrayArgs: true,
    call: (args, ctx) => sumProduct(args, ctx),
  },
  ROUND: num2((x, d) => roundTo(x, d, "half")),
  ROUNDUP: num2((x, d) => roundTo(x, d, "up")),
  ROUNDDOWN: num2((x, d) => roundTo(x, d, "down")),
  INT: num1((x) => Math.floor(x)),
  ABS: num1((x) => Math.abs(x)),
  MOD: num2((x, y) => (y === 0 ? ERR.div0 : x - y * Math.floor(x / y))),
};
