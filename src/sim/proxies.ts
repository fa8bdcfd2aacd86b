import {
  type Box,
  boxColumns,
  boxRows,
  formatBox,
  intersect,
  MAX_COLUMNS,
  MAX_ROWS,
  parseAddress,
  quoteSheet,
} from "../excel/address";
import type {
  XlChangedArgs,
  XlChart,
  XlChartCollection,
  XlConditionalFormat,
  XlDataValidation,
  XlEvent,
  XlEventRegistration,
  XlNamedItem,
  XlNamedItemCollection,
  XlRange,
  XlRangeFormat,
  XlSelectionChangedArgs,
  XlTable,
  XlTableCollection,
  XlValue,
  XlWorkbook,
  XlWorksheet,
  XlWorksheetCollection,
} from "../excel/api";
import type { FakeContext } from "./context";
import { CODES, FakeOfficeError, notLoaded } from "./errors";
import { formulaOf } from "./formulaCells";
import type {
  ConditionalFormatModel,
  NameModel,
  SheetModel,
  TableModel,
  Validation,
  Visibility,
} from "./model";

/**
 * Proxy objects: what the add-in holds. Each resolves its target when the queued operations run,
 * and shows a property only after load() and a sync.
 */
abstract class FakeClientObject {
  protected readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(
    protected readonly ctx: FakeContext,
    protected readonly objectName: string,
    private readonly nullable = false,
  ) {
    if (nullable) ctx.enqueue(`${objectName}.isNullObject`, () => (this.nullState = !this.exists()));
  }

  /** True when the target exists at this point of the queue. */
  protected abstract exists(): boolean;
  /** The value of a scalar property, read at sync time. */
  protected abstract read(property: string): unknown;
  /** Properties load() with no argument loads. */
  protected abstract readonly scalars: readonly string[];
  /** Navigation properties that a load path may go through ("worksheet/name"). */
  protected navigation(_name: string): FakeClientObject | undefined {
    return undefined;
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (this.nullState === undefined) throw notLoaded(this.objectName, "isNullObject");
    return this.nullState;
  }

  load(propertyNames?: string | string[] | { select?: string }): this {
    const names = loadNames(propertyNames);
    this.ctx.enqueue(`${this.objectName}.load`, () => this.loadNow(names.length ? names : [...this.scalars]));
    return this;
  }

  loadNow(names: readonly string[]): void {
    const exists = this.exists();
    for (const path of names) {
      const [head = "", ...rest] = path.split("/");
      const nav = this.navigation(head);
      if (nav) {
        if (exists) nav.loadNow(rest.length ? [rest.join("/")] : nav.scalars);
        continue;
      }
      if (!this.scalars.includes(head) && !this.extraLoadable(head)) {
        throw new FakeOfficeError(
          CODES.invalidArgument,
          `The property '${head}' does not exist on ${this.objectName}.`,
          `${this.objectName}.load`,
        );
      }
      this.loaded.set(head, exists ? this.read(head) : null);
    }
  }

  protected extraLoadable(_name: string): boolean {
    return false;
  }

  protected prop<T>(name: string): T {
    if (!this.loaded.has(name)) throw notLoaded(this.objectName, name);
    return this.loaded.get(name) as T;
  }

  protected set(location: string, run: () => void): void {
    this.ctx.enqueue(`${this.objectName}.${location}`, run);
  }
}

function loadNames(arg: string | string[] | { select?: string } | undefined): string[] {
  if (arg === undefined) return [];
  const raw =
    typeof arg === "string" ? arg.split(",") : Array.isArray(arg) ? arg : (arg.select ?? "").split(",");
  return raw.map((s) => s.trim()).filter((s) => s.length > 0);
}

const copyGrid = (values: unknown): unknown =>
  Array.isArray(values)
    ? values.map((row: unknown) => (Array.isArray(row) ? [...(row as unknown[])] : row))
    : values;

/** A collection: always exists, and loading it loads "items/…" paths on each of its items. */
abstract class FakeCollection<Item extends FakeClientObject> extends FakeClientObject {
  protected readonly scalars = [] as const;
  private itemList: Item[] | undefined;

  constructor(
    ctx: FakeContext,
    objectName: string,
    private readonly itemScalars: readonly string[],
  ) {
    super(ctx, objectName);
  }

  /** Proxies for the items present when the load runs. */
  protected abstract currentItems(): Item[];

  protected exists(): boolean {
    return true;
  }
  protected read(): unknown {
    return undefined;
  }

  override loadNow(names: readonly string[]): void {
    this.itemList = this.currentItems();
    const itemProps = names.map((n) => n.replace(/^items\//, "")).filter((n) => n !== "items");
    for (const item of this.itemList) item.loadNow(itemProps.length ? itemProps : this.itemScalars);
  }

  get items(): Item[] {
    if (!this.itemList) throw notLoaded(this.objectName, "items");
    return this.itemList;
  }
}

// ---------------------------------------------------------------- workbook

export class FakeWorkbook implements XlWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly names: FakeNamedItemCollection;

  constructor(ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.tables = new FakeTableCollection(ctx, () => undefined);
    this.names = new FakeNamedItemCollection(ctx);
  }
}

// ---------------------------------------------------------------- worksheets

type SheetRef = () => SheetModel | undefined;

export class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> implements XlWorksheetCollection {
  constructor(ctx: FakeContext) {
    super(ctx, "WorksheetCollection", FakeWorksheet.SCALARS);
  }

