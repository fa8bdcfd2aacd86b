import { toNumber } from "../coerce";
import { addMonths, parseDateText, serialFromYmd, ymdFromSerial, type Ymd } from "../dates";
import { ERR, isError, type CellValue } from "../values";
import type { FnDef, FnTable } from "./types";

function serialArg(v: CellValue | undefined): number | CellValue {
  const n = toNumber(v ?? null);
  if (isError(n)) return n;
  return n < 0 ? ERR.num : n;
}

const part = (pick: (d: Ymd) => number): FnDef => ({
  kind: "scalar",
  min: 1,
  max: 1,
  call([v]) {
    const s = serialArg(v);
    if (typeof s !== "number") return s;
    const d = ymdFromSerial(s);
    return d ? pick(d) : ERR.num;
  },
});

function months(start: CellValue | undefined, by: CellValue | undefined, endOfMonth: boolean): CellValue {
  const s = serialArg(start);
  if (typeof s !== "number") return s;
  const m = toNumber(by ?? null);
  if (isError(m)) return m;
  const shifted = addMonths(Math.trunc(s), Math.trunc(m));
  if (shifted === undefined || !Number.isFinite(shifted)) return ERR.num;
  if (!endOfMonth) return shifted;
  const d = ymdFromSerial(shifted) as Ymd;
  const last = serialFromYmd(d.year, d.month + 1, 0);
  return last === undefined ? ERR.num : last;
}

export const DATE_FNS: FnTable = {
  /**
   * Years 0–1899 are added to 1900; months and days roll over.
   * https://support.microsoft.com/en-us/office/date-function-e36c0c8c-4104-49da-ab83-82328b832349
   */
  DATE: {
    kind: "scalar",
    min: 3,
    max: 3,
    call(args) {
      const ns: number[] = [];
      for (const a of args) {
        const n = toNumber(a ?? null);
        if (isError(n)) return n;
        ns.push(Math.trunc(n));
      }
      const [year, m, d] = ns as [number, number, number];
      let y = year;
      if (y < 0 || y >= 10000) return ERR.num;
      if (y < 1900) y += 1900;
      return serialFromYmd(y, m, d) ?? ERR.num;
    },
  },
  YEAR: part((d) => d.year),
  MONTH: part((d) => d.month),
  DAY: part((d) => d.day),
  EDATE: { kind: "scalar", min: 2, max: 2, call: ([s, m]) => months(s, m, false) },
  EOMONTH: { kind: "scalar", min: 2, max: 2, call: ([s, m]) => months(s, m, true) },
  DATEVALUE: {
    kind: "scalar",
    min: 1,
    max: 1,
    call([v]) {
      if (isError(v)) return v;
      if (typeof v !== "string") return ERR.value;
      return parseDateText(v) ?? ERR.value;
    },
  },
  VALUE: {
    kind: "scalar",
    min: 1,
    max: 1,
    call([v]) {
      if (typeof v === "boolean") return ERR.value;
      return toNumber(v ?? null);
    },
  },
  TODAY: { kind: "scalar", min: 0, max: 0, call: (_args, ctx) => ctx.host.today() },
};
