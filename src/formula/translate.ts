/** Moves a formula as Excel does when it is filled or copied: relative references shift, $-parts stay. */
import { columnLetters, MAX_COLS, MAX_ROWS } from "./address";
import { tokenize, type RefPart } from "./tokenizer";

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