  protected currentItems(): FakeWorksheet[] {
    return this.ctx.model.sheets.map((s) => new FakeWorksheet(this.ctx, () => s));
  }

  add(name?: string): FakeWorksheet {
    let created: SheetModel | undefined;
    this.set("add", () => (created = this.ctx.model.addSheet(name)));
    return new FakeWorksheet(this.ctx, () => created);
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.model.requireSheet(key));
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.model.sheet(key), true);
  }
}

export class FakeWorksheet extends FakeClientObject implements XlWorksheet {
  static readonly SCALARS = ["id", "name", "visibility", "position"];
  protected readonly scalars = FakeWorksheet.SCALARS;
  readonly tables: FakeTableCollection;
  readonly charts: FakeChartCollection;
  readonly freezePanes: { freezeRows(count?: number): void };
  readonly onChanged: XlEvent<XlChangedArgs>;
  readonly onSelectionChanged: XlEvent<XlSelectionChangedArgs>;

  constructor(
    ctx: FakeContext,
    private readonly ref: SheetRef,
    nullable = false,
  ) {
    super(ctx, "Worksheet", nullable);
    this.tables = new FakeTableCollection(ctx, ref);
    this.charts = new FakeChartCollection(ctx, () => this.target());
    this.freezePanes = {
      freezeRows: (count = 1) => this.set("freezePanes.freezeRows", () => (this.target().frozenRows = count)),
    };
    this.onChanged = {
      add: (handler) => {
        const registration: XlEventRegistration = {
          remove: () =>
            ctx.enqueue("EventHandlerResult.remove", () => handlers(this.target()).delete(handler)),
          context: ctx,
        };
        this.set("onChanged.add", () => handlers(this.target()).add(handler));
        return registration;
      },
    };
    // ExcelApi 1.7: https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheet#excel-excel-worksheet-onselectionchanged-member
    this.onSelectionChanged = {
      add: (handler) => {
        const registration: XlEventRegistration = {
          remove: () =>
            ctx.enqueue("EventHandlerResult.remove", () => selectionHandlers(this.target()).delete(handler)),
          context: ctx,
        };
        this.set("onSelectionChanged.add", () => {
          ctx.requireApi(7, "Worksheet.onSelectionChanged");
          selectionHandlers(this.target()).add(handler);
        });
        return registration;
      },
    };
  }

  target(): SheetModel {
    const sheet = this.ref();
    if (!sheet)
      throw new FakeOfficeError(CODES.itemNotFound, "The requested resource doesn't exist.", this.objectName);
    return sheet;
  }

  protected exists(): boolean {
    return this.ref() !== undefined;
  }

  protected read(property: string): unknown {
    const sheet = this.target();
    if (property === "position") return this.ctx.model.sheets.indexOf(sheet);
    return sheet[property as "id" | "name" | "visibility"];
  }

  get id(): string {
    return this.prop("id");
  }
  get name(): string {
    return this.prop("name");
  }
  set name(value: string) {
    this.set("name", () => this.ctx.model.renameSheet(this.target(), value));
  }
  get visibility(): Visibility {
    return this.prop("visibility");
  }
  set visibility(value: Visibility) {
    this.set("visibility", () => this.ctx.model.setVisibility(this.target(), value));
  }
  get position(): number {
    return this.prop("position");
  }

  getRange(address?: string): FakeRange {
    if (address === undefined) {
      return new FakeRange(this.ctx, () => ({
        sheet: this.target(),
        box: { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLUMNS - 1 },
      }));
    }
    const parsed = parseAddress(address);
    return new FakeRange(this.ctx, () => {
      if (!parsed)
        throw new FakeOfficeError(
          CODES.invalidArgument,
          `The address '${address}' is not valid.`,
          "Worksheet.getRange",
        );
      return { sheet: this.target(), box: parsed.box };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      this.ctx.requireApi(7, "Worksheet.getRangeByIndexes");
      if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1) {
        throw new FakeOfficeError(
          CODES.invalidArgument,
          "The argument is invalid or missing or has an incorrect format.",
          "Worksheet.getRangeByIndexes",
        );
      }
      return {
        sheet: this.target(),
        box: {
          r0: startRow,
          c0: startColumn,
          r1: startRow + rowCount - 1,
          c1: startColumn + columnCount - 1,
        },
      };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const sheet = this.target();
        const box = sheet.usedBox(valuesOnly);
        return box ? { sheet, box } : undefined;
      },
      true,
    );
  }

  activate(): void {
    this.set("activate", () => {
      const sheet = this.target();
      if (sheet.visibility !== "Visible") {
        throw new FakeOfficeError(
          CODES.invalidOperation,
          "A hidden sheet can't be activated.",
          "Worksheet.activate",
        );
      }
      this.ctx.host.select(sheet.name, "A1");
    });
  }

  // https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member(1)
  delete(): void {
    this.set("delete", () => this.ctx.model.removeSheet(this.target()));
  }
}

