import type { Severity } from "../findings";
import { CHECK_TEXT_MARKS, CHECK_TEXT_SEPARATOR, pieceOrder } from "./checkText";
import { and, or, str } from "./expr";

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

/** A piece whose condition was summed into a bits helper: bit `bit` of `bits` is set when it holds. */
export interface BitPieces {
  piece: Piece;
  bits: string;
  bit: number;
}

// Pieces tested together: a run of bits with none set (nearly every run) costs one comparison.
const RUN = 6;

/**
 * Texts joined in one call: LibreOffice interns every text a formula makes, so `a&b&c` interns
 * the partial `a&b` too, while CONCATENATE(a,b,c) makes one text (Excel 2010+, WPS and LibreOffice
 * all have it; Excel takes 255 arguments).
 */
function joined(parts: readonly string[]): string {
  if (parts.length === 1) return parts[0] as string;
  if (parts.length > 255) throw new Error(`CONCATENATE of ${parts.length} texts`);
  return `CONCATENATE(${parts.join(",")})`;
}

/**
 * The text of the found pieces, each led by ";" (the 校验 cell drops the first), read from bits.
 * A row none of whose bits is set (a clean record, nearly every row) is told by one comparison a
 * bits helper and builds no text.
 */
export function piecesFormula(pieces: readonly BitPieces[]): string {
  if (pieces.length === 0) return `=""`;
  const mark = (p: Piece) => (p.severity === "error" ? CHECK_TEXT_MARKS.error : CHECK_TEXT_MARKS.warning);
  const one = (b: BitPieces) =>
    `IF(MOD(${b.bits},${2 ** (b.bit + 1)})>=${2 ** b.bit},${str(`${CHECK_TEXT_SEPARATOR}${mark(b.piece)} ${b.piece.text}`)},"")`;
  const runs: BitPieces[][] = [];
  for (const b of pieces) {
    const last = runs[runs.length - 1];
    const head = last?.[0];
    if (last && head && head.bits === b.bits && b.bit - head.bit < RUN) last.push(b);
    else runs.push([b]);
  }
  const text = joined(
    runs.map((run) => {
      const head = run[0] as BitPieces;
      const end = head.bit + run.length;
      const texts = joined(run.map(one));
      return run.length === 1 ? texts : `IF(MOD(${head.bits},${2 ** end})>=${2 ** head.bit},${texts},"")`;
    }),
  );
  const words = [...new Set(pieces.map((b) => b.bits))];
  return `=IF(${and(...words.map((w) => `${w}=0`))},"",${text})`;
}

/** The 校验 cell: the pieces without the leading ";", ✓ for an entered row, "" for an empty one. */
export function checkFormula(found: string, entered: string): string {
  return `=IF(${found}="",IF(${entered},${str(CHECK_TEXT_MARKS.ok)},""),MID(${found},2,9999))`;
}
