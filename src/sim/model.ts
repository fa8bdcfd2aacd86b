import {
  type Box,
  boxColumns,
  boxRows,
  columnLetters,
  formatBox,
  intersect,
  MAX_COLUMNS,
} from "../excel/address";
import type { XlValue } from "../excel/api";
import { storeInput } from "./cellValues";
import { CODES, FakeOfficeError } from "./errors";
import { type FormulaEvaluator, formulaOf, isFormulaText } from "./formulaCells";
import { type RowShift, shiftFormulaRows } from "./formulaRefs";

/** The workbook state behind the fake: plain data, changed only by sync() or by simulated users. */

export interface Validation {
  rule: Excel.DataValidationRule;
  prompt?: Excel.DataValidationPrompt;
  errorAlert?: Excel.DataValidationErrorAlert;
}

export interface Cell {
  value: XlValue;
  /** A formula Excel made of written text (the simulator keeps it, it does not evaluate it). */
  formula?: string;
  numberFormat: string;
  fill?: string;
  bold?: boolean;
  fontColor?: string;
  wrap?: boolean;
  validation?: Validation;
  /** Range.hyperlink (ExcelApi 1.7): a URL (`address`) or a place in the workbook (`documentReference`). */
  hyperlink?: Excel.RangeHyperlink;
}

export interface ConditionalFormatModel {
  box: Box;
  formula: string;
  fill?: string;
  fontColor?: string;
}

export interface ChartModel {
  name: string;
  type: string;
  source: Box;
  title: string;
  position?: string;
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface ChangeRecord {
  sheet: SheetModel;
  box: Box;
  changeType: "RangeEdited" | "RowInserted" | "RowDeleted" | "ColumnInserted";
  /** Single-cell edits carry the before/after value, as Excel's `details`. */
  before?: XlValue;
  after?: XlValue;
}

const GENERAL = "General";
const key = (r: number, c: number): number => r * MAX_COLUMNS + c;
const rowOf = (k: number): number => Math.floor(k / MAX_COLUMNS);
const colOf = (k: number): number => k % MAX_COLUMNS;

let guidCounter = 0;
function guid(): string {
  guidCounter += 1;
  const hex = guidCounter.toString(16).padStart(12, "0");
  return `{00000000-0001-0000-0000-${hex.toUpperCase()}}`;
}

export class SheetModel {
  visibility: Visibility = "Visible";
  readonly cells = new Map<number, Cell>();
  readonly columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  frozenRows = 0;
  conditionalFormats: ConditionalFormatModel[] = [];
  charts: ChartModel[] = [];

  constructor(
    public name: string,
    /** Excel's worksheet id; a sheet loaded from a file keeps the id derived from it. */
    public id: string = guid(),
  ) {}

  cell(r: number, c: number): Cell | undefined {
    return this.cells.get(key(r, c));
  }

  ensure(r: number, c: number): Cell {
    let cell = this.cells.get(key(r, c));
    if (!cell) {
      cell = { value: "", numberFormat: GENERAL };
      this.cells.set(key(r, c), cell);
    }
    return cell;
  }

  value(r: number, c: number): XlValue {
    return this.cell(r, c)?.value ?? "";
  }

  /** The smallest box holding every non-empty cell (or every formatted cell too). */
  usedBox(valuesOnly: boolean): Box | null {
    // Plain numbers, no object per cell: a template holds tens of thousands of formula cells.
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [k, cell] of this.cells) {
      // A formula cell is used even while it shows "" (Excel counts it in both used ranges).
      const used =
        cell.value !== "" ||
        cell.formula !== undefined ||
        (!valuesOnly &&
          (cell.numberFormat !== GENERAL ||
            cell.fill ||
            cell.bold ||
            cell.fontColor ||
            cell.wrap ||
            cell.validation));
      if (!used) continue;
      const r = rowOf(k);
      const c = k - r * MAX_COLUMNS;
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    }
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }

  /** Moves cells matching `pick` by (dr, dc); cells moved onto are replaced. */
  moveCells(pick: (r: number, c: number) => boolean, dr: number, dc: number): void {
    const keys: number[] = [];
    const moved: Cell[] = [];
    for (const [k, cell] of this.cells) {
      if (pick(rowOf(k), colOf(k))) {
        keys.push(k);
        moved.push(cell);
      }
    }
    for (const k of keys) this.cells.delete(k);
    const shift = key(dr, dc);
    for (let i = 0; i < keys.length; i++) this.cells.set((keys[i] as number) + shift, moved[i] as Cell);
  }
}

export class TableModel {
  readonly id: string;
  constructor(
    public name: string,
    public sheet: SheetModel,
    /** Header row and first column, 0-based. */
    public r0: number,
    public c0: number,
    public dataRows: number,
    public columnCount: number,
    id: number,
  ) {
    this.id = String(id);
  }