type Handler = (args: XlChangedArgs) => Promise<unknown>;
const registry = new WeakMap<SheetModel, Set<Handler>>();
type SelectionHandler = (args: XlSelectionChangedArgs) => Promise<unknown>;
const selectionRegistry = new WeakMap<SheetModel, Set<SelectionHandler>>();

/** The onSelectionChanged handlers registered on a sheet (shared by every context). */
export function selectionHandlers(sheet: SheetModel): Set<SelectionHandler> {
  let set = selectionRegistry.get(sheet);
  if (!set) {
    set = new Set();
    selectionRegistry.set(sheet, set);
  }
  return set;
}

/** The onChanged handlers registered on a sheet (shared by every context). */
export function handlers(sheet: SheetModel): Set<Handler> {
  let set = registry.get(sheet);
  if (!set) {
    set = new Set();
    registry.set(sheet, set);
  }
  return set;
}

// ---------------------------------------------------------------- ranges

interface RangeTarget {
  sheet: SheetModel;
  box: Box;
}
type RangeRef = () => RangeTarget | undefined;

export class FakeRange extends FakeClientObject implements XlRange {
  static readonly SCALARS = [
    "address",
    "values",
    "numberFormat",
    "rowIndex",
    "columnIndex",
    "rowCount",
    "columnCount",
    "hyperlink",
    "formulas",
    "columnHidden",
  ];
  protected readonly scalars = FakeRange.SCALARS;
  private worksheetProxy: FakeWorksheet | undefined;
  // Made on first use: most ranges only get values, and a test workbook makes thousands.
  private formatProxy: FakeRangeFormat | undefined;
  private validationProxy: FakeDataValidation | undefined;

  constructor(
    ctx: FakeContext,
    private readonly ref: RangeRef,
    nullable = false,
  ) {
    super(ctx, "Range", nullable);
  }

  get format(): XlRangeFormat {
    this.formatProxy ??= new FakeRangeFormat(this.ctx, () => this.target());
    return this.formatProxy;
  }

  get dataValidation(): XlDataValidation {
    this.validationProxy ??= new FakeDataValidation(this.ctx, () => this.target());
    return this.validationProxy;
  }

