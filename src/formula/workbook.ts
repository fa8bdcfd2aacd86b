/**
 * A workbook model and its recalculation: every formula cell computed once, on demand, so formulas
 * that read other formula cells see their results (dependency order without a separate sort). A
 * formula that reaches itself again gets #REF! instead of looping; the cells involved are reported.
 */
import { cellAddress, cellKey, MAX_COLS, parseCell } from "./address";
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
  /**
   * Remember which cells each formula read, so `withEdits` can reuse every result the edits cannot
   * reach. Costs memory for the edges; off unless asked for.
   */
  trackDependencies?: boolean;
}

/** A cell typed over: its new content (a value, or a formula as in `CellInput`). */
export interface CellEdit {
  sheet: string;
  /** A1 address ("B4"). */
  address: string;
  input: CellInput;
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
  /** Canonical sheet name and cellKey, to follow the cells that read this one. */
  sheet: string;
  key: number;
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

const newSlot = (sheet: string, key: number, input: CellInput): Slot => ({
  sheet,
  key,
  input,
  state: input.formula ? 0 : 2,
  result: input.formula ? null : (input.value ?? null),
});

/**
 * Formula cells that read a cell, by sheet and cellKey (a cell may list a reader more than once);
 * a range is noted once, under each of its columns, not cell by cell (SUMPRODUCT over a ledger reads
 * 20,000 cells).
 */
interface Readers {
  cells: Map<string, Map<number, Slot[]>>;
  ranges: Map<string, Map<number, { r1: number; r2: number; reader: Slot }[]>>;
}
const noReaders = (): Readers => ({ cells: new Map(), ranges: new Map() });

/**
 * A sheet's cells by 0-based row, then column (sparse arrays): a range read is two index steps per
 * cell, and `withEdits` copies only the rows it changes (a ledger sheet holds ~100,000 formula cells).
 */
type Grid = (Slot | undefined)[][];

const BLANK_CELL_ROW: CellValue[] = [null];

function gridSlot(grid: Grid, row: number, col: number): Slot | undefined {
  return grid[row]?.[col];
}

function setGridSlot(grid: Grid, row: number, col: number, slot: Slot): void {
  const cells = grid[row] ?? (grid[row] = []);
  cells[col] = slot;
}

export class Recalculation implements EvalHost {
  private slots = new Map<string, Grid>();
  /** Formula cells whose result is not final yet: while there are none, withEdits need not look for them. */
  private unfinished = 0;
  private sheetByLower = new Map<string, string>();
  private names = new Map<string, { global?: Node; bySheet: Map<string, Node> }>();
  readonly problems: RecalcProblem[] = [];
  private readonly todayValue: number;
  private depth = 0;
  /** Parsed formula texts, shared by every recalculation: the same workbook is often recalculated anew. */
  private readonly parsed = PARSED;
  /** Who read what, when tracking: this recalculation's own reads, then those of the ones it came from. */
  private readonly readers: Readers[] = [];
  /** Results of position-independent formula cells, by parsed formula and sheet + shift (see compute()). */
  private readonly twins = new Map<Node, Map<string, { sheet: string; key: number; result: CellValue }>>();
  /** Formula cells being computed, innermost last: the reader of each cellValue(). */
  private readonly computing: Slot[] = [];

