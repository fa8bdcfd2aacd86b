import type { Node } from "../ast";
import { scalarOf, toMatrix } from "../arrays";
import { toBool, toNumber } from "../coerce";
import { isArray, isRange, type Val } from "../types";
import { ERR, isError, type CellValue } from "../values";
import type { FnTable } from "./types";

/** AND/OR: references and arrays give their booleans and numbers (text and blanks skipped); direct text is #VALUE!. */
function logicalValues(args: Val[], ctxRead: (v: Val) => CellValue[][]): boolean[] | CellValue {
  const out: boolean[] = [];
  for (const a of args) {
    if (isRange(a) || isArray(a)) {
      for (const row of ctxRead(a)) {
        for (const v of row) {
          if (isError(v)) return v;
          if (typeof v === "boolean" || typeof v === "number")
            out.push(v === true || (typeof v === "number" && v !== 0));
        }
      }
    } else if (a !== null) {
      const b = toBool(a);
      if (isError(b)) return b;
      out.push(b);
    }
  }
  return out.length === 0 ? ERR.value : out;
}

export const LOGICAL: FnTable = {
  IF: {
    kind: "lazy",
    min: 2,
    max: 3,
    call(args, ctx, evaluate) {
      const c = toBool(scalarOf(evaluate(args[0] as Node, ctx), ctx));
      if (isError(c)) return c;
      const branch = c ? args[1] : args[2];
      if (branch === undefined) return false;
      return branch.kind === "missing" ? 0 : evaluate(branch, ctx);
    },
  },
  IFERROR: {
    kind: "lazy",
    min: 2,
    max: 2,
    call(args, ctx, evaluate) {
      const v = evaluate(args[0] as Node, ctx);
      const s = scalarOf(v, ctx);
      return isError(s) ? evaluate(args[1] as Node, ctx) : v;
    },
  },
  IFNA: {
    kind: "lazy",
    min: 2,
    max: 2,
    call(args, ctx, evaluate) {
      const v = evaluate(args[0] as Node, ctx);
      return scalarOf(v, ctx) === ERR.na ? evaluate(args[1] as Node, ctx) : v;
    },
  },
  CHOOSE: {
    kind: "lazy",
    min: 2,
    max: 255,
    call(args, ctx, evaluate) {
      const n = toNumber(scalarOf(evaluate(args[0] as Node, ctx), ctx));
      if (isError(n)) return n;
      const i = Math.trunc(n);
      const pick = args[i];
      if (i < 1 || !pick) return ERR.value;
      return pick.kind === "missing" ? 0 : evaluate(pick, ctx);
    },
  },
  AND: {
    kind: "eager",
    min: 1,
    max: 255,
    call(args, ctx) {
      const vs = logicalValues(args, (v) => toMatrix(v, ctx));
      return Array.isArray(vs) ? vs.every(Boolean) : vs;
    },
  },
  OR: {
    kind: "eager",
    min: 1,
    max: 255,
    call(args, ctx) {
      const vs = logicalValues(args, (v) => toMatrix(v, ctx));
      return Array.isArray(vs) ? vs.some(Boolean) : vs;
    },
  },
  NOT: {
    kind: "scalar",
    min: 1,
    max: 1,
    call([v]) {
      const b = toBool(v ?? null);
      return isError(b) ? b : !b;
    },
  },
  TRUE: { kind: "scalar", min: 0, max: 0, call: () => true },
  FALSE: { kind: "scalar", min: 0, max: 0, call: () => false },
};