  get box(): Box {
    return { r0: this.r0, c0: this.c0, r1: this.r0 + this.dataRows, c1: this.c0 + this.columnCount - 1 };
  }

  get headerBox(): Box {
    return { r0: this.r0, c0: this.c0, r1: this.r0, c1: this.c0 + this.columnCount - 1 };
  }

  get bodyBox(): Box {
    return { r0: this.r0 + 1, c0: this.c0, r1: this.r0 + this.dataRows, c1: this.c0 + this.columnCount - 1 };
  }
}

export interface NameModel {
  name: string;
  sheet: SheetModel;
  box: Box;
  comment: string;
  /** Its cells were deleted: Excel keeps the name, referring to =#REF!. */
  broken?: boolean;
}

const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;
const DEFINED_NAME = /^[A-Za-z_\\\u4e00-\u9fff][A-Za-z0-9_.\\\u4e00-\u9fff]*$/;

export class WorkbookModel {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  names: NameModel[] = [];
  /** Computes what formula cells show (see formulaCells.ts); null keeps their last value. */
  evaluator: FormulaEvaluator | null = null;
  private nextTableId = 1;
  private readonly evaluating = new Set<Cell>();
  /** Set once a formula is stored: row moves skip the formula walk in workbooks without any. */
  private anyFormula = false;

  constructor(sheetNames: readonly string[] = ["Sheet1"]) {
    for (const name of sheetNames) this.addSheet(name);
  }

  // ---- sheets ----

