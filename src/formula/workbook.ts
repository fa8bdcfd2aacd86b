/**
 * A workbook model and its recalculation: every formula cell computed once, on demand, so formulas
 * that read other formula cells see their results (dependency order without a separate sort). A
 * formula that reaches itself again gets #REF! instead of looping; the cells involved are reported.
 */
import { cellAddress, cellKey, parseCell } from "./address";
import type { Node } from "./ast";
import { serialFromYmd } from "./dates";
import { cellResult } from "./evaluate";
import { parseFormula } from "./parser";
import type { EvalContext, EvalHost } from "./types";
import { ERR, type CellValue } from "./values";

/** A cell as written: a constant value, or a formula (with or without the leading "="). */
export interface CellInput {
  value?: CellValue;
  formula?: string;
  /**
   * The cell the formula text was written for, when it was filled or copied here from there (an
   * .xlsx shared formula): relative references move by the distance, as in Excel.
   */
  from?: string;
  /** Evaluate operators and functions element-wise (an array formula, {=…}). */
  array?: boolean;
}

export interface SheetModel {
  /** By A1 address ("B4"). */
  cells: ReadonlyMap<string, CellInput>;
}

export interface DefinedName {
  name: string;
  /** Its formula, e.g. "'基本信息'!$B$4" (leading "=" optional). */
  formula: string;
  /** Only visible from this sheet (a sheet-scoped name). */
  sheet?: string;
}

export interface WorkbookModel {
  sheets: ReadonlyMap<string, SheetModel>;
  names?: readonly DefinedName[];
}

export interface RecalcOptions {
  /** Serial date TODAY() returns; defaults to the current UTC date. */
  today?: number;
}

export interface RecalcProblem {
  sheet: string;
  address: string;
  kind: "cycle" | "syntax";
  detail?: string;
}

/** Formula texts parsed so far (nodes are never mutated); bounded so a long session cannot grow it forever. */
const PARSED = new Map<string, Node | Error>();
const MAX_PARSED = 50_000;

/** How deep formula cells may call each other before the rest is deferred (see drive()). */
const MAX_DEPTH = 200;

interface Pending {
  slot: Slot;
  sheet: string;
  row: number;
  col: number;
}

class Deferred {
  constructor(readonly at: Pending) {}
}

interface Slot {
  input: CellInput;
  node?: Node;
  shift?: { dRow: number; dCol: number };
  state: 0 | 1 | 2;
  result: CellValue;
}

const todaySerial = (): number => {
  const d = new Date();
  return serialFromYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) as number;
};

export class Recalculation implements EvalHost {
  private readonly slots = new Map<string, Map<number, Slot>>();
  private readonly sheetByLower = new Map<string, string>();
  private readonly names = new Map<string, { global?: Node; bySheet: Map<string, Node> }>();
  readonly problems: RecalcProblem[] = [];
  private readonly todayValue: number;
  private depth = 0;
  /** Parsed formula texts: a filled-down column parses once. */
  /** Parsed formula texts, shared by every recalculation: the same workbook is often recalculated anew. */
  private readonly parsed = PARSED;

  constructor(workbook: WorkbookModel, options: RecalcOptions = {}) {
    this.todayValue = options.today ?? todaySerial();
    for (const [name, sheet] of workbook.sheets) {
      this.sheetByLower.set(name.toLowerCase(), name);
      const slots = new Map<number, Slot>();
      for (const [address, input] of sheet.cells) {
        const at = parseCell(address);
        if (!at) continue;
        slots.set(cellKey(at.row, at.col), {
          input,
          state: input.formula ? 0 : 2,
          result: input.value ?? null,
        });
      }
      this.slots.set(name, slots);
    }
    for (const n of workbook.names ?? []) {
      let node: Node;
      try {
        node = parseFormula(n.formula);
      } catch {
        node = { kind: "literal", value: ERR.name };
      }
      const key = n.name.toLowerCase();
      const entry = this.names.get(key) ?? { bySheet: new Map<string, Node>() };
      if (n.sheet) entry.bySheet.set(n.sheet.toLowerCase(), node);
      else entry.global = node;
      this.names.set(key, entry);
    }
  }

  private canonicalSheet(sheet: string): string | undefined {
    return this.slots.has(sheet) ? sheet : this.sheetByLower.get(sheet.toLowerCase());
  }

  hasSheet(sheet: string): boolean {
    return this.canonicalSheet(sheet) !== undefined;
  }

  definedName(name: string, sheet: string): Node | undefined {
    const entry = this.names.get(name.toLowerCase());
    return entry?.bySheet.get(sheet.toLowerCase()) ?? entry?.global;
  }

  today(): number {
    return this.todayValue;
  }

