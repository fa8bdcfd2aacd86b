/**
 * Building blocks of the generated formulas: text only, English function names, "," separators,
 * nothing newer than Excel 2010 and nothing WPS or LibreOffice lacks (design.md §6).
 */

/** A string literal: quotes doubled. */
export const str = (text: string): string => `"${text.replace(/"/g, '""')}"`;

// Control characters as CHAR(n): a line break inside a formula's string literal is not portable.
const literal = (text: string): string =>
  /^[\t\n\r]$/.test(text) ? `CHAR(${text.charCodeAt(0)})` : str(text);

const fold = (expr: string, pairs: readonly (readonly [string, string])[]): string =>
  pairs.reduce((acc, [from, to]) => `SUBSTITUTE(${acc},${literal(from)},${str(to)})`, expr);

// What src/core/values/normalize.ts treats as space (mapped to " ", then TRIM collapses runs as
// normalizeText does) and as invisible (removed).
const SPACES: readonly (readonly [string, string])[] = ["\t", "\n", "\r", "\u00a0", "\u3000"].map(
  (c) => [c, " "] as const,
);
const INVISIBLE: readonly (readonly [string, string])[] = [
  "\u200b",
  "\u200c",
  "\u200d",
  "\u2060",
  "\u00ad",
  "\u180e",
  "\ufeff",
].map((c) => [c, ""] as const);
// Full-width digits and the date separators people type with a Chinese IME: read as ASCII on both
// sides (the core maps every full-width ASCII character; a formula maps these thirteen).
const FULL_WIDTH: readonly (readonly [string, string])[] = [
  ..."0123456789".split("").map((d) => [String.fromCharCode(d.charCodeAt(0) + 0xfee0), d] as const),
  ["\uff0d", "-"],
  ["\uff0f", "/"],
  ["\uff0e", "."],
];

/**
 * The text with every character normalizeText maps mapped, not yet trimmed: one character in, at
 * most one out, so it may run on several cells joined (each part then trimmed on its own).
 */
export function folded(expr: string): string {
  return fold(fold(fold(expr, INVISIBLE), SPACES), FULL_WIDTH);
}

/** The cell as normalizeText reads it (spaces, invisible characters, full-width digits). */
export function normalized(ref: string): string {
  return `TRIM(${folded(ref)})`;
}

// What the fold makes a space, " " included.
const SPACE_LIKE: readonly string[] = [" ", ...SPACES.map(([c]) => c)];

/** True when the text holds a space or a character normalizeText makes one. */
export function spaced(ref: string): string {
  return or(...SPACE_LIKE.map((c) => `ISNUMBER(FIND(${literal(c)},${ref}))`));
}

/**
 * Every character the fold turns into a space or drops, as one text expression (tab, LF and CR as
 * CHAR(n)): a text led by none of them is filled.
 */
export function spaceLed(): string {
  const chars = [...SPACE_LIKE, ...INVISIBLE.map(([c]) => c)];
  const controls = chars.filter((c) => /^[\t\n\r]$/.test(c)).map(literal);
  return [...controls, str(chars.filter((c) => !/^[\t\n\r]$/.test(c)).join(""))].join("&");
}

/** True when the cell is blank as isBlank reads it: empty, or only spaces and invisible characters. */
export function blank(ref: string): string {
  return `LEN(${trimmed(ref)})=0`;
}

/** The cell's text with spaces and invisible characters as isBlank sees them (also over a range). */
export function trimmed(ref: string): string {
  return `TRIM(${fold(fold(ref, INVISIBLE), SPACES)})`;
}

/** The spaces the date forms allow beside a separator (2018 - 4 - 3, 2018 年 4 月 3 日). */
export function withoutSeparatorSpaces(expr: string): string {
  const pairs: [string, string][] = [];
  for (const sep of ["-", "/", ".", "年", "月"]) pairs.push([` ${sep}`, sep], [`${sep} `, sep]);
  pairs.push([" 日", "日"], [" 号", "号"]);
  return fold(expr, pairs);
}

/** True when `expr` (text) has only the digits 0–9 (or is empty). */
export function onlyDigits(expr: string): string {
  return `LEN(${fold(
    expr,
    "0123456789".split("").map((d) => [d, ""] as const),
  )})=0`;
}

/** The arguments of `expr` when it is one call of `name` and nothing else, else null. */
export function argsOfCall(expr: string, name: string): string[] | null {
  if (!expr.startsWith(`${name}(`) || !expr.endsWith(")")) return null;
  const args: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = name.length + 1;
  for (let i = start; i < expr.length; i++) {
    const ch = expr[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === "(") depth++;
    else if (ch === ")") {
      if (depth === 0) {
        if (i !== expr.length - 1) return null;
        args.push(expr.slice(start, i));
      }
      depth--;
    } else if (ch === "," && depth === 0) {
      args.push(expr.slice(start, i));
      start = i + 1;
    }
  }
  return args;
}

// Excel takes 255 arguments a function; flattening stays well below.
const MOST_ARGUMENTS = 200;

/**
 * AND or OR of the parts, nested calls of the same function flattened and repeated parts dropped:
 * the formulas are recalculated in every row, and each call and repeat costs there.
 */
function junction(name: "AND" | "OR", parts: readonly string[]): string {
  const flat: string[] = [];
  for (const part of parts) {
    const inner = argsOfCall(part, name);
    flat.push(...(inner && flat.length + inner.length <= MOST_ARGUMENTS ? inner : [part]));
  }
  let unique = [...new Set(flat)];
  if (name === "OR") {
    // A or (A and B) is A.
    const present = new Set(unique);
    unique = unique.filter((p) => !(argsOfCall(p, "AND") ?? []).some((a) => present.has(a)));
  }
  return unique.length === 1 ? (unique[0] as string) : `${name}(${unique.join(",")})`;
}

export const and = (...parts: readonly string[]): string => junction("AND", parts);
export const or = (...parts: readonly string[]): string => junction("OR", parts);
export const not = (part: string): string => {
  const inner = argsOfCall(part, "NOT");
  return inner?.length === 1 ? (inner[0] as string) : `NOT(${part})`;
};