  get conditionalFormats(): { add(type: "Custom"): XlConditionalFormat; clearAll(): void } {
    return {
      add: (type) => new FakeConditionalFormat(this.ctx, () => this.target(), type),
      clearAll: () =>
        this.set("conditionalFormats.clearAll", () => {
          const { sheet, box } = this.target();
          sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !intersect(cf.box, box));
        }),
    };
  }

  /** The range one load resolved: Excel resolves a range once per load, not once per property. */
  private pinned: { target: RangeTarget | undefined } | undefined;

  override loadNow(names: readonly string[]): void {
    this.pinned = { target: this.ref() };
    try {
      super.loadNow(names);
    } finally {
      this.pinned = undefined;
    }
  }

  private resolve(): RangeTarget | undefined {
    return this.pinned ? this.pinned.target : this.ref();
  }

  target(): RangeTarget {
    const t = this.resolve();
    if (!t)
      throw new FakeOfficeError(CODES.itemNotFound, "The requested resource doesn't exist.", this.objectName);
    return t;
  }

  protected exists(): boolean {
    return this.resolve() !== undefined;
  }

  protected override navigation(name: string): FakeClientObject | undefined {
    if (name === "worksheet") return this.worksheet;
    if (name === "format") return this.format as FakeRangeFormat;
    return undefined;
  }

  protected read(property: string): unknown {
    const { sheet, box } = this.target();
    switch (property) {
      case "address":
        return `${quoteSheet(sheet.name)}!${formatBox(box)}`;
      case "values":
        return this.ctx.model.readValues(sheet, box);
      case "formulas":
        return this.ctx.model.read(sheet, box, formulaOf);
      case "columnHidden":
        return this.ctx.model
          .read(sheet, { ...box, r1: box.r0 }, () => null)[0]
          ?.every((_, i) => sheet.hiddenColumns.has(box.c0 + i));
      case "numberFormat":
        return this.ctx.model.read(sheet, box, (cell) => cell?.numberFormat ?? "General");
      case "rowIndex":
        return box.r0;
      case "columnIndex":
        return box.c0;
      case "rowCount":
        return boxRows(box);
      case "hyperlink": {
        // The top-left cell's link when the whole range has that one link; null otherwise.
        const first = sheet.cell(box.r0, box.c0)?.hyperlink;
        const same = this.ctx.model.read(sheet, box, (cell) => cell?.hyperlink === first).flat();
        return first && same.every(Boolean) ? { ...first } : null;
      }
      default:
        return boxColumns(box);
    }
  }

  get address(): string {
    return this.prop("address");
  }
  get values(): XlValue[][] {
    return this.prop("values");
  }
  set values(values: unknown[][]) {
    const copy = copyGrid(values);
    this.set("values", () => {
      const { sheet, box } = this.target();
      this.ctx.recordChange(this.ctx.model.setValues(sheet, box, copy));
    });
  }
  /** https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-formulas-member */
  get formulas(): XlValue[][] {
    return this.prop("formulas");
  }
  set formulas(formulas: unknown[][]) {
    const copy = copyGrid(formulas);
    this.set("formulas", () => {
      const { sheet, box } = this.target();
      this.ctx.recordChange(this.ctx.model.setFormulas(sheet, box, copy));
    });
  }
  get numberFormat(): string[][] {
    return this.prop("numberFormat");
  }
  set numberFormat(formats: unknown[][]) {
    const copy = copyGrid(formats);
    this.set("numberFormat", () => {
      const { sheet, box } = this.target();
      this.ctx.model.setNumberFormat(sheet, box, copy);
    });
  }
  /** ExcelApi 1.7: https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-hyperlink-member */
  get hyperlink(): Excel.RangeHyperlink {
    return this.prop("hyperlink");
  }
  set hyperlink(link: Excel.RangeHyperlink) {
    this.ctx.requireApi(7, "Range.hyperlink");
    const copy = { ...link };
    this.set("hyperlink", () => {
      const { sheet, box } = this.target();
      this.ctx.recordChange(this.ctx.model.setHyperlink(sheet, box, copy));
    });
  }
  get rowIndex(): number {
    return this.prop("rowIndex");
  }
  get columnHidden(): boolean {
    return this.prop("columnHidden");
  }
  set columnHidden(hidden: boolean) {
    this.set("columnHidden", () => {
      const { sheet, box } = this.target();
      for (let c = box.c0; c <= box.c1; c++) {
        if (hidden) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
    });
  }
  get columnIndex(): number {
    return this.prop("columnIndex");
  }
  get rowCount(): number {
    return this.prop("rowCount");
  }
  get columnCount(): number {
    return this.prop("columnCount");
  }

  get worksheet(): FakeWorksheet {
    this.worksheetProxy ??= new FakeWorksheet(this.ctx, () => this.ref()?.sheet);
    return this.worksheetProxy;
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, box } = this.target();
      return { sheet, box: { r0: box.r0 + row, c0: box.c0 + column, r1: box.r0 + row, c1: box.c0 + column } };
    });
  }

  getColumn(column: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, box } = this.target();
      if (column < 0 || box.c0 + column > box.c1) {
        throw new FakeOfficeError(
          CODES.invalidArgument,
          "The column index is outside the range.",
          "Range.getColumn",
        );
      }
      return { sheet, box: { r0: box.r0, c0: box.c0 + column, r1: box.r1, c1: box.c0 + column } };
    });
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, box } = this.target();
      const moved = {
        r0: box.r0 + rowOffset,
        c0: box.c0 + columnOffset,
        r1: box.r1 + rowOffset,
        c1: box.c1 + columnOffset,
      };
      if (moved.r0 < 0 || moved.c0 < 0 || moved.r1 >= MAX_ROWS || moved.c1 >= MAX_COLUMNS) {
        throw new FakeOfficeError(
          CODES.invalidArgument,
          "The range would leave the sheet.",
          "Range.getOffsetRange",
        );
      }
      return { sheet, box: moved };
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, box } = this.target();
      const r1 = box.r1 + deltaRows;
      const c1 = box.c1 + deltaColumns;
      if (r1 < box.r0 || c1 < box.c0) {
        throw new FakeOfficeError(
          CODES.invalidArgument,
          "The range can't shrink below one cell.",
          "Range.getResizedRange",
        );
      }
      return { sheet, box: { ...box, r1, c1 } };
    });
  }

  getIntersectionOrNullObject(anotherRange: string): FakeRange {
    const parsed = parseAddress(anotherRange);
    return new FakeRange(
      this.ctx,
      () => {
        const { sheet, box } = this.target();
        if (!parsed)
          throw new FakeOfficeError(
            CODES.invalidArgument,
            `The address '${anotherRange}' is not valid.`,
            "Range.getIntersectionOrNullObject",
          );
        const both = intersect(box, parsed.box);
        return both ? { sheet, box: both } : undefined;
      },
      true,
    );
  }

  clear(applyTo: "All" | "Formats" | "Contents" = "All"): void {
    this.set("clear", () => {
      const { sheet, box } = this.target();
      this.ctx.recordChange(this.ctx.model.clear(sheet, box, applyTo));
    });
  }

  select(): void {
    this.set("select", () => {
      const { sheet, box } = this.target();
      if (sheet.visibility !== "Visible") {
        throw new FakeOfficeError(
          CODES.invalidSelection,
          "The current selection is invalid for this operation.",
          "Range.select",
        );
      }
      this.ctx.host.select(sheet.name, formatBox(box));
    });
  }
}

class FakeRangeFormat extends FakeClientObject implements XlRangeFormat {
  protected readonly scalars = ["columnWidth", "wrapText"];
  readonly fill: FakeFill;
  readonly font: FakeFont;

  constructor(
    ctx: FakeContext,
    private readonly range: () => RangeTarget,
  ) {
    super(ctx, "RangeFormat");
    this.fill = new FakeFill(ctx, range);
    this.font = new FakeFont(ctx, range);
  }

