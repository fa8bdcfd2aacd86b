import type { BitPieces, Piece } from "./pieces";

/**
 * How a table's pieces are packed: their conditions summed into numbers of bits (one formula a
 * number) and their texts into helper cells, each well inside Excel's limits.
 */

// Characters of text a helper cell, well inside Excel's 8,192 characters a formula.
export const CHUNK_CHARACTERS = 5000;

/**
 * Bits a number: below 2^27, where Excel's MOD still answers (it errs once the quotient reaches
 * 2^27), so MOD(bits,2^(k+1))>=2^k tells bit k everywhere.
 */
const WORD_BITS = 26;

// Conditions summed into one number: one formula, so as long as a 校验 text helper.
export function bitWords(pieces: readonly Piece[]): Piece[][] {
  const out: Piece[][] = [];
  let size = 0;
  for (const p of pieces) {
    const last = out[out.length - 1];
    // A warning's condition also opens its word (compile's gate): it counts twice.
    const cost = p.when.length * (p.severity === "warning" ? 2 : 1) + 16;
    if (!last || last.length >= WORD_BITS || (size + cost > CHUNK_CHARACTERS && last.length > 0)) {
      out.push([p]);
      size = cost;
    } else {
      last.push(p);
      size += cost;
    }
  }
  return out;
}

/** Runs of pieces that share a bits word and a text helper. */
export function chunked(words: readonly { ref: string; pieces: readonly Piece[] }[]): BitPieces[][] {
  const out: BitPieces[][] = [[]];
  let size = 0;
  for (const word of words)
    word.pieces.forEach((piece, bit) => {
      const cost = piece.text.length + word.ref.length + 40;
      if (size + cost > CHUNK_CHARACTERS && (out[out.length - 1] as BitPieces[]).length > 0) {
        out.push([]);
        size = 0;
      }
      (out[out.length - 1] as BitPieces[]).push({ piece, bits: word.ref, bit });
      size += cost;
    });
  return out;
}
