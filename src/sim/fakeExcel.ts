import { type Box, formatBox, MAX_COLUMNS, parseAddress } from "../excel/address";
import type {
  IsSetSupported,
  XlChangedArgs,
  XlRun,
  XlRunWith,
  XlSelectionChangedArgs,
  XlValue,
} from "../excel/api";
import { valueType } from "./cellValues";
import { type ContextHost, FakeContext } from "./context";
import { CODES, FakeOfficeError } from "./errors";
import { type ChangeRecord, type SheetModel, type TableModel, WorkbookModel } from "./model";
import { type FormulaEvaluator, formulaOf } from "./formulaCells";
import { handlers, selectionHandlers } from "./proxies";

export interface FakeExcelOptions {
  /** Highest ExcelApi requirement set the simulated Excel supports, e.g. "1.8" or "1.14". */
  apiVersion?: string;
  /** Sheets of the new workbook (Excel starts with one). */
  sheets?: readonly string[];
  /** A workbook built beforehand (e.g. from a file) instead of a new one; `sheets` is then ignored. */
  model?: WorkbookModel;
  /** Computes formula cells (formulaCells.ts); without it they keep their last value. */
  evaluate?: FormulaEvaluator;
  /**
   * Whether a value picked from a list validation's dropdown fires onChanged. Default false: Excel
   * on the web and on Windows have been reported not to (https://github.com/OfficeDev/office-js/issues/420,
   * https://github.com/OfficeDev/office-js/issues/3888, https://github.com/OfficeDev/office-js/issues/4066).
   */
  dropdownFiresOnChanged?: boolean;
}

export type EditSource = "Local" | "Remote";

/**
 * An in-memory Excel for tests and the preview host: `run` stands in for Excel.run, the `user`
 * methods stand in for a person (or a co-author) editing the workbook, and `syncs` counts round
 * trips. See README.md for what it models.
 */
export class FakeExcel implements ContextHost {
  readonly model: WorkbookModel;
  /** Minor version of the highest ExcelApi 1.x set supported (14 for ExcelApi 1.14). */
  readonly apiMinor: number;
  /** Every context.sync() since the fake was made. */
  syncs = 0;
  /** Operations the add-in ran that changed the workbook (values, formulas, formats, sheets…). */
  writes = 0;
  /** Errors thrown by onChanged handlers (Excel swallows them; tests should see them). */
  readonly handlerErrors: unknown[] = [];
  selection: { sheet: string; address: string } | null = null;
  /** Operations the last sync carried (for tests that fail a sync at a fraction of its work). */
  lastSyncOperations = 0;
  private editMode = false;
  private readonly dropdownFiresOnChanged: boolean;
  private faults: { afterOps: number; code: string; skip: number }[] = [];
  private pending: Promise<unknown>[] = [];

  constructor(options: FakeExcelOptions = {}) {
    this.apiMinor = minorOf(options.apiVersion ?? "1.14");
    this.model = options.model ?? new WorkbookModel(options.sheets ?? ["Sheet1"]);
    if (options.evaluate) this.model.evaluator = options.evaluate;
    this.dropdownFiresOnChanged = options.dropdownFiresOnChanged ?? false;
  }

  readonly run: XlRun = async (batch) => {
    const ctx = new FakeContext(this);
    return batch(ctx);
  };

  /** Excel.run(options, batch): `mergeUndoGroup` needs ExcelApi 1.20 and is ignored below it. */
  readonly runWith: XlRunWith = async (options, batch) => {
    const ctx = new FakeContext(this, options.mergeUndoGroup === true && this.apiMinor >= 20);
    return batch(ctx);
  };

  /**
   * Undo steps the add-in's writes made: one per sync that changed something, or one per merged
   * run (https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-undo-capabilities).
   */
  undoSteps = 0;

  readonly isSetSupported: IsSetSupported = (name, minVersion) =>
    name === "ExcelApi" && minorOf(minVersion) <= this.apiMinor;

