/** Evaluates a parsed formula in a cell's context. */
import type { Node } from "./ast";
import { mapElements, scalarOf } from "./arrays";
import { compareValues, toNumber, toText } from "./coerce";
import { FUNCTIONS } from "./functions";
import { MAX_COLS, MAX_ROWS } from "./address";
import { isArray, isRange, type EvalContext, type Val } from "./types";
import { ERR, FormulaError, isError, type CellValue } from "./values";

function arithmetic(op: string, a: CellValue, b: CellValue): CellValue {
  const x = toNumber(a);
  if (isError(x)) return x;
  const y = toNumber(b);
  if (isError(y)) return y;
  let r: number;
  switch (op) {
    case "+":
      r = x + y;
      break;
    case "-":
      r = x - y;
      break;
    case "*":
      r = x * y;
      break;
    case "/":
      if (y === 0) return ERR.div0;
      r = x / y;
      break;
    default:
      if (x === 0 && y === 0) return ERR.num;
      if (x === 0 && y < 0) return ERR.div0;
      r = Math.pow(x, y);
  }
  return Number.isFinite(r) ? r : ERR.num;
}

export function binaryScalar(op: string, a: CellValue, b: CellValue): CellValue {
  if (op === "&") {
    const x = toText(a);
    if (isError(x)) return x;
    const y = toText(b);
    return isError(y) ? y : x + y;
  }
  if (op === "+" || op === "-" || op === "*" || op === "/" || op === "^") return arithmetic(op, a, b);
  const c = compareValues(a, b);
  if (isError(c)) return c;
  switch (op) {
    case "=":
      return c === 0;
    case "<>":
      return c !== 0;
    case "<":
      return c < 0;
    case ">":
      return c > 0;
    case "<=":
      return c <= 0;
    default:
      return c >= 0;
  }
}

function unaryScalar(op: string, a: CellValue): CellValue {
  const x = toNumber(a);
  if (isError(x)) return x;
  return op === "-" ? -x : op === "%" ? x / 100 : x;
}

/**
 * A plain value, neither a reference nor an array: most operands are, and for them the operator or
 * function needs no intersection or lifting (the fast paths below give what `operands` would).
 */
const isPlain = (v: Val): v is CellValue => typeof v !== "object" || v === null || v instanceof FormulaError;

const isMulti = (v: Val): boolean => isArray(v) || (isRange(v) && (v.r1 !== v.r2 || v.c1 !== v.c2));

/**
 * Operands of an operator or a scalar function. In array mode ranges and arrays work element by
 * element; outside it a range is implicitly intersected, but an array constant such as
 * {"完成","部分完成"} still works element-wise (OR(C2={"a","b"}) needs no array formula in Excel).
 */
function operands(vals: Val[], ctx: EvalContext): { vals: Val[]; each: boolean } {
  if (ctx.arrayMode) return { vals, each: vals.some(isMulti) };
  const out = vals.map((v) => (isRange(v) ? scalarOf(v, ctx) : v));
  return { vals: out, each: out.some(isArray) };
}

/**
 * An operand of an operator or a scalar function: a one-cell reference is read at once (the value
 * intersecting its 1×1 range gives, in either mode), sparing the range object; anything else evaluated.
 */
function operand(node: Node, ctx: EvalContext): Val {
  if (node.kind !== "ref" || node.to !== undefined) return evaluate(node, ctx);
  const sheet = node.sheet ?? ctx.sheet;
  if (!ctx.host.hasSheet(sheet)) return ERR.ref;
  const row = node.from.rowAbs ? node.from.row : node.from.row + (ctx.shift?.dRow ?? 0);
  const col = node.from.colAbs ? node.from.col : node.from.col + (ctx.shift?.dCol ?? 0);
  if (row < 0 || col < 0 || row >= MAX_ROWS || col >= MAX_COLS) return ERR.ref;
  return ctx.host.cellValue(sheet, row, col);
}