  sheet(nameOrId: string): SheetModel | undefined {
    const lower = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.id === nameOrId || s.name.toLowerCase() === lower);
  }

  requireSheet(nameOrId: string): SheetModel {
    const sheet = this.sheet(nameOrId);
    if (!sheet)
      throw new FakeOfficeError(
        CODES.itemNotFound,
        `The requested resource doesn't exist.`,
        "WorksheetCollection.getItem",
      );
    return sheet;
  }

  /** Excel's rules: 1–31 characters, none of []:*?/\, not starting or ending with ', unique ignoring case. */
  checkSheetName(name: string, except?: SheetModel): void {
    const bad =
      name.length === 0 ||
      name.length > 31 ||
      SHEET_NAME_FORBIDDEN.test(name) ||
      name.startsWith("'") ||
      name.endsWith("'");
    if (bad)
      throw new FakeOfficeError(
        CODES.invalidArgument,
        `The sheet name '${name}' is not valid.`,
        "Worksheet.name",
      );
    const clash = this.sheet(name);
    if (clash && clash !== except && clash.name.toLowerCase() === name.toLowerCase()) {
      throw new FakeOfficeError(
        CODES.itemAlreadyExists,
        `A sheet named '${name}' already exists.`,
        "Worksheet.name",
      );
    }
  }

  addSheet(name?: string, id?: string): SheetModel {
    this.changes++;
    let chosen = name;
    if (chosen === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheet(`Sheet${n}`)) n += 1;
      chosen = `Sheet${n}`;
    }
    this.checkSheetName(chosen);
    if (id !== undefined && this.sheet(id)) {
      throw new FakeOfficeError(CODES.itemAlreadyExists, `A sheet with id '${id}' already exists.`);
    }
    const sheet = new SheetModel(chosen, id);
    this.sheets.push(sheet);
    return sheet;
  }

  /**
   * The workbook closed and opened again: worksheet ids hold only within a session, and Excel for
   * desktop then reports positional ones (https://github.com/OfficeDev/office-js-docs/issues/297,
   * https://github.com/OfficeDev/office-js/issues/1390).
   */
  reopen(): void {
    this.changes++;
    this.sheets.forEach((sheet, i) => {
      sheet.id = `{00000000-0001-0000-${i.toString(16).padStart(4, "0").toUpperCase()}-000000000000}`;
    });
  }

  renameSheet(sheet: SheetModel, name: string): void {
    this.changes++;
    this.checkSheetName(name, sheet);
    sheet.name = name;
  }

  setVisibility(sheet: SheetModel, visibility: Visibility): void {
    if (
      visibility !== "Visible" &&
      this.sheets.filter((s) => s.visibility === "Visible" && s !== sheet).length === 0
    ) {
      throw new FakeOfficeError(
        CODES.invalidOperation,
        "A workbook must keep at least one visible sheet.",
        "Worksheet.visibility",
      );
    }
    sheet.visibility = visibility;
  }

  /**
   * Deletes a sheet as Excel does: not a VeryHidden one, not the last visible one; its tables go
   * with it and names that pointed into it stay, showing =#REF!.
   */
  removeSheet(sheet: SheetModel): void {
    this.changes++;
    if (sheet.visibility === "VeryHidden") {
      throw new FakeOfficeError(
        CODES.invalidOperation,
        "A very hidden sheet can't be deleted; make it hidden or visible first.",
        "Worksheet.delete",
      );
    }
    if (
      sheet.visibility === "Visible" &&
      this.sheets.filter((s) => s.visibility === "Visible").length === 1
    ) {
      throw new FakeOfficeError(
        CODES.invalidOperation,
        "A workbook must keep at least one visible sheet.",
        "Worksheet.delete",
      );
    }
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.tables = this.tables.filter((t) => t.sheet !== sheet);
  }

  // ---- cells ----

  /** Writes values as Excel does (text that reads as a number or a date is converted). */
  setValues(sheet: SheetModel, box: Box, values: unknown, location = "Range.values"): ChangeRecord {
    this.changes++;
    const grid = broadcast(values, box, location);
    const single = boxRows(box) === 1 && boxColumns(box) === 1;
    const before = single ? sheet.value(box.r0, box.c0) : undefined;
    for (let r = box.r0; r <= box.r1; r++) {
      for (let c = box.c0; c <= box.c1; c++) {
        const cell = sheet.ensure(r, c);
        const stored = storeInput(grid(r - box.r0, c - box.c0), cell.numberFormat);
        if (stored.formula === undefined) {
          cell.value = stored.value;
          delete cell.formula;
          this.changes++;
        } else this.putFormula(cell, stored.formula);
        if (stored.impliedFormat && cell.numberFormat === GENERAL) cell.numberFormat = stored.impliedFormat;
      }
    }
    this.normalizeHeaders(sheet, box);
    const record: ChangeRecord = { sheet, box, changeType: "RangeEdited" };
    if (single) {
      record.before = before ?? "";
      record.after = this.valueAt(sheet, box.r0, box.c0);
    }
    return record;
  }

  /**
   * Range.hyperlink set: every cell of the range gets the link, and `textToDisplay` becomes the
   * top-left cell's value (as Excel shows it); a link needs a target (`address` or
   * `documentReference`), else Excel answers InvalidArgument.
   */
  setHyperlink(sheet: SheetModel, box: Box, link: Excel.RangeHyperlink): ChangeRecord | null {
    this.changes++;
    if (!link.address && !link.documentReference) {
      throw new FakeOfficeError(
        CODES.invalidArgument,
        "The argument is invalid or missing.",
        "Range.hyperlink",
      );
    }
    const copy: Excel.RangeHyperlink = { ...link };
    for (let r = box.r0; r <= box.r1; r++)
      for (let c = box.c0; c <= box.c1; c++) sheet.ensure(r, c).hyperlink = copy;
    if (link.textToDisplay === undefined) return null;
    return this.setValues(sheet, { r0: box.r0, c0: box.c0, r1: box.r0, c1: box.c0 }, [[link.textToDisplay]]);
  }

  /**
   * Range.formulas set: text starting with "=" becomes the cell's formula (text in a cell
   * formatted as text "@" stays text, as typed input does); anything else is stored as
   * `Range.values` stores it.
   * https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-formulas-member
   */
  setFormulas(sheet: SheetModel, box: Box, formulas: unknown): ChangeRecord {
    this.changes++;
    const grid = broadcast(formulas, box, "Range.formulas");
    const single = boxRows(box) === 1 && boxColumns(box) === 1;
    const before = single ? this.valueAt(sheet, box.r0, box.c0) : undefined;
    for (let r = box.r0; r <= box.r1; r++) {
      for (let c = box.c0; c <= box.c1; c++) {
        const cell = sheet.ensure(r, c);
        const input = grid(r - box.r0, c - box.c0);
        if (isFormulaText(input, cell.numberFormat)) {
          this.putFormula(cell, input.trim());
          continue;
        }
        const stored = storeInput(input, cell.numberFormat);
        cell.value = stored.value;
        delete cell.formula;
        this.changes++;
        if (stored.impliedFormat && cell.numberFormat === GENERAL) cell.numberFormat = stored.impliedFormat;
      }
    }
    this.normalizeHeaders(sheet, box);
    const record: ChangeRecord = { sheet, box, changeType: "RangeEdited" };
    if (single) {
      record.before = before ?? "";
      record.after = this.valueAt(sheet, box.r0, box.c0);
    }
    return record;
  }

  /** A formula written to a cell: it shows its last result until evaluated (formulaCells.ts). */
  private putFormula(cell: Cell, formula: string): void {
    this.anyFormula = true;
    if (cell.formula === undefined) cell.value = "";
    cell.formula = formula;
    this.changes++;
  }

  /**
   * Bumped by every change to cells, sheets, tables or names: formula results computed at the
   * current revision are reused by later reads (a grid repaint, the pane's reads), as Excel shows
   * its last recalculation until something changes.
   */
  get revision(): number {
    return this.changes;
  }
  private changes = 0;

  /** What a cell shows through `Range.values`: a formula's result, else the stored value. */
  valueAt(sheet: SheetModel, r: number, c: number): XlValue {
    const cell = sheet.cell(r, c);
    if (!cell) return "";
    if (cell.formula === undefined || !this.evaluator) return cell.value;
    // A formula that reaches back to itself: Excel warns and shows 0 (iterative calculation is off).
    // https://support.microsoft.com/office/remove-or-allow-a-circular-reference-8540bd0f-6e97-4483-bcf7-1b49cd50d123
    if (this.evaluating.has(cell)) return 0;
    // Each formula cell is computed once per revision, however often it is read.
    if (this.computedAt !== this.changes || this.computedBy !== this.evaluator) {
      this.computed = new Set<Cell>();
      this.computedAt = this.changes;
      this.computedBy = this.evaluator;
    }
    if (!this.computed.has(cell)) {
      const at = this.changes;
      this.evaluate(sheet, r, c, cell);
      // An evaluator that wrote to the workbook leaves the result for the next read to redo.
      if (this.changes === at) this.computed.add(cell);
    }
    return cell.value;
  }

  private computed = new Set<Cell>();
  private computedAt = -1;
  private computedBy: FormulaEvaluator | null = null;

  private evaluate(sheet: SheetModel, r: number, c: number, cell: Cell): void {
    if (this.evaluator && !this.evaluating.has(cell)) {
      this.evaluating.add(cell);
      try {
        const result = this.evaluator({
          formula: String(formulaOf(cell)),
          sheet: sheet.name,
          row: r,
          column: c,
          cached: cell.value,
          valueAt: (name, row, column) => {
            const other = this.sheet(name);
            return other ? this.valueAt(other, row, column) : "#REF!";
          },
          holdsFormula: (name, row, column) => this.sheet(name)?.cell(row, column)?.formula !== undefined,
        });
        if (result !== undefined) cell.value = result;
      } finally {
        this.evaluating.delete(cell);
      }
    }
  }

  /** The cells' values as `Range.values` reads them (formulas evaluated). */
  readValues(sheet: SheetModel, box: Box): XlValue[][] {
    const out: XlValue[][] = [];
    for (let r = box.r0; r <= box.r1; r++) {
      const row: XlValue[] = [];
      for (let c = box.c0; c <= box.c1; c++) row.push(this.valueAt(sheet, r, c));
      out.push(row);
    }
    return out;
  }

  /** Formula cells everywhere follow rows that moved (references re-based, deleted ones #REF!). */
  private shiftFormulas(shift: RowShift): void {
    if (!this.anyFormula) return;
    for (const sheet of this.sheets) {
      for (const cell of sheet.cells.values()) {
        if (cell.formula !== undefined) cell.formula = shiftFormulaRows(cell.formula, sheet.name, shift);
        this.changes++;
      }
    }
  }

  setNumberFormat(sheet: SheetModel, box: Box, formats: unknown): void {
    const grid = broadcast(formats, box, "Range.numberFormat");
    for (let r = box.r0; r <= box.r1; r++) {
      for (let c = box.c0; c <= box.c1; c++)
        sheet.ensure(r, c).numberFormat = String(grid(r - box.r0, c - box.c0));
    }
  }

  eachCell(sheet: SheetModel, box: Box, fn: (cell: Cell) => void): void {
    for (let r = box.r0; r <= box.r1; r++) for (let c = box.c0; c <= box.c1; c++) fn(sheet.ensure(r, c));
  }

  read<T>(sheet: SheetModel, box: Box, fn: (cell: Cell | undefined) => T): T[][] {
    const out: T[][] = [];
    for (let r = box.r0; r <= box.r1; r++) {
      const row: T[] = [];
      for (let c = box.c0; c <= box.c1; c++) row.push(fn(sheet.cell(r, c)));
      out.push(row);
    }
    return out;
  }

  clear(sheet: SheetModel, box: Box, applyTo: "All" | "Formats" | "Contents"): ChangeRecord | null {
    this.changes++;
    let changed = false;
    // Walk the stored cells, not the box: clearing whole columns must stay cheap.
    for (const [k, cell] of sheet.cells) {
      const r = rowOf(k);
      const c = colOf(k);
      if (r < box.r0 || r > box.r1 || c < box.c0 || c > box.c1) continue;
      {
        if (applyTo !== "Formats" && (cell.value !== "" || cell.formula !== undefined)) {
          cell.value = "";
          delete cell.formula;
          this.changes++;
          changed = true;
        }
        if (applyTo !== "Contents") {
          cell.numberFormat = GENERAL;
          delete cell.fill;
          delete cell.bold;
          delete cell.fontColor;
          delete cell.wrap;
        }
        // Excel's Clear All removes a link; Clear Contents and Clear Formats keep it.
        if (applyTo === "All") delete cell.hyperlink;
      }
    }
    if (applyTo !== "Contents") {
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !intersect(cf.box, box));
    }
    this.normalizeHeaders(sheet, box);
    return changed ? { sheet, box, changeType: "RangeEdited" } : null;
  }

  // ---- tables ----

  table(nameOrId: string): TableModel | undefined {
    const lower = nameOrId.toLowerCase();
    return this.tables.find((t) => t.id === nameOrId || t.name.toLowerCase() === lower);
  }

  private checkTableName(name: string, except?: TableModel): void {
    if (!/^[A-Za-z_\\\u4e00-\u9fff][A-Za-z0-9_.\\\u4e00-\u9fff]*$/.test(name) || name.length > 255) {
      throw new FakeOfficeError(
        CODES.invalidArgument,
        `The table name '${name}' is not valid.`,
        "Table.name",
      );
    }
    const lower = name.toLowerCase();
    const clash =
      this.tables.some((t) => t !== except && t.name.toLowerCase() === lower) ||
      this.names.some((n) => n.name.toLowerCase() === lower);
    if (clash)
      throw new FakeOfficeError(CODES.itemAlreadyExists, `The name '${name}' is already used.`, "Table.name");
  }

  addTable(sheet: SheetModel, box: Box, hasHeaders: boolean): TableModel {
    this.changes++;
    if (this.tables.some((t) => t.sheet === sheet && intersect(t.box, box))) {
      throw new FakeOfficeError(
        CODES.invalidOperation,
        "A table can't overlap another table.",
        "TableCollection.add",
      );
    }
    const r0 = box.r0;
    let dataRows = boxRows(box) - 1;
    if (!hasHeaders) {
      // Excel inserts a header row above the data, shifting the data down.
      this.insertCells(sheet, { ...box, r1: box.r0 }, 1);
      for (let c = box.c0; c <= box.c1; c++)
        this.setValues(sheet, { r0, c0: c, r1: r0, c1: c }, [[`Column${c - box.c0 + 1}`]]);
      dataRows = boxRows(box);
    }
    // A table always has at least one data row.
    if (dataRows < 1) dataRows = 1;
    let n = this.nextTableId;
    while (this.table(`Table${n}`)) n += 1;
    const table = new TableModel(`Table${n}`, sheet, r0, box.c0, dataRows, boxColumns(box), this.nextTableId);
    this.nextTableId += 1;
    this.tables.push(table);
    this.normalizeHeaders(sheet, table.headerBox);
    return table;
  }

  /**
   * A table as a file holds it (name, range with header row, id), for building a workbook from a
   * saved file: the same checks as adding one, without Excel's renaming or header insertion.
   */
  loadTable(sheet: SheetModel, box: Box, name: string, id: number): TableModel {
    this.changes++;
    if (this.tables.some((t) => t.sheet === sheet && intersect(t.box, box))) {
      throw new FakeOfficeError(CODES.invalidOperation, "A table can't overlap another table.", "Table");
    }
    if (!Number.isInteger(id) || id < 1 || this.table(String(id))) {
      throw new FakeOfficeError(CODES.invalidArgument, `The table id '${id}' is not valid.`, "Table.id");
    }
    this.checkTableName(name);
    const table = new TableModel(
      name,
      sheet,
      box.r0,
      box.c0,
      Math.max(1, boxRows(box) - 1),
      boxColumns(box),
      id,
    );
    this.nextTableId = Math.max(this.nextTableId, id + 1);
    this.tables.push(table);
    this.normalizeHeaders(sheet, table.headerBox);
    return table;
  }

  renameTable(table: TableModel, name: string): void {
    this.changes++;
    this.checkTableName(name, table);
    table.name = name;
  }

  headers(table: TableModel): string[] {
    const out: string[] = [];
    for (let c = table.c0; c < table.c0 + table.columnCount; c++)
      out.push(String(table.sheet.value(table.r0, c)));
    return out;
  }

  /** Excel keeps table headers as unique, non-empty text: "Column1", "状态2". */
  private normalizeHeaders(sheet: SheetModel, touched: Box): void {
    for (const table of this.tables) {
      if (table.sheet !== sheet || !intersect(table.headerBox, touched)) continue;
      const seen = new Set<string>();
      for (let c = table.c0; c < table.c0 + table.columnCount; c++) {
        const cell = sheet.ensure(table.r0, c);
        let name = String(cell.value);
        if (name === "") name = `Column${c - table.c0 + 1}`;
        const base = name;
        for (let i = 2; seen.has(name.toLowerCase()); i++) name = `${base}${i}`;
        seen.add(name.toLowerCase());
        cell.value = name;
        this.changes++;
      }
    }
  }

  /**
   * Table.resize (ExcelApi 1.13): the table's range becomes `box`; no cell moves. Excel requires the
   * same header row and an overlap with the old range; the fake also keeps the columns as they are.
   * https://learn.microsoft.com/en-us/javascript/api/excel/excel.table#excel-excel-table-resize-member(1)
   */
  resizeTable(table: TableModel, box: Box): void {
    this.changes++;
    if (box.r0 !== table.r0 || box.r1 <= box.r0) {
      throw new FakeOfficeError(
        CODES.invalidArgument,
        "The header row must stay in the same row.",
        "Table.resize",
      );
    }
    if (box.c0 !== table.c0 || box.c1 !== table.c0 + table.columnCount - 1) {
      throw new FakeOfficeError(
        CODES.invalidArgument,
        "The fake resizes tables by rows only.",
        "Table.resize",
      );
    }
    if (this.tables.some((o) => o !== table && o.sheet === table.sheet && intersect(o.box, box))) {
      throw new FakeOfficeError(
        CODES.invalidOperation,
        "A table can't overlap another table.",
        "Table.resize",
      );
    }
    table.dataRows = box.r1 - box.r0;
  }

  /** Appends data rows at the end of a table, shifting the cells below it (in its columns) down. */
  addTableRows(table: TableModel, values: unknown[][] | undefined, index?: number): ChangeRecord {
    this.changes++;
    const count = values?.length ?? 1;
    if (values && values.some((row) => !Array.isArray(row) || row.length !== table.columnCount)) {
      throw new FakeOfficeError(
        CODES.invalidArgument,
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
        "TableRowCollection.add",
      );
    }
    const at = index === undefined || index === null ? table.dataRows : index;
    if (at < 0 || at > table.dataRows) {
      throw new FakeOfficeError(
        CODES.invalidArgument,
        "The row index is out of range.",
        "TableRowCollection.add",
      );
    }
    const insertRow = table.r0 + 1 + at;
    this.insertCells(
      table.sheet,
      { r0: insertRow, c0: table.c0, r1: insertRow, c1: table.c0 + table.columnCount - 1 },
      count,
      table,
    );
    table.dataRows += count;
    const box = {
      r0: insertRow,
      c0: table.c0,
      r1: insertRow + count - 1,
      c1: table.c0 + table.columnCount - 1,
    };
    // New rows take the formats of the row above, as Excel extends a table's formatting.
    const above = insertRow - 1 > table.r0 ? insertRow - 1 : null;
    for (let r = box.r0; r <= box.r1; r++) {
      for (let c = box.c0; c <= box.c1; c++) {
        const src = above === null ? undefined : table.sheet.cell(above, c);
        const cell = table.sheet.ensure(r, c);
        if (src) {
          cell.numberFormat = src.numberFormat;
          if (src.validation) cell.validation = src.validation;
          if (src.wrap) cell.wrap = src.wrap;
        }
      }
    }
    for (const cf of table.sheet.conditionalFormats) {
      if (
        cf.box.r0 <= insertRow - 1 &&
        cf.box.r1 >= insertRow - 1 &&
        cf.box.c0 >= table.c0 &&
        cf.box.c1 < table.c0 + table.columnCount
      ) {
        cf.box = { ...cf.box, r1: cf.box.r1 + count };
      }
    }
    return values
      ? this.setValues(table.sheet, box, values, "TableRowCollection.add")
      : { sheet: table.sheet, box, changeType: "RangeEdited" };
  }

  /** Appends a column at the right of a table (values include the header). */
  addTableColumn(table: TableModel, values: unknown[][] | undefined, name: string | undefined): ChangeRecord {
    this.changes++;
    const rows = table.dataRows + 1;
    if (values && (values.length !== rows || values.some((row) => !Array.isArray(row) || row.length !== 1))) {
      throw new FakeOfficeError(
        CODES.invalidArgument,
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
        "TableColumnCollection.add",
      );
    }
    const c = table.c0 + table.columnCount;
    const blocking = this.tables.find(
      (t) =>
        t !== table &&
        t.sheet === table.sheet &&
        t.c0 >= c &&
        t.r0 <= table.r0 + table.dataRows &&
        t.r0 + t.dataRows >= table.r0,
    );
    if (blocking)
      throw new FakeOfficeError(
        CODES.invalidOperation,
        "This operation would shift cells in another table.",
        "TableColumnCollection.add",
      );
    table.sheet.moveCells((r, cc) => cc >= c && r >= table.r0 && r <= table.r0 + table.dataRows, 0, 1);
    this.changes++;
    table.columnCount += 1;
    const box = { r0: table.r0, c0: c, r1: table.r0 + table.dataRows, c1: c };
    const grid = values ?? [[name ?? ""], ...Array.from({ length: table.dataRows }, () => [""])];
    if (name !== undefined && values) grid[0] = [name];
    return this.setValues(table.sheet, box, grid, "TableColumnCollection.add");
  }

  /**
   * Excel's table auto-expansion: a person typing or pasting into the row right below a table
   * (within its columns) makes those rows part of the table.
   */
  autoExpand(sheet: SheetModel, box: Box): void {
    this.changes++;
    for (const t of this.tables) {
      if (t.sheet !== sheet) continue;
      const bottom = t.r0 + t.dataRows;
      const overlaps = box.c0 <= t.c0 + t.columnCount - 1 && box.c1 >= t.c0;
      if (!overlaps || box.r0 > bottom + 1 || box.r1 <= bottom || box.c0 < t.c0) continue;
      const blocked = this.tables.some(
        (o) => o !== t && o.sheet === sheet && intersect(o.box, { ...t.box, r1: box.r1 }),
      );
      if (blocked) continue;
      const grow = box.r1 - bottom;
      for (let r = bottom + 1; r <= box.r1; r++) {
        for (let c = t.c0; c < t.c0 + t.columnCount; c++) {
          const src = sheet.cell(bottom, c);
          const cell = sheet.ensure(r, c);
          if (src && cell.numberFormat === GENERAL) cell.numberFormat = src.numberFormat;
          if (src?.validation && !cell.validation) cell.validation = src.validation;
        }
      }
      t.dataRows += grow;
    }
  }

  // ---- rows (as a person inserts or deletes whole sheet rows) ----

  insertRows(sheet: SheetModel, at: number, count: number): ChangeRecord {
    this.changes++;
    sheet.moveCells((r) => r >= at, count, 0);
    this.changes++;
    this.shiftFormulas({ sheet: sheet.name, at, count, c0: 0, c1: MAX_COLUMNS - 1 });
    for (const t of this.tables) {
      if (t.sheet !== sheet) continue;
      if (t.r0 >= at) t.r0 += count;
      else if (at <= t.r0 + t.dataRows) t.dataRows += count;
    }
    for (const n of this.names) if (n.sheet === sheet && n.box.r0 >= at) n.box = shiftRows(n.box, count);
    for (const cf of sheet.conditionalFormats) {
      if (cf.box.r0 >= at) cf.box = shiftRows(cf.box, count);
      else if (cf.box.r1 >= at) cf.box = { ...cf.box, r1: cf.box.r1 + count };
    }
    return {
      sheet,
      box: { r0: at, c0: 0, r1: at + count - 1, c1: MAX_COLUMNS - 1 },
      changeType: "RowInserted",
    };
  }

  deleteRows(sheet: SheetModel, at: number, count: number): ChangeRecord {
    this.changes++;
    const end = at + count - 1;
    for (const t of this.tables) {
      if (t.sheet === sheet && t.r0 >= at && t.r0 <= end) {
        throw new FakeOfficeError(
          CODES.invalidOperation,
          "Deleting a table's header row is not supported by the fake.",
        );
      }
    }
    for (const [k] of [...sheet.cells]) if (rowOf(k) >= at && rowOf(k) <= end) sheet.cells.delete(k);
    sheet.moveCells((r) => r > end, -count, 0);
    this.changes++;
    this.shiftFormulas({ sheet: sheet.name, at, count: -count, c0: 0, c1: MAX_COLUMNS - 1 });
    for (const t of this.tables) {
      if (t.sheet !== sheet) continue;
      if (t.r0 > end) t.r0 -= count;
      else if (at <= t.r0 + t.dataRows) {
        const lost = Math.min(end, t.r0 + t.dataRows) - Math.max(at, t.r0 + 1) + 1;
        t.dataRows = Math.max(1, t.dataRows - lost);
      }
    }
    // https://github.com/OfficeDev/office-js/issues/4772: a name whose cells are deleted stays, as =#REF!.
    for (const n of this.names) {
      if (n.sheet !== sheet || n.broken) continue;
      if (n.box.r0 >= at && n.box.r1 <= end) n.broken = true;
      else if (n.box.r0 > end) n.box = shiftRows(n.box, -count);
    }
    return { sheet, box: { r0: at, c0: 0, r1: end, c1: MAX_COLUMNS - 1 }, changeType: "RowDeleted" };
  }

  /** Inserts `count` rows of cells at `box.r0` within the box's columns, shifting down. */
  private insertCells(sheet: SheetModel, box: Box, count: number, growing?: TableModel): void {
    for (const t of this.tables) {
      if (t === growing || t.sheet !== sheet || t.r0 + t.dataRows < box.r0) continue;
      const inside = t.c0 >= box.c0 && t.c0 + t.columnCount - 1 <= box.c1;
      const overlaps = t.c0 <= box.c1 && t.c0 + t.columnCount - 1 >= box.c0;
      if (overlaps && !inside) {
        throw new FakeOfficeError(
          CODES.invalidOperation,
          "This operation is attempting to shift cells in a table on your worksheet.",
          "TableRowCollection.add",
        );
      }
    }
    sheet.moveCells((r, c) => r >= box.r0 && c >= box.c0 && c <= box.c1, count, 0);
    this.changes++;
    this.shiftFormulas({ sheet: sheet.name, at: box.r0, count, c0: box.c0, c1: box.c1 });
    for (const t of this.tables) {
      if (
        t !== growing &&
        t.sheet === sheet &&
        t.r0 >= box.r0 &&
        t.c0 >= box.c0 &&
        t.c0 + t.columnCount - 1 <= box.c1
      )
        t.r0 += count;
    }
    for (const n of this.names) {
      if (n.sheet === sheet && n.box.r0 >= box.r0 && n.box.c0 >= box.c0 && n.box.c1 <= box.c1)
        n.box = shiftRows(n.box, count);
    }
    for (const cf of sheet.conditionalFormats) {
      if (cf.box.r0 >= box.r0 && cf.box.c0 >= box.c0 && cf.box.c1 <= box.c1)
        cf.box = shiftRows(cf.box, count);
    }
  }

  /** Swaps two columns of a table, as a person dragging a column does. */
  swapTableColumns(table: TableModel, a: number, b: number): ChangeRecord {
    this.changes++;
    const ca = table.c0 + a;
    const cb = table.c0 + b;
    for (let r = table.r0; r <= table.r0 + table.dataRows; r++) {
      const x = table.sheet.cell(r, ca);
      const y = table.sheet.cell(r, cb);
      table.sheet.cells.delete(key(r, ca));
      table.sheet.cells.delete(key(r, cb));
      if (x) table.sheet.cells.set(key(r, cb), x);
      if (y) table.sheet.cells.set(key(r, ca), y);
      this.changes++;
    }
    return { sheet: table.sheet, box: table.box, changeType: "RangeEdited" };
  }

  // ---- names ----

  name(name: string): NameModel | undefined {
    const lower = name.toLowerCase();
    return this.names.find((n) => n.name.toLowerCase() === lower);
  }

  addName(name: string, sheet: SheetModel, box: Box, comment: string): NameModel {
    this.changes++;
    if (!DEFINED_NAME.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || name.length > 255) {
      throw new FakeOfficeError(
        CODES.invalidArgument,
        `The name '${name}' is not valid.`,
        "NamedItemCollection.add",
      );
    }
    if (this.name(name) || this.table(name)) {
      throw new FakeOfficeError(
        CODES.itemAlreadyExists,
        `The name '${name}' already exists.`,
        "NamedItemCollection.add",
      );
    }
    const item = { name, sheet, box, comment };
    this.names.push(item);
    return item;
  }

  removeName(item: NameModel): void {
    this.changes++;
    this.names = this.names.filter((n) => n !== item);
  }

  /** The formula a named item shows, e.g. "=基本信息!$B$3"; "=#REF!" once its sheet is gone. */
  nameFormula(item: NameModel): string {
    if (item.broken || !this.sheets.includes(item.sheet)) return "=#REF!";
    const a = `$${columnLetters(item.box.c0)}$${item.box.r0 + 1}`;
    const b = `$${columnLetters(item.box.c1)}$${item.box.r1 + 1}`;
    return `=${item.sheet.name}!${a === b ? a : `${a}:${b}`}`;
  }

  describe(sheet: SheetModel, box: Box): string {
    return `${sheet.name}!${formatBox(box)}`;
  }
}

function shiftRows(box: Box, count: number): Box {
  return { ...box, r0: box.r0 + count, r1: box.r1 + count };
}

/** A 2-D array of the box's shape, or a single value / 1×1 array applied to every cell. */
function broadcast(values: unknown, box: Box, location: string): (r: number, c: number) => unknown {
  if (!Array.isArray(values)) return () => values;
  const rows = boxRows(box);
  const cols = boxColumns(box);
  const first: unknown = values[0];
  if (values.length === 1 && Array.isArray(first) && first.length === 1) return () => first[0];
  const ok = values.length === rows && values.every((row) => Array.isArray(row) && row.length === cols);
  if (!ok) {
    throw new FakeOfficeError(
      CODES.invalidArgument,
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      location,
    );
  }
  return (r, c) => (values[r] as unknown[])[c];
}