  // ---- ContextHost ----

  beforeSync(): void {
    this.syncs += 1;
    if (this.editMode) {
      throw new FakeOfficeError(
        CODES.cellEditMode,
        "The operation can't be completed while a cell is being edited.",
      );
    }
  }

  takeFault(): { afterOps: number; code: string } | null {
    const next = this.faults[0];
    if (!next) return null;
    if (next.skip > 0) {
      next.skip -= 1;
      return null;
    }
    this.faults.shift();
    return next;
  }

  afterSync(changes: ChangeRecord[], operations: number): void {
    this.lastSyncOperations = operations;
    for (const change of changes) this.fire(change, "Local", true);
  }

  select(sheet: string, address: string): void {
    this.selection = { sheet, address };
  }

  wrote(operations: number): void {
    this.writes += operations;
  }

  undoStep(context: FakeContext): void {
    if (context.mergeUndoGroup && context.undoCounted) return;
    context.undoCounted = true;
    this.undoSteps += 1;
  }

  // ---- test controls ----

  /**
   * A coming sync runs `afterOps` queued operations, then fails with `code`; `skip` lets that many
   * syncs pass first (e.g. skip the reads of an install to fail its write).
   */
  failNextSync(afterOps: number, code: string = CODES.generalException, skip = 0): void {
    this.faults.push({ afterOps, code, skip });
  }

  /** While a person is typing in a cell, every request fails (InvalidOperationInCellEditMode). */
  setCellEditMode(on: boolean): void {
    this.editMode = on;
  }

  /** Waits until every onChanged handler fired so far (and what they started) has finished. */
  async settle(): Promise<void> {
    for (let i = 0; i < 100 && this.pending.length > 0; i++) {
      const batch = this.pending;
      this.pending = [];
      await Promise.allSettled(batch);
    }
  }

  // ---- a person (or a co-author) working in Excel ----

  readonly user = {
    /** Types or pastes values; text is converted as Excel converts typed input. */
    setValues: (sheet: string, address: string, values: XlValue[][], source: EditSource = "Local"): void => {
      const s = this.model.requireSheet(sheet);
      const box = this.box(address);
      this.model.autoExpand(s, box);
      this.fire(this.model.setValues(s, box, values), source, false);
    },
    /** Types a formula (or any entry) as a person does in the formula bar. */
    setFormulas: (sheet: string, address: string, formulas: XlValue[][]): void => {
      const s = this.model.requireSheet(sheet);
      const box = this.box(address);
      this.model.autoExpand(s, box);
      this.fire(this.model.setFormulas(s, box, formulas), "Local", false);
    },
    /**
     * Picks a value from a cell's dropdown (list validation): stored as typed, but onChanged fires
     * only when the fake was told the host fires it (see `dropdownFiresOnChanged`).
     */
    pickFromList: (sheet: string, address: string, value: XlValue): void => {
      const s = this.model.requireSheet(sheet);
      const change = this.model.setValues(s, this.box(address), [[value]]);
      if (this.dropdownFiresOnChanged) this.fire(change, "Local", false);
    },
    /** Moves the selection (a click, an arrow key): onSelectionChanged fires on that sheet. */
    select: (sheet: string, address: string): void => {
      const s = this.model.requireSheet(sheet);
      this.selection = { sheet: s.name, address };
      const args: XlSelectionChangedArgs = { type: "WorksheetSelectionChanged", address, worksheetId: s.id };
      for (const handler of [...selectionHandlers(s)]) {
        this.pending.push(
          Promise.resolve()
            .then(() => handler(args))
            .catch((error: unknown) => this.handlerErrors.push(error)),
        );
      }
    },
    clear: (sheet: string, address: string, source: EditSource = "Local"): void => {
      const change = this.model.clear(this.model.requireSheet(sheet), this.box(address), "Contents");
      if (change) this.fire(change, source, false);
    },
    insertRows: (sheet: string, row: number, count = 1): void => {
      this.fire(this.model.insertRows(this.model.requireSheet(sheet), row - 1, count), "Local", false);
    },
    deleteRows: (sheet: string, row: number, count = 1): void => {
      this.fire(this.model.deleteRows(this.model.requireSheet(sheet), row - 1, count), "Local", false);
    },
    addSheet: (name: string): SheetModel => this.model.addSheet(name),
    renameSheet: (from: string, to: string): void =>
      this.model.renameSheet(this.model.requireSheet(from), to),
    renameTable: (from: string, to: string): void => this.model.renameTable(this.requireTable(from), to),
    /** Drags a table column to another place (swaps two columns, 0-based within the table). */
    swapTableColumns: (table: string, a: number, b: number): void => {
      this.fire(this.model.swapTableColumns(this.requireTable(table), a, b), "Local", false);
    },
    addTableColumn: (table: string, header: string): void => {
      this.fire(this.model.addTableColumn(this.requireTable(table), undefined, header), "Local", false);
    },
  };