  protected exists(): boolean {
    return true;
  }

  protected override navigation(name: string): FakeClientObject | undefined {
    return name === "fill" ? this.fill : name === "font" ? this.font : undefined;
  }

  protected read(property: string): unknown {
    const { sheet, box } = this.range();
    if (property === "columnWidth") return sheet.columnWidths.get(box.c0) ?? DEFAULT_COLUMN_WIDTH;
    return uniform(this.ctx, this.range(), (cell) => cell?.wrap ?? false);
  }

  get columnWidth(): number {
    return this.prop("columnWidth");
  }
  set columnWidth(points: number) {
    this.set("columnWidth", () => {
      const { sheet, box } = this.range();
      for (let c = box.c0; c <= box.c1; c++) sheet.columnWidths.set(c, points);
    });
  }
  get wrapText(): boolean {
    return this.prop("wrapText");
  }
  set wrapText(wrap: boolean) {
    this.set("wrapText", () => eachCell(this.ctx, this.range(), (cell) => (cell.wrap = wrap)));
  }
}

/** Excel's default column width in points (8.43 characters). */
export const DEFAULT_COLUMN_WIDTH = 48;

class FakeFill extends FakeClientObject {
  protected readonly scalars = ["color"];
  constructor(
    ctx: FakeContext,
    private readonly range: () => RangeTarget,
  ) {
    super(ctx, "RangeFill");
  }
  protected exists(): boolean {
    return true;
  }
  protected read(): unknown {
    return uniform(this.ctx, this.range(), (cell) => cell?.fill ?? "#FFFFFF");
  }
  get color(): string {
    return this.prop("color");
  }
  set color(color: string) {
    this.set("color", () => eachCell(this.ctx, this.range(), (cell) => (cell.fill = color.toUpperCase())));
  }
  clear(): void {
    this.set("clear", () => eachCell(this.ctx, this.range(), (cell) => delete cell.fill));
  }
}

class FakeFont extends FakeClientObject {
  protected readonly scalars = ["bold", "color"];
  constructor(
    ctx: FakeContext,
    private readonly range: () => RangeTarget,
  ) {
    super(ctx, "RangeFont");
  }
  protected exists(): boolean {
    return true;
  }
  protected read(property: string): unknown {
    return property === "bold"
      ? uniform(this.ctx, this.range(), (cell) => cell?.bold ?? false)
      : uniform(this.ctx, this.range(), (cell) => cell?.fontColor ?? "#000000");
  }
  get bold(): boolean {
    return this.prop("bold");
  }
  set bold(bold: boolean) {
    this.set("bold", () => eachCell(this.ctx, this.range(), (cell) => (cell.bold = bold)));
  }
  get color(): string {
    return this.prop("color");
  }
  set color(color: string) {
    this.set("color", () =>
      eachCell(this.ctx, this.range(), (cell) => (cell.fontColor = color.toUpperCase())),
    );
  }
}

function eachCell(
  ctx: FakeContext,
  { sheet, box }: RangeTarget,
  fn: (cell: ReturnType<SheetModel["ensure"]>) => void,
): void {
  ctx.model.eachCell(sheet, box, fn);
}

/** Excel gives null for a format property that differs across the range. */
function uniform<T>(
  ctx: FakeContext,
  { sheet, box }: RangeTarget,
  pick: (cell: ReturnType<SheetModel["cell"]>) => T,
): T | null {
  const all = ctx.model.read(sheet, box, pick).flat();
  const first = all[0] as T;
  return all.every((v) => v === first) ? first : null;
}

const LIMITS = { promptTitle: 32, promptMessage: 255, alertTitle: 32, alertMessage: 225 };

