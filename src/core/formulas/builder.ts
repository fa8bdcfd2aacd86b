import type { ColumnType, LocalizedText } from "../pack/schema";
import { columnLetter } from "../layout/layout";
import { parseYesNo } from "../values/yesNo";
import { normalizeText } from "../values/normalize";
import { and, argsOfCall, not, or, str } from "./expr";
import type { Piece } from "./pieces";
import { checkFormula, orderedPieces, piecesFormula } from "./pieces";
import { CHUNK_CHARACTERS, bitWords, chunked } from "./bitWords";
import { compactDateTests, foldedDateBounds } from "./dateTests";
import { CHECK_TEXT_MARKS } from "./checkText";
import type { RowFormula, RowPosition } from "./types";
import {
  READ,
  YES_NO_WORDS,
  blankFormula,
  dateCanonFormula,
  dateDayFormula,
  dateMonthEndFormula,
  dateTextFormula,
  dateValueFormula,
  numberBodyFormula,
  numberFormula,
  numberTextFormula,
  textFormula,
  yesNoFormula,
} from "./valueCells";

/** A column of a table as the compiler sees it. */
export interface FormulaColumn {
  id: string;
  type: ColumnType;
  header: LocalizedText;
  values?: readonly string[];
  future?: boolean;
}

// A reference to a cell of the same row, by offset from the table's first column, resolved when a
// row's formulas are rendered.
const TOKEN = /\u0001(\d+)\u0002/g; // eslint-disable-line no-control-regex -- the tokens are control characters so they never clash with formula text
const token = (offset: number): string => `\u0001${offset}\u0002`;

/** Where a piece sits in the merge of one problem seen by several rules (src/core/rules/merge.ts). */
export interface Family {
  /** Same cell: the column id. */
  column: string;
  family: number;
  rank: number;
}

interface Candidate {
  piece: Piece;
  family?: Family;
  /** The item whose rule made the piece; none for the cell type checks every item shares. */
  owner?: string;
}

/**
 * Compiles the 校验 of one table: reads each input once into hidden helper cells right of the
 * table (one empty column between), collects the messages with their conditions, and renders the
 * formulas of any row of the table from one template.
 */
export class RowBuilder {
  private readonly offsets: ReadonlyMap<string, number>;
  private readonly helpers: { key: string; formula: string }[] = [];
  private readonly helperIndex = new Map<string, string>();
  private readonly candidates: Candidate[] = [];
  readonly firstHelper: number;

  /** The columns a user fills (a row with none of them filled is not entered). */
  private readonly inputs: readonly string[];

  constructor(
    readonly columns: readonly FormulaColumn[],
    /** Offsets of every table column, by id (the 校验 column included). */
    offsets: ReadonlyMap<string, number>,
    /** Offset of the first helper column: one empty column after the widest table of the sheet. */
    firstHelper: number,
    /** Absolute reference to the assessment date's serial helper on 基本信息. */
    readonly assessmentDate: string,
    /** The columns a user fills (a row with none of them filled is not entered). */
    inputs: readonly string[] = [],
    /** Absolute reference to the cell of the characters a blank test folds (infoCells.ts), if any. */
    private readonly spaceLed?: string,
  ) {
    this.offsets = offsets;
    this.firstHelper = firstHelper;
    this.inputs = inputs.filter((id) => offsets.has(id));
  }

  column(id: string): FormulaColumn | undefined {
    return this.columns.find((c) => c.id === id);
  }

  position(id: string): number {
    return this.offsets.get(id) ?? this.offsets.size;
  }

  ref(id: string): string {
    const offset = this.offsets.get(id);
    if (offset === undefined) throw new Error(`formula compiler: no column ${id}`);
    return token(offset);
  }

  /**
   * Blank as isBlank reads it. A date, yes/no or enum column's reading or text is "" exactly then
   * (and is made anyway); any other column has a helper that folds only a text led by a space.
   */
  blank(id: string): string {
    const type = this.column(id)?.type;
    if (type === "date") return `${this.date(id)}=""`;
    if (type === "yesNo") return `${this.yesNo(id)}=""`;
    if (type === "enum" || this.helperIndex.has(`text:${id}`)) return `${this.text(id)}=""`;
    return this.helper(`blank:${id}`, () => blankFormula(this.ref(id), this.spaceLed));
  }

