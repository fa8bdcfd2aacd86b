/**
 * Text as the core compares typed words (src/core/values/normalize.ts normalizeText and isBlank):
 * the invisible characters it drops are removed, the spaces it knows (tab, line breaks, ideographic
 * space, no-break space, BOM) become " ", and TRIM collapses runs and trims the ends. Full-width
 * letters are not folded (the core folds them): a 状态 typed as "ｄｏｎｅ" is the one case apart.
 */
const DROPPED = ["\u200B", "\u200C", "\u200D", "\u2060", "\u00AD", "\u180E"];
const SPACES = [
  "CHAR(9)",
  "CHAR(10)",
  "CHAR(11)",
  "CHAR(12)",
  "CHAR(13)",
  '"\u3000"',
  '"\u00A0"',
  '"\uFEFF"',
];

export function cleanText(expr: string): string {
  let out = expr;
  for (const ch of DROPPED) out = `SUBSTITUTE(${out},"${ch}","")`;
  for (const sp of SPACES) out = `SUBSTITUTE(${out},${sp}," ")`;
  return `TRIM(${out})`;
}

/** TRUE when the cell (or, inside SUMPRODUCT, each cell of the range) holds something a person typed. */
export const notBlank = (expr: string): string => `LEN(${cleanText(expr)})>0`;

/**
 * Full-width forms of the ASCII characters in `words` folded back, as normalizeText folds them:
 * "县（市）区" matches "县(市)区". Only the characters the words contain matter for an exact match.
 */
export function foldFullWidth(expr: string, words: readonly string[]): string {
  const ascii = new Set([...words.join("")].filter((ch) => ch > " " && ch <= "~"));
  let out = expr;
  for (const ch of ascii) {
    const wide = String.fromCharCode(ch.charCodeAt(0) + 0xfee0);
    out = `SUBSTITUTE(${out},"${wide}","${ch === '"' ? '""' : ch}")`;
  }
  return out;
}