function callFunction(node: Extract<Node, { kind: "call" }>, ctx: EvalContext): Val {
  const def = FUNCTIONS[node.name];
  if (!def) return ERR.name;
  if (node.args.length < def.min || node.args.length > def.max) return ERR.value;
  if (def.kind === "lazy") return def.call(node.args, ctx, evaluate);
  if (def.kind === "eager") {
    const inner = def.arrayArgs ? { ...ctx, arrayMode: true } : ctx;
    return def.call(
      node.args.map((a) => evaluate(a, inner)),
      inner,
    );
  }
  const evaluated: Val[] = new Array<Val>(node.args.length);
  let plain = true;
  for (let i = 0; i < evaluated.length; i++) {
    const v = operand(node.args[i] as Node, ctx);
    evaluated[i] = v;
    if (plain && !isPlain(v)) plain = false;
  }
  if (plain) return def.call(evaluated as CellValue[], ctx);
  const { vals: args, each } = operands(evaluated, ctx);
  if (each) {
    // mapElements hands over plain values (ranges already read), so they need no scalarOf.
    return mapElements(args, ctx, (els) => def.call(els as CellValue[], ctx));
  }
  return def.call(
    args.map((a) => scalarOf(a, ctx)),
    ctx,
  );
}

export function evaluate(node: Node, ctx: EvalContext): Val {
  switch (node.kind) {
    case "literal":
      return node.value;
    case "missing":
      return null;
    case "array":
      return { kind: "array", rows: node.rows };
    case "ref": {
      const sheet = node.sheet ?? ctx.sheet;
      if (!ctx.host.hasSheet(sheet)) return ERR.ref;
      const dr = ctx.shift?.dRow ?? 0;
      const dc = ctx.shift?.dCol ?? 0;
      const to = node.to ?? node.from;
      const r1 = node.from.rowAbs ? node.from.row : node.from.row + dr;
      const c1 = node.from.colAbs ? node.from.col : node.from.col + dc;
      const r2 = to.rowAbs ? to.row : to.row + dr;
      const c2 = to.colAbs ? to.col : to.col + dc;
      if (Math.min(r1, r2, c1, c2) < 0 || Math.max(r1, r2) >= MAX_ROWS || Math.max(c1, c2) >= MAX_COLS)
        return ERR.ref;
      return {
        kind: "range",
        sheet,
        r1: Math.min(r1, r2),
        c1: Math.min(c1, c2),
        r2: Math.max(r1, r2),
        c2: Math.max(c1, c2),
      };
    }
    case "name": {
      const def = ctx.host.definedName(node.name, ctx.sheet);
      // A name's references are its own: a filled-down formula does not move them.
      return def ? evaluate(def, ctx.shift ? { ...ctx, shift: undefined } : ctx) : ERR.name;
    }
    case "unary": {
      const arg = operand(node.arg, ctx);
      if (isPlain(arg)) return unaryScalar(node.op, arg);
      const {
        vals: [v],
        each,
      } = operands([arg], ctx);
      if (each) return mapElements([v as Val], ctx, ([e]) => unaryScalar(node.op, e as CellValue));
      return unaryScalar(node.op, scalarOf(v as Val, ctx));
    }
    case "binary": {
      const left = operand(node.left, ctx);
      const right = operand(node.right, ctx);
      if (isPlain(left) && isPlain(right)) return binaryScalar(node.op, left, right);
      const {
        vals: [l, r],
        each,
      } = operands([left, right], ctx);
      if (each) {
        return mapElements([l as Val, r as Val], ctx, ([a, b]) =>
          binaryScalar(node.op, a as CellValue, b as CellValue),
        );
      }
      return binaryScalar(node.op, scalarOf(l as Val, ctx), scalarOf(r as Val, ctx));
    }
    case "call":
      return callFunction(node, ctx);
  }
}

/** The value a formula cell shows: one value, a blank reference read as 0. */
export function cellResult(node: Node, ctx: EvalContext): CellValue {
  const v = scalarOf(evaluate(node, ctx), ctx);
  return v === null ? 0 : v;
}