  filled(id: string): string {
    return not(this.blank(id));
  }

  /** A hidden helper cell of the row, made once per key; its reference. */
  helperCell(key: string, formula: () => string): string {
    return this.helper(key, formula);
  }

  private helper(key: string, formula: () => string): string {
    let ref = this.helperIndex.get(key);
    if (ref === undefined) {
      const text = formula();
      ref = token(this.firstHelper + this.helpers.length);
      this.helpers.push({ key, formula: text });
      this.helperIndex.set(key, ref);
    }
    return ref;
  }

  /** The cell read as text the way normalizeText does (a number stays the number). */
  text(id: string): string {
    return this.helper(`text:${id}`, () => textFormula(this.ref(id), plainWords(this.column(id))));
  }

  /** The date helper: serial, "", "I" or "P". */
  date(id: string): string {
    const x = this.ref(id);
    // The normalised text when a rule made it anyway; else the date's text helper reads the cell.
    const t = this.helperIndex.has(`text:${id}`) ? this.text(id) : undefined;
    const n = this.helper(`dateText:${id}`, () => dateTextFormula(x, t));
    const q = this.helper(`dateMonthEnd:${id}`, () => dateMonthEndFormula(n));
    const d = this.helper(`dateDay:${id}`, () => dateDayFormula(n, q));
    const c = this.helper(`dateCanon:${id}`, () => dateCanonFormula(n, q, d));
    return this.helper(`date:${id}`, () => dateValueFormula(x, n, c));
  }

  validDate(id: string): string {
    return `ISNUMBER(${this.date(id)})`;
  }

  yesNo(id: string): string {
    return this.helper(`yesNo:${id}`, () => yesNoFormula(this.ref(id), plainWords(this.column(id))));
  }

  number(id: string, integer: boolean): string {
    const n = this.text(id);
    const t = this.helper(`numberText:${id}`, () => numberTextFormula(n));
    const body = this.helper(`numberBody:${id}`, () => numberBodyFormula(t));
    return this.helper(`number:${id}`, () => numberFormula(this.ref(id), n, t, body, integer));
  }

  /** The assessment date is known. */
  get hasAssessmentDate(): string {
    return `ISNUMBER(${this.assessmentDate})`;
  }

  /** A filled cell that matches one of `values` (isListedValue: by text, in a yes/no column by answer). */
  listed(id: string, values: readonly string[], normalize: (v: string) => string): string {
    const yesNo = this.column(id)?.type === "yesNo";
    // In a yes/no column a word that is an answer matches by the answer (its own text reads as it).
    const words = [...new Set(values.map(normalize))].filter((v) => !yesNo || yesNoWord(v) === null);
    const n = words.length > 0 ? this.text(id) : "";
    const parts = words.map((v) => `EXACT(${n},${str(v)})`);
    if (yesNo) {
      const answers = new Set(values.map(yesNoWord).filter((a): a is 0 | 1 => a !== null));
      for (const a of answers) parts.push(`${this.yesNo(id)}=${a}`);
    }
    return parts.length === 0 ? "FALSE" : or(...parts);
  }

  /** The item whose rules are being compiled: pieces added meanwhile are charged to it. */
  owner: string | undefined;

  add(added: Piece, family?: Family): void {
    const piece = { ...added, when: compactDateTests(added.when, this.dateRefs()) };
    const owner = this.owner === undefined ? {} : { owner: this.owner };
    this.candidates.push(family ? { piece, family, ...owner } : { piece, ...owner });
  }

  /**
   * The errors every item shares (the cell type checks), tested once in a helper (itemMark's), and
   * which conditions imply one of them: such a condition is false whenever the helper is.
   */
  private sharedErrors(): { ref: string; implies: (when: string) => boolean } | undefined {
    const whens = this.sharedErrorWhens();
    if (whens.length < 2) return undefined;
    const set = new Set(whens);
    const implies = (when: string): boolean => {
      if (set.has(when)) return true;
      const all = argsOfCall(when, "AND");
      if (all?.some((a) => set.has(a))) return true;
      const any = argsOfCall(when, "OR");
      return any !== null && any.every(implies);
    };
    return { ref: this.sharedErrorsCell(whens), implies };
  }

