import { mapElements, scalarOf } from "../arrays";
import { toNumber } from "../coerce";
import { isArray, isRange, type EvalContext, type Val } from "../types";
import { ERR, isError, type CellValue } from "../values";
import type { FnDef, FnTable } from "./types";

const test = (f: (v: CellValue) => boolean): FnDef => ({
  kind: "scalar",
  min: 1,
  max: 1,
  call: ([v]) => f(v ?? null),
});

/** ISBLANK is TRUE only for a reference to an empty cell: ISBLANK("") is FALSE. */
function isBlank(v: Val, ctx: EvalContext): Val {
  const one = (x: Val): CellValue => (isRange(x) ? scalarOf(x, ctx) === null : false);
  // Element-wise over a range: its blank cells read as null. A computed array holds no blanks.
  if (ctx.arrayMode && isRange(v) && (v.r1 !== v.r2 || v.c1 !== v.c2))
    return mapElements([v], ctx, ([e]) => e === null);
  if (ctx.arrayMode && isArray(v)) return mapElements([v], ctx, () => false);
  if (isRange(v) && (v.r1 !== v.r2 || v.c1 !== v.c2)) {
    const s = scalarOf(v, ctx);
    return isError(s) ? false : s === null;
  }
  return one(v);
}

export const INFO: FnTable = {
  ISNUMBER: test((v) => typeof v === "number"),
  ISTEXT: test((v) => typeof v === "string"),
  ISNONTEXT: test((v) => typeof v !== "string"),
  ISLOGICAL: test((v) => typeof v === "boolean"),
  ISERROR: test((v) => isError(v)),
  ISERR: test((v) => isError(v) && v !== ERR.na),
  ISNA: test((v) => v === ERR.na),
  ISBLANK: { kind: "eager", min: 1, max: 1, call: ([v], ctx) => isBlank(v ?? null, ctx) },
  N: {
    kind: "scalar",
    min: 1,
    max: 1,
    call: ([v]) => (typeof v === "number" ? v : typeof v === "boolean" ? Number(v) : isError(v) ? v : 0),
  },
  T: {
    kind: "scalar",
    min: 1,
    max: 1,
    call: ([v]) => (typeof v === "string" || isError(v) ? (v as CellValue) : ""),
  },
  NA: { kind: "scalar", min: 0, max: 0, call: () => ERR.na },
  ISEVEN: {
    kind: "scalar",
    min: 1,
    max: 1,
    call([v]) {
      const n = toNumber(v ?? null);
      return isError(n) ? n : Math.trunc(n) % 2 === 0;
    },
  },
};
