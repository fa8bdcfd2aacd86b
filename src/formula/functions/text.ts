import { toNumber, toText } from "../coerce";
import { formatText } from "../textFormat";
import { ERR, isError, type CellValue } from "../values";
import { hasWildcards, wildcardSource } from "../wildcards";
import type { FnDef, FnTable } from "./types";

type Arg = CellValue | undefined;

/** Reads text and whole-number arguments, returning the first error met. */
function text(v: Arg): string | CellValue {
  return toText(v ?? null);
}
function int(v: Arg, fallback: number): number | CellValue {
  if (v === undefined) return fallback;
  const n = toNumber(v);
  return isError(n) ? n : Math.trunc(n);
}

const textFn = (max: number, call: (args: Arg[]) => CellValue): FnDef => ({
  kind: "scalar",
  min: 1,
  max,
  call: (args) => call(args),
});

function find(args: Arg[], caseSensitive: boolean): CellValue {
  const needle = text(args[0]);
  if (isError(needle)) return needle;
  const hay = text(args[1]);
  if (isError(hay)) return hay;
  const start = int(args[2], 1);
  if (isError(start)) return start;
  // start_num past the end of within_text is #VALUE!, so nothing is found in "" (FIND/SEARCH pages).
  if (typeof start !== "number" || start < 1 || start > (hay as string).length) return ERR.value;
  const n = needle as string;
  const h = hay as string;
  if (caseSensitive) {
    const at = h.indexOf(n, start - 1);
    return at < 0 ? ERR.value : at + 1;
  }
  if (!hasWildcards(n)) {
    const at = h.toLowerCase().indexOf(n.toLowerCase(), start - 1);
    return at < 0 ? ERR.value : at + 1;
  }
  const re = new RegExp(wildcardSource(n), "gi");
  re.lastIndex = start - 1;
  const m = re.exec(h);
  return m ? m.index + 1 : ERR.value;
}

export const TEXT_FNS: FnTable = {
  // Codes 1–255 of the ANSI code page; the 校验 formulas use only control characters and ASCII,
  // which every code page shares (https://support.microsoft.com/office/char-function-bbd249c8-b36e-4a91-8017-1c133f9b837a).
  CHAR: {
    kind: "scalar",
    min: 1,
    max: 1,
    call: ([v]) => {
      const n = int(v, 0);
      if (isError(n)) return n;
      const code = n as number;
      return code >= 1 && code <= 255 ? String.fromCharCode(code) : ERR.value;
    },
  },
  LEN: textFn(1, ([v]) => {
    const t = text(v);
    return isError(t) ? t : (t as string).length;
  }),
  // Only the ASCII space: Excel's TRIM leaves other spaces (U+3000, U+00A0) alone.
  TRIM: textFn(1, ([v]) => {
    const t = text(v);
    return isError(t) ? t : (t as string).replace(/ +/g, " ").replace(/^ | $/g, "");
  }),
  UPPER: textFn(1, ([v]) => {
    const t = text(v);
    return isError(t) ? t : (t as string).toUpperCase();
  }),
  LOWER: textFn(1, ([v]) => {
    const t = text(v);
    return isError(t) ? t : (t as string).toLowerCase();
  }),
  LEFT: textFn(2, ([v, n]) => {
    const t = text(v);
    if (isError(t)) return t;
    const k = int(n, 1);
    if (typeof k !== "number") return k;
    return k < 0 ? ERR.value : (t as string).slice(0, k);
  }),
  RIGHT: textFn(2, ([v, n]) => {
    const t = text(v);
    if (isError(t)) return t;
    const k = int(n, 1);
    if (typeof k !== "number") return k;
    if (k < 0) return ERR.value;
    return k === 0 ? "" : (t as string).slice(-k);
  }),
  MID: {
    kind: "scalar",
    min: 3,
    max: 3,
    call: ([v, s, n]) => {
      const t = text(v);
      if (isError(t)) return t;
      const start = int(s, 1);
      if (typeof start !== "number") return start;
      const k = int(n, 0);
      if (typeof k !== "number") return k;
      if (start < 1 || k < 0) return ERR.value;
      return (t as string).substr(start - 1, k);
    },
  },
  SUBSTITUTE: {
    kind: "scalar",
    min: 3,
    max: 4,
    call: ([v, o, r, i]) => {
      const t = text(v);
      if (isError(t)) return t;
      const old = text(o);
      if (isError(old)) return old;
      const rep = text(r);
      if (isError(rep)) return rep;
      const s = t as string;
      const from = old as string;
      if (from === "") return s;
      // Most calls of the workbook's long SUBSTITUTE chains find nothing: no split and join then.
      if (i === undefined) return s.includes(from) ? s.split(from).join(rep as string) : s;
      const nth = int(i, 1);
      if (typeof nth !== "number") return nth;
      if (nth < 1) return ERR.value;
      let at = -1;
      for (let k = 0; k < nth; k++) {
        at = s.indexOf(from, at + 1);
        if (at < 0) return s;
      }
      return s.slice(0, at) + (rep as string) + s.slice(at + from.length);
    },
  },
  SEARCH: { kind: "scalar", min: 2, max: 3, call: (args) => find(args, false) },
  FIND: { kind: "scalar", min: 2, max: 3, call: (args) => find(args, true) },
  CONCATENATE: textFn(255, (args) => {
    let out = "";
    for (const a of args) {
      const t = text(a);
      if (isError(t)) return t;
      out += t as string;
    }
    return out;
  }),
  EXACT: {
    kind: "scalar",
    min: 2,
    max: 2,
    call: ([a, b]) => {
      const x = text(a);
      if (isError(x)) return x;
      const y = text(b);
      return isError(y) ? y : x === y;
    },
  },
  REPT: {
    kind: "scalar",
    min: 2,
    max: 2,
    call: ([a, n]) => {
      const x = text(a);
      if (isError(x)) return x;
      const k = int(n, 0);
      if (typeof k !== "number") return k;
      return k < 0 ? ERR.value : (x as string).repeat(k);
    },
  },
  TEXT: {
    kind: "scalar",
    min: 2,
    max: 2,
    call: ([v, f]) => {
      const fmt = text(f);
      if (isError(fmt)) return fmt;
      const value = v ?? null;
      if (isError(value)) return value;
      if (typeof value === "string") {
        const n = toNumber(value);
        return formatText(isError(n) ? value : n, fmt as string);
      }
      const n = toNumber(value);
      return isError(n) ? n : formatText(n, fmt as string);
    },
  },
};
