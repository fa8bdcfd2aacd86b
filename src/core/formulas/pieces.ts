import type { Severity } from "../findings";
import { CHECK_TEXT_MARKS, CHECK_TEXT_SEPARATOR, pieceOrder } from "./checkText";
import { or, str } from "./expr";

/** One message a row's 校验 may show, and the condition (a formula expression) under which it does. */
export interface Piece {
  severity: Exclude<Severity, "info">;
  /** Position of the finding's column in the table (as rowCheckText sorts). */
  column: number;
  code: string;
  text: string;
  when: string;
}

/**
 * The pieces in rowCheckText's order, one per text: two rules that say the same words on one row
 * (one problem charged to two items) become one piece shown when either holds.
 */
export function orderedPieces(pieces: readonly Piece[]): Piece[] {
  const byText = new Map<string, Piece>();
  for (const p of pieces) {
    const key = `${p.severity}|${p.text}`;
    const seen = byText.get(key);
    if (!seen) byText.set(key, { ...p });
    else if (seen.when !== p.when) {
      seen.when = or(seen.when, p.when);
      if (pieceOrder(p, seen) < 0) {
        seen.column = p.column;
        seen.code = p.code;
      }
    }
  }
  return [...byText.values()].sort(pieceOrder);
}

/** The text expression of the found pieces, each led by ";" (the 校验 cell drops the first). */
export function piecesFormula(pieces: readonly Piece[]): string {
  if (pieces.length === 0) return `=""`;
  const mark = (p: Piece) => (p.severity === "error" ? CHECK_TEXT_MARKS.error : CHECK_TEXT_MARKS.warning);
  return `=${pieces
    .map((p) => `IF(${p.when},${str(`${CHECK_TEXT_SEPARATOR}${mark(p)} ${p.text}`)},"")`)
    .join("&")}`;
}

/** The 校验 cell: the pieces without the leading ";", ✓ for an entered row, "" for an empty one. */
export function checkFormula(found: string, entered: string): string {
  return `=IF(${found}="",IF(${entered},${str(CHECK_TEXT_MARKS.ok)},""),MID(${found},2,9999))`;
}
