/**
 * The subset of the Excel JavaScript API that Taizhang uses. The adapter is written against these
 * interfaces; the real Office.js objects must satisfy them (checked at the bottom of this file, so
 * a change in @types/office-js is a compile error) and the fake in ./fake implements them.
 */

/** What a cell holds when read through `values`: "" for empty, dates as serial numbers. */
export type XlValue = string | number | boolean;

export type XlEnum<T extends string> = T;

export interface XlLoadable {
  load(propertyNames: string | string[]): this;
}

export interface XlContext {
  readonly workbook: XlWorkbook;
  sync(): Promise<unknown>;
}

/** `Excel.run` or a stand-in for it. */
export type XlRun = <T>(batch: (context: XlContext) => Promise<T>) => Promise<T>;

/** The part of Excel.RunOptions Taizhang uses. */
export interface XlRunOptions {
  /** Every sync of the batch is one undo step (ExcelApi 1.20). */
  mergeUndoGroup?: boolean;
}

/** `Excel.run(options, batch)` or a stand-in for it. */
export type XlRunWith = <T>(options: XlRunOptions, batch: (context: XlContext) => Promise<T>) => Promise<T>;

export interface XlWorkbook {
  readonly worksheets: XlWorksheetCollection;
  readonly tables: XlTableCollection;
  readonly names: XlNamedItemCollection;
}

export interface XlWorksheetCollection extends XlLoadable {
  readonly items: XlWorksheet[];
  add(name?: string): XlWorksheet;
  getItem(key: string): XlWorksheet;
  getItemOrNullObject(key: string): XlWorksheet;
}

export interface XlChangedArgs {
  readonly address: string;
  readonly changeType: string;
  readonly source: string;
  readonly type: string;
  readonly worksheetId: string;
  /** Only when a single cell changed (ExcelApi 1.9). */
  readonly details?: { valueAfter: unknown; valueBefore: unknown };
  /** ExcelApi 1.14. */
  readonly triggerSource?: string;
}

/** Worksheet.onSelectionChanged (ExcelApi 1.7). */
export interface XlSelectionChangedArgs {
  readonly address: string;
  readonly type: string;
  readonly worksheetId: string;
}

export interface XlEventRegistration {
  remove(): void;
  readonly context: { sync(): Promise<unknown> };
}

export interface XlEvent<T> {
  add(handler: (args: T) => Promise<unknown>): XlEventRegistration;
}

export interface XlWorksheet extends XlLoadable {
  readonly id: string;
  name: string;
  visibility: XlEnum<"Visible" | "Hidden" | "VeryHidden">;
  readonly isNullObject: boolean;
  readonly tables: XlTableCollection;
  readonly charts: XlChartCollection;
  readonly freezePanes: { freezeRows(count?: number): void };
  readonly onChanged: XlEvent<XlChangedArgs>;
  /** ExcelApi 1.7. */
  readonly onSelectionChanged: XlEvent<XlSelectionChangedArgs>;
  getRange(address?: string): XlRange;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XlRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  activate(): void;
  /** Fails with InvalidOperation on a VeryHidden sheet (make it Hidden first). */
  delete(): void;
}

export interface XlTableCollection extends XlLoadable {
  readonly items: XlTable[];
  add(address: string, hasHeaders: boolean): XlTable;
  getItem(key: string): XlTable;
  getItemOrNullObject(key: string): XlTable;
}

export interface XlTable extends XlLoadable {
  readonly id: string;
  name: string;
  readonly isNullObject: boolean;
  readonly worksheet: XlWorksheet;
  readonly rows: { add(index?: number, values?: XlValue[][]): unknown };
  readonly columns: {
    add(index?: number, values?: XlValue[][], name?: string): unknown;
    /** By header text (ExcelApi 1.4). */
    getItemOrNullObject(key: string): XlTableColumn;
  };
  getRange(): XlRange;
  /** ExcelApi 1.13: the table covers `newRange` (same header row); no cell moves. */
  resize(newRange: string): void;
  getHeaderRowRange(): XlRange;
  getDataBodyRange(): XlRange;
}