class FakeDataValidation extends FakeClientObject implements XlDataValidation {
  protected readonly scalars = ["rule", "prompt", "errorAlert", "type"];
  constructor(
    ctx: FakeContext,
    private readonly range: () => RangeTarget,
  ) {
    super(ctx, "DataValidation");
  }
  protected exists(): boolean {
    return true;
  }
  protected read(property: string): unknown {
    const { sheet, box } = this.range();
    const v = sheet.cell(box.r0, box.c0)?.validation;
    if (property === "type") return v ? (Object.keys(v.rule)[0] ?? "None") : "None";
    return v?.[property as "rule" | "prompt" | "errorAlert"] ?? null;
  }
  private guard(location: string): void {
    this.ctx.requireApi(8, `DataValidation.${location}`);
  }
  get rule(): Excel.DataValidationRule {
    return this.prop("rule");
  }
  set rule(rule: Excel.DataValidationRule) {
    const copy = structuredClone(rule);
    this.set("rule", () => {
      this.guard("rule");
      const kinds = Object.keys(copy).filter((k) => copy[k as keyof Excel.DataValidationRule] !== undefined);
      if (kinds.length !== 1) {
        throw new FakeOfficeError(
          CODES.invalidArgument,
          "A data validation rule has exactly one type.",
          "DataValidation.rule",
        );
      }
      eachCell(this.ctx, this.range(), (cell) => (cell.validation = { ...cell.validation, rule: copy }));
    });
  }
  get prompt(): Excel.DataValidationPrompt {
    return this.prop("prompt");
  }
  set prompt(prompt: Excel.DataValidationPrompt) {
    this.setMessage("prompt", { ...prompt }, LIMITS.promptTitle, LIMITS.promptMessage, "input message");
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    return this.prop("errorAlert");
  }
  set errorAlert(alert: Excel.DataValidationErrorAlert) {
    this.setMessage("errorAlert", { ...alert }, LIMITS.alertTitle, LIMITS.alertMessage, "error alert");
  }
  /** Prompt and error alert: Excel caps their lengths and needs a rule on the cells first. */
  private setMessage<K extends "prompt" | "errorAlert">(
    kind: K,
    copy: NonNullable<Validation[K]>,
    maxTitle: number,
    maxMessage: number,
    what: string,
  ): void {
    this.set(kind, () => {
      this.guard(kind);
      const location = `DataValidation.${kind}`;
      if ((copy.title ?? "").length > maxTitle || (copy.message ?? "").length > maxMessage) {
        throw new FakeOfficeError(CODES.invalidArgument, `The ${what} is too long.`, location);
      }
      eachCell(this.ctx, this.range(), (cell) => {
        if (!cell.validation)
          throw new FakeOfficeError(CODES.invalidOperation, `Set a rule before the ${what}.`, location);
        cell.validation = { ...cell.validation, [kind]: copy };
      });
    });
  }
  clear(): void {
    this.set("clear", () => {
      this.guard("clear");
      eachCell(this.ctx, this.range(), (cell) => delete cell.validation);
    });
  }
}

class FakeConditionalFormat implements XlConditionalFormat {
  readonly custom: XlConditionalFormat["custom"];

  constructor(ctx: FakeContext, range: () => RangeTarget, type: string) {
    let model: ConditionalFormatModel | undefined;
    const target = (): ConditionalFormatModel => {
      if (!model)
        throw new FakeOfficeError(
          CODES.itemNotFound,
          "The conditional format doesn't exist.",
          "ConditionalFormat",
        );
      return model;
    };
    ctx.enqueue("ConditionalFormatCollection.add", () => {
      ctx.requireApi(6, "ConditionalFormatCollection.add");
      if (type !== "Custom")
        throw new FakeOfficeError(
          CODES.invalidArgument,
          `Only custom conditional formats are modelled (${type}).`,
        );
      const { sheet, box } = range();
      model = { box, formula: "" };
      sheet.conditionalFormats.push(model);
    });
    const setter = <K extends keyof ConditionalFormatModel>(field: K, location: string) => ({
      enumerable: true,
      get: () => {
        throw new FakeOfficeError(
          CODES.propertyNotLoaded,
          "Conditional format properties are write-only in the fake.",
          location,
        );
      },
      set: (value: ConditionalFormatModel[K]) => ctx.enqueue(location, () => (target()[field] = value)),
    });
    const rule = Object.defineProperty({}, "formula", setter("formula", "ConditionalFormatRule.formula")) as {
      formula: string;
    };
    const fill = Object.defineProperty({}, "color", setter("fill", "ConditionalRangeFill.color")) as {
      color: string;
    };
    const font = Object.defineProperty({}, "color", setter("fontColor", "ConditionalRangeFont.color")) as {
      color: string;
    };
    this.custom = { rule, format: { fill, font } };
  }
}

// ---------------------------------------------------------------- tables

export class FakeTableCollection extends FakeCollection<FakeTable> implements XlTableCollection {
  /** `sheet` is undefined for the workbook's collection. */
  constructor(
    ctx: FakeContext,
    private readonly sheet: SheetRef,
  ) {
    super(ctx, "TableCollection", FakeTable.SCALARS);
  }

  private scope(): TableModel[] {
    const sheet = this.sheet();
    return this.ctx.model.tables.filter((t) => !sheet || t.sheet === sheet);
  }

  protected currentItems(): FakeTable[] {
    return this.scope().map((t) => new FakeTable(this.ctx, () => t));
  }

  add(address: string, hasHeaders: boolean): FakeTable {
    let created: TableModel | undefined;
    this.set("add", () => {
      const parsed = parseAddress(address);
      const sheet = parsed?.sheet !== undefined ? this.ctx.model.sheet(parsed.sheet) : this.sheet();
      if (!parsed || !sheet)
        throw new FakeOfficeError(
          CODES.invalidArgument,
          `The address '${address}' is not valid.`,
          "TableCollection.add",
        );
      created = this.ctx.model.addTable(sheet, parsed.box, hasHeaders);
      this.ctx.recordChange({ sheet, box: created.box, changeType: "RangeEdited" });
    });
    return new FakeTable(this.ctx, () => created);
  }

  getItem(key: string): FakeTable {
    return new FakeTable(this.ctx, () => {
      const t = this.ctx.model.table(key);
      if (!t || !this.scope().includes(t))
        throw new FakeOfficeError(
          CODES.itemNotFound,
          `The table '${key}' doesn't exist.`,
          "TableCollection.getItem",
        );
      return t;
    });
  }