  /** The conditions of the errors every item shares: the cell type checks, charged to no item. */
  private sharedErrorWhens(): string[] {
    return this.candidates
      .filter((c) => c.piece.severity === "error" && c.owner === undefined)
      .map((c) => c.piece.when);
  }

  /** The helper that tests the shared errors once, for the items' marks and the bits. */
  private sharedErrorsCell(whens: readonly string[]): string {
    return this.helper("errors:shared", () => `=${or(...foldedDateBounds(whens, this.dateRefs(), true))}`);
  }

  /** The date helpers made so far and the assessment date: each a serial or a text, never an error. */
  private dateRefs(): Set<string> {
    const refs = new Set<string>();
    if (!this.assessmentDate.includes("(")) refs.add(this.assessmentDate);
    for (const [key, ref] of this.helperIndex) if (key.startsWith("date:")) refs.add(ref);
    return refs;
  }

  /**
   * A helper TRUE whenever one of the row's errors holds (and maybe in a few rows more): the
   * marks and the bits skip their own tests where it is FALSE, nearly every record. LibreOffice
   * evaluates every argument of OR and AND, so the gate is made cheap: the shared type checks are
   * read from their helper, and the date order tests fold into one MAX a bound. None for a table
   * with a single error, or when the test would not fit one cell.
   */
  private errorGate(): string | undefined {
    const key = "errors:any";
    const made = this.helperIndex.get(key);
    if (made !== undefined) return made;
    const errors = this.candidates.filter((c) => c.piece.severity === "error");
    if (errors.length < 2) return undefined;
    const shared = this.sharedErrorWhens();
    const own = [...new Set(errors.filter((c) => c.owner !== undefined).map((c) => c.piece.when))];
    const test = or(
      ...(shared.length > 1 ? [this.sharedErrorsCell(shared)] : shared),
      ...foldedDateBounds(own, this.dateRefs(), false),
    );
    if (test.length > CHUNK_CHARACTERS) return undefined;
    return this.helper(key, () => `=${test}`);
  }

  /**
   * A record's mark for one item (check.ts: a record fails an item when a cell cannot be read or
   * one of the item's own rules finds an error): "✗" or "". Read from the unmerged pieces, since a
   * merged finding charges every item whose rule saw the problem.
   */
  itemMark(itemId: string): void {
    const own = this.candidates
      .filter((c) => c.piece.severity === "error" && c.owner === itemId)
      .map((c) => c.piece.when);
    const shared = this.sharedErrorWhens();
    const whens = shared.length === 0 ? own : [this.sharedErrorsCell(shared), ...own];
    this.helper(`mark:${itemId}`, () => {
      if (whens.length === 0) return `=""`;
      const gate = this.errorGate();
      const mark = `IF(${or(...whens)},${str(CHECK_TEXT_MARKS.error)},"")`;
      return gate === undefined ? `=${mark}` : `=IF(${gate},${mark},"")`;
    });
  }

  /** The pieces after the merge of one problem seen by several rules: the winner alone shows. */
  private pieces(): Piece[] {
    const out: Piece[] = [];
    const families = new Map<string, Candidate[]>();
    for (const c of this.candidates) {
      if (!c.family) {
        out.push(c.piece);
        continue;
      }
      const key = `${c.family.column}|${c.family.family}`;
      const list = families.get(key) ?? [];
      list.push(c);
      families.set(key, list);
    }
    for (const list of families.values()) {
      // Stable: the lowest rank wins, then the first met.
      const ranked = list
        .map((c, i) => ({ c, i }))
        .sort((a, b) => (a.c.family?.rank ?? 0) - (b.c.family?.rank ?? 0) || a.i - b.i)
        .map((x) => x.c.piece);
      ranked.forEach((p, i) => {
        const beaten = ranked.slice(0, i).map((q) => q.when);
        // A piece whose condition a winner has already is never shown.
        if (beaten.includes(p.when)) return;
        out.push(beaten.length === 0 ? p : { ...p, when: and(p.when, not(or(...beaten))) });
      });
    }
    return orderedPieces(out);
  }

