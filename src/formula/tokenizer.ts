/** Splits an Excel formula (OOXML / `Range.formulas` syntax: English names, "," separators) into tokens. */
import { parseCell } from "./address";
import { errorFromCode, type FormulaError } from "./values";

export interface RefPart {
  row: number;
  col: number;
  rowAbs: boolean;
  colAbs: boolean;
}

export type Token =
  | { kind: "number"; value: number; start: number; end: number }
  | { kind: "string"; value: string; start: number; end: number }
  | { kind: "bool"; value: boolean; start: number; end: number }
  | { kind: "error"; value: FormulaError; start: number; end: number }
  | { kind: "ref"; sheet?: string; from: RefPart; to?: RefPart; start: number; end: number }
  | { kind: "name"; value: string; start: number; end: number }
  | { kind: "func"; value: string; start: number; end: number }
  | { kind: "op"; value: string; start: number; end: number }
  | { kind: "punct"; value: "(" | ")" | "," | "{" | "}" | ";"; start: number; end: number };

export class FormulaSyntaxError extends Error {}

const OPS2 = ["<=", ">=", "<>"];
const OPS1 = "+-*/^&=<>%";
const PUNCT = "(),{};";
// Names and function names: letters (any script), digits, "_", "." and "\"; Excel's own rule is wider.
const NAME_CHAR = /[\p{L}\p{N}_.\\]/u;
// Sticky regexes read at a position without copying the rest of the formula.
const REF_PART = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})/y;
const NUMBER = /(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/y;
const ERROR_LITERAL = /#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A)/iy;

function readRefPart(src: string, at: number): { part: RefPart; end: number } | undefined {
  REF_PART.lastIndex = at;
  const m = REF_PART.exec(src);
  if (!m) return undefined;
  const end = at + m[0].length;
  if (end < src.length && NAME_CHAR.test(src[end] as string)) return undefined;
  if (src[end] === "(") return undefined;
  const cell = parseCell(`${m[2]}${m[4]}`);
  if (!cell) return undefined;
  return { part: { ...cell, colAbs: m[1] === "$", rowAbs: m[3] === "$" }, end };
}

/** A cell or a cell:cell range at `at` (after any sheet prefix). */
function readRef(src: string, at: number): { from: RefPart; to?: RefPart; end: number } | undefined {
  const first = readRefPart(src, at);
  if (!first) return undefined;
  if (src[first.end] === ":") {
    const second = readRefPart(src, first.end + 1);
    if (second) return { from: first.part, to: second.part, end: second.end };
  }
  return { from: first.part, end: first.end };
}

export function tokenize(formula: string): Token[] {
  const src = formula.startsWith("=") ? formula.slice(1) : formula;
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i] as string;
    const start = i;
    if (ch === " " || ch === "\n" || ch === "\r" || ch === "\t") {
      i++;
      continue;
    }
    if (ch === '"') {
      let s = "";
      i++;
      for (;;) {
        if (i >= src.length) throw new FormulaSyntaxError("unterminated string");
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            s += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += src[i];
        i++;
      }
      out.push({ kind: "string", value: s, start, end: i });
      continue;
    }
    if (ch === "#") {
      ERROR_LITERAL.lastIndex = i;
      const m = ERROR_LITERAL.exec(src);
      const err = m ? errorFromCode(m[0].toUpperCase()) : undefined;
      if (!m || !err) throw new FormulaSyntaxError(`unknown error literal at ${i}`);
      i += m[0].length;
      out.push({ kind: "error", value: err, start, end: i });
      continue;
    }
    if (ch === "'") {
      // A quoted sheet name: 'name with ''quotes'''!A1
      let name = "";
      i++;
      for (;;) {
        if (i >= src.length) throw new FormulaSyntaxError("unterminated sheet name");
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            name += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        name += src[i];
        i++;
      }
      if (src[i] !== "!") throw new FormulaSyntaxError("expected ! after sheet name");
      const ref = readRef(src, i + 1);
      if (!ref) throw new FormulaSyntaxError("expected a reference after sheet name");
      out.push({ kind: "ref", sheet: name, from: ref.from, to: ref.to, start, end: ref.end });
      i = ref.end;
      continue;
    }
    if (/[0-9.]/.test(ch)) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(src);
      if (m) {
        // "1:3" row ranges are not supported; a number is a number.
        i += m[0].length;
        out.push({ kind: "number", value: Number(m[0]), start, end: i });
        continue;
      }
    }
    if (ch === "$" || NAME_CHAR.test(ch)) {
      const ref = readRef(src, i);
      if (ref) {
        out.push({ kind: "ref", from: ref.from, to: ref.to, start, end: ref.end });
        i = ref.end;
        continue;
      }
      let j = i;
      while (j < src.length && NAME_CHAR.test(src[j] as string)) j++;
      if (j === i) throw new FormulaSyntaxError(`unexpected ${ch} at ${i}`);
      const word = src.slice(i, j);
      if (src[j] === "!") {
        const sheetRef = readRef(src, j + 1);
        if (!sheetRef) throw new FormulaSyntaxError("expected a reference after sheet name");
        out.push({
          kind: "ref",
          sheet: word,
          from: sheetRef.from,
          to: sheetRef.to,
          start,
          end: sheetRef.end,
        });
        i = sheetRef.end;
        continue;
      }
      i = j;
      let k = j;
      while (src[k] === " ") k++;
      if (src[k] === "(") {
        out.push({ kind: "func", value: word.toUpperCase().replace(/^_XLFN\./, ""), start, end: j });
      } else if (/^(TRUE|FALSE)$/i.test(word)) {
        out.push({ kind: "bool", value: word.toUpperCase() === "TRUE", start, end: j });
      } else {
        out.push({ kind: "name", value: word, start, end: j });
      }
      continue;
    }
    const two = src.slice(i, i + 2);
    if (OPS2.includes(two)) {
      out.push({ kind: "op", value: two, start, end: i + 2 });
      i += 2;
      continue;
    }
    if (OPS1.includes(ch)) {
      out.push({ kind: "op", value: ch, start, end: i + 1 });
      i++;
      continue;
    }
    if (PUNCT.includes(ch)) {
      out.push({ kind: "punct", value: ch as "(", start, end: i + 1 });
      i++;
      continue;
    }
    throw new FormulaSyntaxError(`unexpected ${ch} at ${i}`);
  }
  return out;
}
