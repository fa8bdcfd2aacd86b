/**
 * Seeded random formulas over the corpus data (numbers, text, booleans from comparisons), built
 * from the functions the 校验 compiler uses. Booleans never reach text or arithmetic directly and
 * numbers reach text only through TEXT(…,"0"), and SEARCH never looks for "": those are the documented LibreOffice/Excel
 * differences (corpus.ts), not what this generator probes.
 */
import { seeded } from "./ledger";

const NUM_CELLS = ["E1", "E5", "E10", "B3", "B9", "A13", "A14", "A20", "A25", "A4", "G1", "G3"];
const TEXT_CELLS = ["C1", "C2", "C5", "C6", "A5", "A11", "A12", "A15", "F1", "F2", "F4", "D4", "D7"];
const TEXT_LITERALS = ['"a"', '"B"', '"完成"', '" x "', '""', '"是"', '"ab"'];
const CMP = ["=", "<>", "<", ">", "<=", ">="];

export function randomFormulas(count: number, seed: number): string[] {
  const rnd = seeded(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;

  const num = (d: number): string => {
    const leaf = (): string =>
      rnd() < 0.5 ? pick(NUM_CELLS) : rnd() < 0.7 ? String(int(-20, 40)) : (int(-999, 999) / 100).toString();
    if (d <= 0) return leaf();
    switch (int(0, 19)) {
      case 0:
      case 1:
        return `(${num(d - 1)}${pick(["+", "-", "*", "/"])}${num(d - 1)})`;
      case 2:
        return `-${num(d - 1)}`;
      case 3:
        return `ROUND(${num(d - 1)},${int(-1, 2)})`;
      case 4:
        return `${pick(["MIN", "MAX"])}(${num(d - 1)},${num(d - 1)})`;
      case 5:
        return `${pick(["ABS", "INT"])}(${num(d - 1)})`;
      case 6:
        return `MOD(${num(d - 1)},${int(1, 7)})`;
      case 7:
        return `IF(${bool(d - 1)},${num(d - 1)},${num(d - 1)})`;
      case 8:
        return `LEN(${text(d - 1)})`;
      case 9:
        return `SUMPRODUCT(--(E1:E10${pick(CMP)}${num(d - 1)}))`;
      case 10:
        return `COUNTIF(${pick(["E1:E10", "B1:B10", "C1:C6", "F1:F10"])},"${pick(CMP)}"&${pick([num(0), text(0)])})`;
      case 11:
        return `${pick(["YEAR", "MONTH", "DAY"])}(EDATE(DATE(${int(2000, 2030)},${int(1, 12)},${int(1, 31)}),${int(-30, 30)}))`;
      case 12:
        return `IFERROR(${pick(["SEARCH", "FIND"])}(${needle(d - 1)},${text(d - 1)}),${int(-1, 0)})`;
      case 14:
        return `IFERROR(VALUE(${text(d - 1)}),-1)`;
      case 15:
        return `CHOOSE(${int(1, 3)},${num(d - 1)},${num(d - 1)},${num(d - 1)})`;
      case 16:
        return `SUMPRODUCT((F1:F10=${text(d - 1)})*(E1:E10${pick(CMP)}${num(d - 1)}))`;
      case 17:
        return `COUNTIFS(E1:E10,"${pick(CMP)}"&${num(d - 1)},F1:F10,${text(0)})+SUMIF(F1:F10,${text(0)},E1:E10)`;
      case 18:
        return `(DATE(${int(1990, 2030)},${int(-2, 14)},${int(0, 32)})-${pick(["G1", "G3", "A10", "EOMONTH(A10," + int(-3, 3) + ")"])})`;
      default:
        return `IFERROR(MATCH(${text(d - 1)},C1:C6,0),0)`;
    }
  };

  const bool = (d: number): string => {
    switch (int(0, d <= 0 ? 1 : 9)) {
      case 0:
        return `${num(d - 1)}${pick(CMP)}${num(d - 1)}`;
      case 1:
        return `${text(d - 1)}${pick(CMP)}${text(d - 1)}`;
      case 2:
        return `AND(${bool(d - 1)},${bool(d - 1)})`;
      case 3:
        return `OR(${bool(d - 1)},${bool(d - 1)})`;
      case 4:
        return `NOT(${bool(d - 1)})`;
      case 5:
        return `ISNUMBER(SEARCH(${needle(d - 1)},${text(d - 1)}))`;
      case 6:
        return `ISERROR(${num(d - 1)})`;
      case 7:
        return `${pick(["ISTEXT", "ISNUMBER"])}(${pick([text(d - 1), num(d - 1)])})`;
      case 8:
        return `EXACT(${text(d - 1)},${text(d - 1)})`;
      default:
        return `ISBLANK(${pick([...NUM_CELLS, ...TEXT_CELLS])})`;
    }
  };

  const text = (d: number): string => {
    if (d <= 0) return rnd() < 0.6 ? pick(TEXT_CELLS) : pick(TEXT_LITERALS);
    switch (int(0, 8)) {
      case 0:
        return `${text(d - 1)}&${text(d - 1)}`;
      case 1:
        return `LEFT(${text(d - 1)},${int(0, 3)})`;
      case 2:
        return `MID(${text(d - 1)},${int(1, 3)},${int(0, 3)})`;
      case 3:
        return `${pick(["TRIM", "UPPER", "LOWER"])}(${text(d - 1)})`;
      case 4:
        return `SUBSTITUTE(${text(d - 1)},${pick(TEXT_LITERALS.slice(0, 3))},${pick(TEXT_LITERALS)})`;
      case 5:
        return `IF(${bool(d - 1)},${text(d - 1)},${text(d - 1)})`;
      case 6:
        return `TEXT(ROUND(${num(d - 1)},0),"0")`;
      case 7:
        return `RIGHT(${text(d - 1)},${int(0, 3)})`;
      default:
        return `IFERROR(INDEX(C1:C6,${int(1, 8)}),"无")`;
    }
  };

  // Never empty: SEARCH("",…) is a documented difference (corpus.ts).
  const needle = (d: number): string => `${pick(['"a"', '"成"', '"x"', '"B"', '"?"', '"*"'])}&${text(d)}`;

  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const kind = int(0, 2);
    out.push(kind === 0 ? num(3) : kind === 1 ? `IF(${bool(3)},"✗","")` : text(3));
  }
  return out;
}