  getItemOrNullObject(key: string): FakeTable {
    return new FakeTable(
      this.ctx,
      () => {
        const t = this.ctx.model.table(key);
        return t && this.scope().includes(t) ? t : undefined;
      },
      true,
    );
  }
}

export class FakeTable extends FakeClientObject implements XlTable {
  static readonly SCALARS = ["id", "name"];
  protected readonly scalars = FakeTable.SCALARS;
  readonly rows: { add(index?: number, values?: XlValue[][]): unknown };
  readonly columns: {
    add(index?: number, values?: XlValue[][], name?: string): unknown;
    getItemOrNullObject(key: string): FakeTableColumn;
  };
  private worksheetProxy: FakeWorksheet | undefined;

  constructor(
    ctx: FakeContext,
    private readonly ref: () => TableModel | undefined,
    nullable = false,
  ) {
    super(ctx, "Table", nullable);
    this.rows = {
      add: (index, values) => {
        const copy = copyGrid(values) as unknown[][] | undefined;
        this.set("rows.add", () =>
          this.ctx.recordChange(this.ctx.model.addTableRows(this.target(), copy, index ?? undefined)),
        );
        return undefined;
      },
    };
    this.columns = {
      add: (index, values, name) => {
        const copy = copyGrid(values) as unknown[][] | undefined;
        this.set("columns.add", () => {
          const table = this.target();
          if (index !== undefined && index !== null && index !== table.columnCount) {
            throw new FakeOfficeError(
              CODES.invalidArgument,
              "The fake adds table columns at the end only.",
              "TableColumnCollection.add",
            );
          }
          this.ctx.recordChange(this.ctx.model.addTableColumn(table, copy, name));
        });
        return undefined;
      },
      getItemOrNullObject: (key) => new FakeTableColumn(this.ctx, () => this.ref(), key),
    };
  }

  target(): TableModel {
    const t = this.ref();
    if (!t)
      throw new FakeOfficeError(CODES.itemNotFound, "The requested resource doesn't exist.", this.objectName);
    return t;
  }

  protected exists(): boolean {
    return this.ref() !== undefined;
  }

  protected override navigation(name: string): FakeClientObject | undefined {
    return name === "worksheet" ? this.worksheet : undefined;
  }

  protected read(property: string): unknown {
    const t = this.target();
    return property === "id" ? t.id : t.name;
  }

  get id(): string {
    return this.prop("id");
  }
  get name(): string {
    return this.prop("name");
  }
  set name(name: string) {
    this.set("name", () => this.ctx.model.renameTable(this.target(), name));
  }

  get worksheet(): FakeWorksheet {
    this.worksheetProxy ??= new FakeWorksheet(this.ctx, () => this.ref()?.sheet);
    return this.worksheetProxy;
  }

  getRange(): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.target().sheet, box: this.target().box }));
  }
  resize(newRange: string): void {
    this.ctx.requireApi(13, "Table.resize");
    this.set("resize", () => {
      const parsed = parseAddress(newRange);
      if (!parsed)
        throw new FakeOfficeError(CODES.invalidArgument, "The address is not valid.", "Table.resize");
      this.ctx.model.resizeTable(this.target(), parsed.box);
    });
  }
  getHeaderRowRange(): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.target().sheet, box: this.target().headerBox }));
  }
  getDataBodyRange(): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.target().sheet, box: this.target().bodyBox }));
  }
}

/** A table column found by its header text (TableColumnCollection.getItemOrNullObject, ExcelApi 1.4). */
export class FakeTableColumn extends FakeClientObject {
  protected readonly scalars = ["name", "index"];

  constructor(
    ctx: FakeContext,
    private readonly table: () => TableModel | undefined,
    private readonly key: string,
  ) {
    super(ctx, "TableColumn", true);
  }

  private index(): number | undefined {
    const t = this.table();
    if (!t) return undefined;
    const i = this.ctx.model.headers(t).findIndex((h) => h.toLowerCase() === this.key.toLowerCase());
    return i < 0 ? undefined : i;
  }

  protected exists(): boolean {
    return this.index() !== undefined;
  }

  protected read(property: string): unknown {
    const i = this.index() as number;
    return property === "index" ? i : this.ctx.model.headers(this.table() as TableModel)[i];
  }

  getDataBodyRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.table();
      const i = this.index();
      if (!t || i === undefined) return undefined;
      return { sheet: t.sheet, box: { ...t.bodyBox, c0: t.c0 + i, c1: t.c0 + i } };
    });
  }
}

// ---------------------------------------------------------------- names

export class FakeNamedItemCollection extends FakeCollection<FakeNamedItem> implements XlNamedItemCollection {
  constructor(ctx: FakeContext) {
    super(ctx, "NamedItemCollection", FakeNamedItem.SCALARS);
  }

  protected currentItems(): FakeNamedItem[] {
    return this.ctx.model.names.map((n) => new FakeNamedItem(this.ctx, () => n));
  }

