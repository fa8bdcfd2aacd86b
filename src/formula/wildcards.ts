/** Excel wildcards (SEARCH, MATCH, COUNTIF): * any run, ? one character, ~ escapes the next. */

const escapeRegExp = (ch: string): string => ch.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

export function wildcardSource(pattern: string): string {
  let src = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === "~" && i + 1 < pattern.length && "*?~".includes(pattern[i + 1] as string)) {
      src += escapeRegExp(pattern[i + 1] as string);
      i++;
    } else if (ch === "*") src += "[\\s\\S]*";
    else if (ch === "?") src += "[\\s\\S]";
    else src += escapeRegExp(ch);
  }
  return src;
}

export const hasWildcards = (pattern: string): boolean => /[*?~]/.test(pattern);

/** Whole-text, case-insensitive match. */
export function wildcardMatcher(pattern: string): (text: string) => boolean {
  const re = new RegExp(`^${wildcardSource(pattern)}$`, "i");
  return (text) => re.test(text);
}
