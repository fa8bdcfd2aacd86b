import { columnIndex } from "../core/layout/layout";

/**
 * How Excel re-bases a formula's cell references when rows are inserted or deleted: every
 * reference (relative or absolute, "$" does not pin a row against an insert) to a row at or below
 * the change moves with it; a reference to a deleted row becomes #REF!. Text inside string
 * literals is left alone. Only plain A1 references are handled (what Taizhang's formulas use);
 * whole-column references need no change.
 */
export interface RowShift {
  /** Sheet whose rows moved. */
  sheet: string;
  /** 0-based first row inserted, or first row deleted. */
  at: number;
  /** Positive: rows inserted; negative: rows deleted. */
  count: number;
  /** Columns the shift covers (a table row insert moves only the table's columns). */
  c0: number;
  c1: number;
}

// An optional sheet prefix ('名 称'! or 名称!), then $A$1 style; not part of a longer name.
const REF =
  /(?<![A-Za-z0-9_.\u4e00-\u9fff$])((?:'(?:[^']|'')+'|[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*)!)?(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![\w(])/g;

/** The formula of a cell on `hostSheet` after `shift`; unchanged when nothing it refers to moved. */
export function shiftFormulaRows(formula: string, hostSheet: string, shift: RowShift): string {
  return mapOutsideStrings(formula, (part) =>
    part.replace(
      REF,
      (whole, prefix: string | undefined, d1: string, col: string, d2: string, row: string) => {
        const sheet = prefix ? unquote(prefix.slice(0, -1)) : hostSheet;
        if (sheet.toLowerCase() !== shift.sheet.toLowerCase()) return whole;
        const c = columnIndex(col);
        const r = Number(row) - 1;
        if (c < shift.c0 || c > shift.c1 || r < shift.at) return whole;
        if (shift.count < 0 && r < shift.at - shift.count) return `${prefix ?? ""}#REF!`;
        return `${prefix ?? ""}${d1}${col}${d2}${r + shift.count + 1}`;
      },
    ),
  );
}

function unquote(name: string): string {
  return name.startsWith("'") && name.endsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/** Applies `fn` to the parts of a formula outside "…" string literals ("" is an escaped quote). */
function mapOutsideStrings(formula: string, fn: (part: string) => string): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const quote = formula.indexOf('"', i);
    if (quote < 0) {
      out += fn(formula.slice(i));
      break;
    }
    out += fn(formula.slice(i, quote));
    let end = quote + 1;
    for (;;) {
      const next = formula.indexOf('"', end);
      if (next < 0) {
        end = formula.length;
        break;
      }
      if (formula[next + 1] === '"') end = next + 2;
      else {
        end = next + 1;
        break;
      }
    }
    out += formula.slice(quote, end);
    i = end;
  }
  return out;
}