  add(name: string, reference: XlRange | string, comment = ""): FakeNamedItem {
    let created: NameModel | undefined;
    this.set("add", () => {
      let target: RangeTarget;
      if (typeof reference === "string") {
        const parsed = parseAddress(reference.replace(/^=/, ""));
        const sheet = parsed?.sheet === undefined ? undefined : this.ctx.model.sheet(parsed.sheet);
        if (!parsed || !sheet)
          throw new FakeOfficeError(
            CODES.invalidArgument,
            `The reference '${reference}' is not valid.`,
            "NamedItemCollection.add",
          );
        target = { sheet, box: parsed.box };
      } else if (reference instanceof FakeRange) {
        target = reference.target();
      } else {
        throw new FakeOfficeError(
          CODES.invalidArgument,
          "The reference must be a range of this workbook.",
          "NamedItemCollection.add",
        );
      }
      created = this.ctx.model.addName(name, target.sheet, target.box, comment);
    });
    return new FakeNamedItem(this.ctx, () => created);
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => {
      const found = this.ctx.model.name(name);
      if (!found) throw new FakeOfficeError(CODES.itemNotFound, `The name '${name}' doesn't exist.`);
      return found;
    });
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => this.ctx.model.name(name), true);
  }
}

export class FakeNamedItem extends FakeClientObject implements XlNamedItem {
  static readonly SCALARS = ["name", "formula", "comment", "type"];
  protected readonly scalars = FakeNamedItem.SCALARS;

  constructor(
    ctx: FakeContext,
    private readonly ref: () => NameModel | undefined,
    nullable = false,
  ) {
    super(ctx, "NamedItem", nullable);
  }
  protected exists(): boolean {
    return this.ref() !== undefined;
  }
  protected read(property: string): unknown {
    const n = this.ref() as NameModel;
    if (property === "formula") return this.ctx.model.nameFormula(n);
    if (property === "type") return "Range";
    return n[property as "name" | "comment"];
  }
  get name(): string {
    return this.prop("name");
  }
  get formula(): string {
    return this.prop("formula");
  }
  delete(): void {
    this.set("delete", () => {
      this.ctx.requireApi(4, "NamedItem.delete");
      const n = this.ref();
      if (!n)
        throw new FakeOfficeError(
          CODES.itemNotFound,
          "The requested resource doesn't exist.",
          "NamedItem.delete",
        );
      this.ctx.model.removeName(n);
    });
  }
  getRangeOrNullObject(): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const n = this.ref();
        return n && !n.broken && this.ctx.model.sheets.includes(n.sheet)
          ? { sheet: n.sheet, box: n.box }
          : undefined;
      },
      true,
    );
  }
}

// ---------------------------------------------------------------- charts

class FakeChartCollection implements XlChartCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => SheetModel,
  ) {}

  add(
    type: "ColumnClustered" | "BarClustered",
    sourceData: XlRange,
    _seriesBy?: "Auto" | "Columns" | "Rows",
  ): FakeChart {
    let created: ReturnType<FakeChart["target"]> | undefined;
    this.ctx.enqueue("ChartCollection.add", () => {
      if (!(sourceData instanceof FakeRange))
        throw new FakeOfficeError(CODES.invalidArgument, "The source must be a range of this workbook.");
      const sheet = this.sheet();
      let n = sheet.charts.length + 1;
      while (sheet.charts.some((c) => c.name === `Chart ${n}`)) n += 1;
      created = { name: `Chart ${n}`, type, source: sourceData.target().box, title: "" };
      sheet.charts.push(created);
    });
    return new FakeChart(this.ctx, () => created, this.sheet);
  }

  getItemOrNullObject(name: string): FakeChart {
    return new FakeChart(this.ctx, () => this.sheet().charts.find((c) => c.name === name), this.sheet, true);
  }
}

class FakeChart extends FakeClientObject implements XlChart {
  protected readonly scalars = ["name"];
  readonly title: { text: string };

  constructor(
    ctx: FakeContext,
    private readonly ref: () => SheetModel["charts"][number] | undefined,
    private readonly sheet: () => SheetModel,
    nullable = false,
  ) {
    super(ctx, "Chart", nullable);
    const title = {};
    Object.defineProperty(title, "text", {
      get: () => {
        throw notLoaded("ChartTitle", "text");
      },
      set: (text: string) => this.set("title.text", () => (this.target().title = text)),
    });
    this.title = title as { text: string };
  }

  target(): SheetModel["charts"][number] {
    const c = this.ref();
    if (!c) throw new FakeOfficeError(CODES.itemNotFound, "The chart doesn't exist.", "Chart");
    return c;
  }
  protected exists(): boolean {
    return this.ref() !== undefined;
  }
  protected read(): unknown {
    return this.target().name;
  }
  get name(): string {
    return this.prop("name");
  }
  set name(name: string) {
    this.set("name", () => (this.target().name = name));
  }
  setPosition(startCell: string, endCell?: string): void {
    this.set("setPosition", () => (this.target().position = endCell ? `${startCell}:${endCell}` : startCell));
  }
  delete(): void {
    this.set("delete", () => {
      const sheet = this.sheet();
      sheet.charts = sheet.charts.filter((c) => c !== this.target());
    });
  }
}
