/** Moves a formula as Excel does when it is filled or copied: relative references shift, $-parts stay. */
import { columnLetters, MAX_COLS, MAX_ROWS } from "./address";
import type { Node } from "./ast";
import { tokenize, type RefPart } from "./tokenizer";
import { ERR } from "./values";

function renderPart(p: RefPart, dRow: number, dCol: number): string | undefined {
  const row = p.rowAbs ? p.row : p.row + dRow;
  const col = p.colAbs ? p.col : p.col + dCol;
  if (row < 0 || row >= MAX_ROWS || col < 0 || col >= MAX_COLS) return undefined;
  return `${p.colAbs ? "$" : ""}${columnLetters(col)}${p.rowAbs ? "$" : ""}${row + 1}`;
}

/** The formula text (without "=") moved by `dRow` rows and `dCol` columns; off-grid references become #REF!. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  const src = formula.startsWith("=") ? formula.slice(1) : formula;
  if (dRow === 0 && dCol === 0) return src;
  let out = "";
  let at = 0;
  for (const t of tokenize(src)) {
    if (t.kind !== "ref") continue;
    const from = renderPart(t.from, dRow, dCol);
    const to = t.to ? renderPart(t.to, dRow, dCol) : "";
    const sheet = t.sheet === undefined ? "" : `'${t.sheet.replace(/'/g, "''")}'!`;
    out +=
      src.slice(at, t.start) +
      (from === undefined || to === undefined ? "#REF!" : `${sheet}${from}${t.to ? `:${to}` : ""}`);
    at = t.end;
  }
  return out + src.slice(at);
}

function shiftPart(p: RefPart, dRow: number, dCol: number): RefPart | undefined {
  const row = p.rowAbs ? p.row : p.row + dRow;
  const col = p.colAbs ? p.col : p.col + dCol;
  if (row < 0 || row >= MAX_ROWS || col < 0 || col >= MAX_COLS) return undefined;
  return { ...p, row, col };
}

/** The parsed formula moved by `dRow`/`dCol` (as shiftFormula, without re-reading the text). */
export function shiftNode(node: Node, dRow: number, dCol: number): Node {
  if (dRow === 0 && dCol === 0) return node;
  switch (node.kind) {
    case "ref": {
      const from = shiftPart(node.from, dRow, dCol);
      const to = node.to ? shiftPart(node.to, dRow, dCol) : undefined;
      if (!from || (node.to && !to)) return { kind: "literal", value: ERR.ref };
      return { kind: "ref", sheet: node.sheet, from, to };
    }
    case "unary":
      return { ...node, arg: shiftNode(node.arg, dRow, dCol) };
    case "binary":
      return { ...node, left: shiftNode(node.left, dRow, dCol), right: shiftNode(node.right, dRow, dCol) };
    case "call":
      return { ...node, args: node.args.map((a) => shiftNode(a, dRow, dCol)) };
    default:
      return node;
  }
}