  cellValue(sheet: string, row: number, col: number): CellValue {
    const name = this.canonicalSheet(sheet);
    if (name === undefined) return ERR.ref;
    const slot = this.slots.get(name)?.get(cellKey(row, col));
    if (!slot) return null;
    if (slot.state === 2) return slot.result;
    if (slot.state === 1) {
      this.problems.push({ sheet: name, address: cellAddress(row, col), kind: "cycle" });
      return ERR.ref;
    }
    if (this.depth === 0) return this.drive({ slot, sheet: name, row, col });
    // Long chains of formula cells would overflow the call stack: past MAX_DEPTH the cell is
    // handed back to drive(), which computes it first and then retries.
    if (this.depth >= MAX_DEPTH) throw new Deferred({ slot, sheet: name, row, col });
    return this.computeSlot({ slot, sheet: name, row, col });
  }

  private computeSlot(at: Pending): CellValue {
    at.slot.state = 1;
    this.depth++;
    try {
      at.slot.result = this.compute(at.slot, at.sheet, at.row, at.col);
      at.slot.state = 2;
      return at.slot.result;
    } finally {
      this.depth--;
      if (at.slot.state === 1) at.slot.state = 0;
    }
  }

  /** Computes a cell with an explicit stack of deferred cells; a deferred cell met twice is a cycle. */
  private drive(target: Pending): CellValue {
    const stack: Pending[] = [target];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as Pending;
      if (top.slot.state === 2) {
        stack.pop();
        continue;
      }
      try {
        this.computeSlot(top);
        stack.pop();
      } catch (e) {
        if (!(e instanceof Deferred)) throw e;
        if (stack.some((p) => p.slot === e.at.slot)) {
          this.problems.push({ sheet: e.at.sheet, address: cellAddress(e.at.row, e.at.col), kind: "cycle" });
          e.at.slot.result = ERR.ref;
          e.at.slot.state = 2;
        } else stack.push(e.at);
      }
    }
    return target.slot.result;
  }

  private compute(slot: Slot, sheet: string, row: number, col: number): CellValue {
    if (!slot.node) {
      const text = slot.input.formula as string;
      let node = this.parsed.get(text);
      if (!node) {
        try {
          node = parseFormula(text);
        } catch (e) {
          node = e instanceof Error ? e : new Error(String(e));
        }
        if (this.parsed.size >= MAX_PARSED) this.parsed.clear();
        this.parsed.set(text, node);
      }
      if (node instanceof Error) {
        this.problems.push({ sheet, address: cellAddress(row, col), kind: "syntax", detail: node.message });
        return ERR.name;
      }
      const origin = slot.input.from ? parseCell(slot.input.from) : undefined;
      slot.node = node;
      // The parsed text is shared by the whole filled column; references move at evaluation.
      if (origin && (origin.row !== row || origin.col !== col))
        slot.shift = { dRow: row - origin.row, dCol: col - origin.col };
    }
    const ctx: EvalContext = {
      host: this,
      sheet,
      row,
      col,
      arrayMode: slot.input.array === true,
      shift: slot.shift,
    };
    return cellResult(slot.node, ctx);
  }

  /** Computes every formula cell (in sheet order, row by row) and returns all values by sheet and address. */
  all(): Map<string, Map<string, CellValue>> {
    const out = new Map<string, Map<string, CellValue>>();
    for (const [sheet, slots] of this.slots) {
      const values = new Map<string, CellValue>();
      const keys = [...slots.keys()].sort((a, b) => a - b);
      for (const key of keys) {
        const row = Math.floor(key / 16_384);
        const col = key % 16_384;
        values.set(cellAddress(row, col), this.cellValue(sheet, row, col));
      }
      out.set(sheet, values);
    }
    return out;
  }

  /** The value of one cell ("B4"), computed if it holds a formula. */
  value(sheet: string, address: string): CellValue {
    const at = parseCell(address);
    if (!at) return ERR.ref;
    return this.cellValue(sheet, at.row, at.col);
  }

  /** Evaluates a formula as if it stood in `address` of `sheet`, without storing it. */
  evaluate(formula: string, sheet: string, address: string): CellValue {
    const at = parseCell(address);
    if (!at || !this.hasSheet(sheet)) return ERR.ref;
    let node: Node;
    try {
      node = parseFormula(formula);
    } catch {
      return ERR.name;
    }
    return cellResult(node, {
      host: this,
      sheet: this.canonicalSheet(sheet) as string,
      row: at.row,
      col: at.col,
      arrayMode: false,
    });
  }
}

/** Recalculates a whole workbook: the values of every cell, by sheet and A1 address. */
export function recalculate(
  workbook: WorkbookModel,
  options?: RecalcOptions,
): { values: Map<string, Map<string, CellValue>>; problems: RecalcProblem[] } {
  const calc = new Recalculation(workbook, options);
  const values = calc.all();
  return { values, problems: calc.problems };
}