  constructor(workbook: WorkbookModel, options: RecalcOptions = {}) {
    this.todayValue = options.today ?? todaySerial();
    if (options.trackDependencies) this.readers.push(noReaders());
    for (const [name, sheet] of workbook.sheets) {
      this.sheetByLower.set(name.toLowerCase(), name);
      const slots: Grid = [];
      for (const [address, input] of sheet.cells) {
        const at = parseCell(address);
        if (!at) continue;
        const slot = newSlot(name, cellKey(at.row, at.col), input);
        if (slot.state !== 2) this.unfinished++;
        setGridSlot(slots, at.row, at.col, slot);
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
    const key = cellKey(row, col);
    const own = this.readers[0];
    if (own) {
      const reader = this.computing[this.computing.length - 1];
      if (reader) this.noteRead(own, name, key, reader);
    }
    const grid = this.slots.get(name);
    const slot = grid && gridSlot(grid, row, col);
    if (!slot) return null;
    if (slot.state === 2) return slot.result;
    return this.slotValue(slot, name, row, col);
  }

  private slotValue(slot: Slot, name: string, row: number, col: number): CellValue {
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

  /** The values of a rectangle of cells (0-based, inclusive), computing formulas; blank cells are null. */
  readRange(sheet: string, r1: number, c1: number, r2: number, c2: number): CellValue[][] | undefined {
    const name = this.canonicalSheet(sheet);
    if (name === undefined) return undefined;
    const own = this.readers[0];
    const reader = this.computing[this.computing.length - 1];
    if (own && reader) {
      let byColumn = own.ranges.get(name);
      if (!byColumn) own.ranges.set(name, (byColumn = new Map()));
      for (let c = c1; c <= c2; c++) {
        const list = byColumn.get(c);
        if (list) list.push({ r1, r2, reader });
        else byColumn.set(c, [{ r1, r2, reader }]);
      }
    }
    const slots = this.slots.get(name) as Grid;
    const rows: CellValue[][] = [];
    for (let r = r1; r <= r2; r++) {
      const cells = slots[r];
      // A blank row of a one-column range (most of a ledger's) is one shared [null]: the engine
      // never writes to a matrix once read.
      if (c1 === c2 && cells?.[c1] === undefined) {
        rows.push(BLANK_CELL_ROW);
        continue;
      }
      const row: CellValue[] = [];
      for (let c = c1; c <= c2; c++) {
        const slot = cells?.[c];
        row.push(!slot ? null : slot.state === 2 ? slot.result : this.slotValue(slot, name, r, c));
      }
      rows.push(row);
    }
    return rows;
  }

  private noteRead(readers: Readers, sheet: string, key: number, reader: Slot): void {
    let bySheet = readers.cells.get(sheet);
    if (!bySheet) readers.cells.set(sheet, (bySheet = new Map()));
    const list = bySheet.get(key);
    if (!list) bySheet.set(key, [reader]);
    // A formula reads the same cell many times in a row (W3="I", W3=…): one entry is enough.
    else if (list[list.length - 1] !== reader) list.push(reader);
  }

  private computeSlot(at: Pending): CellValue {
    at.slot.state = 1;
    this.depth++;
    this.computing.push(at.slot);
    try {
      at.slot.result = this.compute(at.slot, at.sheet, at.row, at.col);
      at.slot.state = 2;
      this.unfinished--;
      return at.slot.result;
    } finally {
      this.computing.pop();
      this.depth--;
      if (at.slot.state === 1) at.slot.state = 0;
    }
  }

  /**
   * The same workbook with some cells typed over, as a new recalculation: a formula none of whose
   * reads (directly or through other formulas) the edits touch keeps the result computed here, the
   * rest is computed anew when read. Results depend only on what a formula read, so the answer is
   * what a fresh recalculation of the edited workbook gives (tests/formula/engine.test.ts checks).
   * Needs `trackDependencies`; this recalculation is left as it was.
   */
  withEdits(edits: readonly CellEdit[]): Recalculation {
    if (this.readers.length === 0) throw new Error("withEdits needs trackDependencies");
    // Cells whose results may change, by sheet and cellKey: the edited ones, everything that read
    // one, what read those, and so on.
    const stale = new Map<string, Set<number>>();
    const mark = (sheet: string, key: number): boolean => {
      let keys = stale.get(sheet);
      if (!keys) stale.set(sheet, (keys = new Set()));
      if (keys.has(key)) return false;
      keys.add(key);
      return true;
    };
    const queue: { sheet: string; key: number }[] = [];
    const edited = new Map<string, Map<number, CellInput>>();
    for (const e of edits) {
      const sheet = this.canonicalSheet(e.sheet);
      const at = parseCell(e.address);
      if (sheet === undefined || !at) throw new Error(`no cell ${e.sheet}!${e.address}`);
      const key = cellKey(at.row, at.col);
      let cells = edited.get(sheet);
      if (!cells) edited.set(sheet, (cells = new Map()));
      cells.set(key, e.input);
      if (mark(sheet, key)) queue.push({ sheet, key });
    }
    while (queue.length > 0) {
      const { sheet, key } = queue.pop() as { sheet: string; key: number };
      const row = Math.floor(key / MAX_COLS);
      for (const readers of this.readers) {
        for (const reader of readers.cells.get(sheet)?.get(key) ?? [])
          if (mark(reader.sheet, reader.key)) queue.push(reader);
        for (const r of readers.ranges.get(sheet)?.get(key % MAX_COLS) ?? [])
          if (r.r1 <= row && row <= r.r2 && mark(r.reader.sheet, r.reader.key)) queue.push(r.reader);
      }
    }
    const next = new Recalculation({ sheets: new Map() }, { today: this.todayValue });
    next.sheetByLower = this.sheetByLower;
    next.names = this.names;
    next.readers.push(noReaders(), ...this.readers);
    for (const [sheet, slots] of this.slots) {
      // Rows are shared until a cell of theirs changes; a changed row is copied first.
      const copy: Grid = slots.slice();
      const own = new Set<number>();
      const put = (row: number, col: number, slot: Slot): void => {
        if (slot.state !== 2) next.unfinished++;
        if (!own.has(row)) {
          copy[row] = slots[row]?.slice() ?? [];
          own.add(row);
        }
        (copy[row] as (Slot | undefined)[])[col] = slot;
      };
      const keys = stale.get(sheet);
      // A result not yet computed here, or that the edits may change, is computed anew (a slot is
      // shared only once its result is final, so neither recalculation changes the other's).
      const typed = edited.get(sheet);
      // An edited cell gets its new content below, not a fresh copy of the old one.
      const renew = (row: number, col: number): void => {
        const slot = gridSlot(slots, row, col);
        if (slot && !typed?.has(slot.key)) put(row, col, newSlot(sheet, slot.key, slot.input));
      };
      if (this.unfinished > 0)
        slots.forEach((cells, row) =>
          cells.forEach((slot, col) => {
            if (slot && (slot.state !== 2 || keys?.has(slot.key))) renew(row, col);
          }),
        );
      else for (const key of keys ?? []) renew(Math.floor(key / MAX_COLS), key % MAX_COLS);
      for (const [key, input] of typed ?? [])
        put(Math.floor(key / MAX_COLS), key % MAX_COLS, newSlot(sheet, key, input));
      next.slots.set(sheet, copy);
    }
    // Problems of cells whose results are kept still hold.
    for (const p of this.problems) {
      const at = parseCell(p.address);
      if (at && !stale.get(p.sheet)?.has(cellKey(at.row, at.col))) next.problems.push(p);
    }
    return next;
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
          this.unfinished--;
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
    // The same formula on the same sheet, moved by the same distance, reads the same cells: unless
    // it looked at its own position (implicit intersection), its result is that of the first cell
    // computed (the score helpers repeat one ledger SUMPRODUCT for several items).
    const arrayMode = slot.input.array === true;
    const same = `${sheet}\u0000${slot.shift?.dRow ?? 0},${slot.shift?.dCol ?? 0}${arrayMode ? "\u0000{}" : ""}`;
    const twins = this.twins.get(slot.node);
    const twin = twins?.get(same);
    if (twin) {
      const own = this.readers[0];
      if (own) this.noteRead(own, twin.sheet, twin.key, slot);
      return twin.result;
    }
    const positional = { used: false };
    const problems = this.problems.length;
    const ctx: EvalContext = { host: this, sheet, row, col, arrayMode, shift: slot.shift, positional };
    const result = cellResult(slot.node, ctx);
    if (!positional.used && this.problems.length === problems) {
      // The twin's result is read only once it is final (state 2): a record of the slot itself.
      const entry = { sheet: slot.sheet, key: slot.key, result };
      if (twins) twins.set(same, entry);
      else this.twins.set(slot.node, new Map([[same, entry]]));
    }
    return result;
  }

  /** Computes every formula cell (in sheet order, row by row) and returns all values by sheet and address. */
  all(): Map<string, Map<string, CellValue>> {
    const out = new Map<string, Map<string, CellValue>>();
    for (const [sheet, slots] of this.slots) {
      const values = new Map<string, CellValue>();
      // forEach skips the holes, in index order: row by row, left to right.
      slots.forEach((cells, row) =>
        cells.forEach((slot, col) => {
          if (slot) values.set(cellAddress(row, col), this.cellValue(sheet, row, col));
        }),
      );
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