export interface XlTableColumn {
  readonly isNullObject: boolean;
  getDataBodyRange(): XlRange;
}

export interface XlRangeFormat {
  readonly fill: { color: string; clear(): void };
  readonly font: { bold: boolean; color: string };
  columnWidth: number;
  wrapText: boolean;
}

export interface XlDataValidation {
  rule: Excel.DataValidationRule;
  prompt: Excel.DataValidationPrompt;
  errorAlert: Excel.DataValidationErrorAlert;
  clear(): void;
}

export interface XlConditionalFormat {
  readonly custom: {
    readonly rule: { formula: string };
    readonly format: { readonly fill: { color: string }; readonly font: { color: string } };
  };
}

export interface XlRange extends XlLoadable {
  readonly address: string;
  // Office.js types cell values as any[][]; unknown keeps callers honest.
  values: unknown[][];
  /** Hides or shows the range's whole columns (ExcelApi 1.2). */
  columnHidden: boolean;
  /** Formulas with "=" (a cell without one gives its value); writing "=…" stores a formula. */
  formulas: unknown[][];
  numberFormat: unknown[][];
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly isNullObject: boolean;
  readonly worksheet: XlWorksheet;
  readonly format: XlRangeFormat;
  readonly dataValidation: XlDataValidation;
  readonly conditionalFormats: { add(type: XlEnum<"Custom">): XlConditionalFormat; clearAll(): void };
  getCell(row: number, column: number): XlRange;
  getColumn(column: number): XlRange;
  /** The same-sized range moved by rows and columns. */
  getOffsetRange(rowOffset: number, columnOffset: number): XlRange;
  /** ExcelApi 1.3: the range grown (or shrunk) by rows and columns from its top-left cell. */
  getResizedRange(deltaRows: number, deltaColumns: number): XlRange;
  getIntersectionOrNullObject(anotherRange: string): XlRange;
  clear(applyTo?: XlEnum<"All" | "Formats" | "Contents">): void;
  select(): void;
}

export interface XlChartCollection {
  add(
    type: XlEnum<"ColumnClustered" | "BarClustered">,
    sourceData: XlRange,
    seriesBy?: XlEnum<"Auto" | "Columns" | "Rows">,
  ): XlChart;
  getItemOrNullObject(name: string): XlChart;
}

export interface XlChart {
  name: string;
  readonly isNullObject: boolean;
  readonly title: { text: string };
  setPosition(startCell: string, endCell?: string): void;
  delete(): void;
}

export interface XlNamedItemCollection extends XlLoadable {
  readonly items: XlNamedItem[];
  add(name: string, reference: XlRange | string, comment?: string): XlNamedItem;
  getItem(name: string): XlNamedItem;
  getItemOrNullObject(name: string): XlNamedItem;
}

export interface XlNamedItem extends XlLoadable {
  readonly name: string;
  readonly isNullObject: boolean;
  getRangeOrNullObject(): XlRange;
  /** ExcelApi 1.4. */
  delete(): void;
}

/** `Office.context.requirements.isSetSupported`, or a stand-in. */
export type IsSetSupported = (name: string, minVersion: string) => boolean;

// API drift check: the real Office.js objects must fit the subset above.
type Fits<Subset, Real extends Subset> = Real;
export type _DriftChecks = [
  Fits<XlContext, Excel.RequestContext>,
  Fits<XlWorkbook, Excel.Workbook>,
  Fits<XlWorksheet, Excel.Worksheet>,
  Fits<XlTable, Excel.Table>,
  Fits<XlRange, Excel.Range>,
  Fits<XlNamedItem, Excel.NamedItem>,
  Fits<XlChart, Excel.Chart>,
  Fits<XlChangedArgs, Excel.WorksheetChangedEventArgs>,
  Fits<XlSelectionChangedArgs, Excel.WorksheetSelectionChangedEventArgs>,
  Fits<XlRun, typeof Excel.run>,
  Fits<XlRunOptions, Excel.RunOptions>,
];