  // ---- reading the workbook in tests ----

  values(sheet: string, address: string): XlValue[][] {
    return this.model.readValues(this.model.requireSheet(sheet), this.box(address));
  }

  /** What `Range.formulas` shows: formulas with "=", other cells their values. */
  formulas(sheet: string, address: string): XlValue[][] {
    return this.model.read(this.model.requireSheet(sheet), this.box(address), formulaOf);
  }

  value(sheet: string, address: string): XlValue {
    return this.values(sheet, address)[0]?.[0] ?? "";
  }

  cell(sheet: string, address: string): ReturnType<SheetModel["cell"]> {
    const box = this.box(address);
    return this.model.requireSheet(sheet).cell(box.r0, box.c0);
  }

  table(nameOrId: string): TableModel | undefined {
    return this.model.table(nameOrId);
  }

  private requireTable(name: string): TableModel {
    const table = this.model.table(name);
    if (!table) throw new FakeOfficeError(CODES.itemNotFound, `The table '${name}' doesn't exist.`);
    return table;
  }

  private box(address: string): Box {
    const parsed = parseAddress(address);
    if (!parsed) throw new FakeOfficeError(CODES.invalidArgument, `The address '${address}' is not valid.`);
    return parsed.box;
  }

  /** onChanged fires asynchronously, after the change, with the documented argument shape. */
  private fire(change: ChangeRecord, source: EditSource, byThisAddin: boolean): void {
    const registered = [...handlers(change.sheet)];
    if (registered.length === 0) return;
    const args = this.changedArgs(change, source, byThisAddin);
    for (const handler of registered) {
      this.pending.push(
        Promise.resolve()
          .then(() => handler(args))
          .catch((error: unknown) => this.handlerErrors.push(error)),
      );
    }
  }

  private changedArgs(change: ChangeRecord, source: EditSource, byThisAddin: boolean): XlChangedArgs {
    const wholeRows = change.box.c0 === 0 && change.box.c1 === MAX_COLUMNS - 1;
    const address = wholeRows ? `${change.box.r0 + 1}:${change.box.r1 + 1}` : formatBox(change.box);
    const args: {
      -readonly [K in keyof XlChangedArgs]: XlChangedArgs[K];
    } = {
      type: "WorksheetChanged",
      address,
      changeType: change.changeType,
      source,
      worksheetId: change.sheet.id,
    };
    if (this.apiMinor >= 9 && change.after !== undefined) {
      const before = change.before ?? "";
      args.details = {
        valueBefore: before,
        valueAfter: change.after,
        valueTypeBefore: valueType(before),
        valueTypeAfter: valueType(change.after),
      } as XlChangedArgs["details"];
    }
    if (this.apiMinor >= 14) args.triggerSource = byThisAddin ? "ThisLocalAddin" : "Unknown";
    return args;
  }
}

function minorOf(version: string): number {
  const match = /^1\.(\d+)$/.exec(version);
  return match ? Number(match[1]) : 0;
}