  /** The formulas of the table, as a template; `render` places it on a row. */
  compile(checkOffset: number, onlyEntered: boolean): CompiledRow {
    const blanks = this.inputs.map((id) => this.blank(id));
    // Cell by cell, not over their range: a range makes LibreOffice copy the row into a matrix. A
    // ledger reads it three times and more, so once, in a helper.
    const anyText = blanks.length === 0 ? "FALSE" : not(and(...blanks));
    const entered = onlyEntered ? this.helper("entered", () => `=${anyText}`) : anyText;
    // A ledger row with nothing entered is no record: no rule looks at it (src/core/rules/check.ts).
    // Each condition is tested once, into a number with one bit a piece; the texts then read the
    // bits. Numbers instead of text keep a spreadsheet's recalculation cheap (LibreOffice interns
    // every text result), and a row without findings builds no text at all.
    const pieces = this.pieces();
    const gate = this.errorGate();
    const shared = this.sharedErrors();
    const words = bitWords(pieces).map((word, i) => {
      const terms = word.map((p, k) => ({ term: `(${p.when})*${2 ** k}`, shared: shared?.implies(p.when) }));
      const own = terms.filter((t) => !t.shared).map((t) => t.term);
      const typed = terms.filter((t) => t.shared).map((t) => t.term);
      // The cell type checks only count when the shared helper found one: a clean row skips them.
      if (shared && typed.length > 0) own.push(`IF(${shared.ref},${typed.join("+")},0)`);
      let sum = own.join("+");
      // A piece holds only when an error (the gate) or one of the word's warnings does.
      if (gate !== undefined) {
        const warnings = word.filter((p) => p.severity === "warning").map((p) => p.when);
        const errors = word.some((p) => p.severity === "error");
        sum = `IF(${or(...(errors ? [gate] : []), ...warnings)},${sum},0)`;
      }
      const ref = this.helper(`bits:${i}`, () => (onlyEntered ? `=IF(${entered},${sum},0)` : `=${sum}`));
      return { ref, pieces: word };
    });
    const chunks = chunked(words).map((part, i) => this.helper(`found:${i}`, () => piecesFormula(part)));
    const found = chunks.length === 1 ? (chunks[0] as string) : `(${chunks.join("&")})`;
    const cells: RowFormula[] = [
      { offset: checkOffset, formula: checkFormula(found, entered) },
      ...this.helpers.map((h, i) => ({ offset: this.firstHelper + i, formula: h.formula })),
    ];
    return new CompiledRow(
      cells,
      this.helpers.map((_, i) => this.firstHelper + i),
      new Map(this.helpers.map((h, i) => [h.key, this.firstHelper + i])),
    );
  }
}

/**
 * The words a column is usually filled with, when none holds a space or a character the fold
 * changes: a text found inside them (FIND) reads as itself, without the fold.
 */
function plainWords(column: FormulaColumn | undefined): string | undefined {
  const words =
    column?.type === "yesNo"
      ? YES_NO_WORDS.flatMap((w) => [w, w.toUpperCase(), w.charAt(0).toUpperCase() + w.slice(1)])
      : column?.type === "enum"
        ? (column.values ?? [])
        : [];
  const plain = words.filter((w) => w !== "" && !/\s/.test(w) && normalizeText(w) === w);
  return plain.length === 0 ? undefined : `|${[...new Set(plain)].join("|")}|`;
}

function yesNoWord(value: string): 0 | 1 | null {
  const answer = parseYesNo(value);
  return answer.ok ? (answer.value ? 1 : 0) : null;
}

/** A table's formulas as one template, rendered per row. */
export class CompiledRow {
  constructor(
    private readonly cells: readonly RowFormula[],
    readonly helperOffsets: readonly number[],
    /** Offsets of the helpers by key ("date:eventDate"): the score formulas read some of them. */
    private readonly helperKeys: ReadonlyMap<string, number> = new Map(),
  ) {}

  /** Offset of the helper made under `key` (e.g. a date column's serial), if the table has it. */
  helperOffset(key: string): number | undefined {
    return this.helperKeys.get(key);
  }

  render(position: RowPosition): RowFormula[] {
    const row = position.row + 1;
    return this.cells.map((c) => ({
      offset: c.offset,
      formula: c.formula.replace(
        TOKEN,
        (_, o: string) => `${columnLetter(position.firstColumn + Number(o))}${row}`,
      ),
    }));
  }
}

export { READ };
