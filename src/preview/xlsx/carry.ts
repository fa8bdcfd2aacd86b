import type { XlValue } from "../../excel/api";
import type { Cell, FakeExcel, SheetModel, TableModel } from "../../sim";
import type { ExcelJS } from "../../xlsx/exceljs";

/**
 * What a file held that the fake does not model, kept beside it so saving writes it back.
 * Keyed by the fake's own objects, which move with their cells, sheets and tables.
 */
export interface Carry {
  cells: WeakMap<Cell, CellCarry>;
  sheets: WeakMap<SheetModel, SheetCarry>;
  tables: WeakMap<TableModel, ExcelJS.TableStyleProperties>;
  /** Defined names the fake cannot hold: sheet-scoped, several ranges, constants, formulas. */
  names: { name: string; ranges: string[] }[];
}

export interface CellCarry {
  /** Font size and face, borders, alignment, protection… (the fake keeps format, fill, bold, colour, wrap). */
  style?: Partial<ExcelJS.Style>;
  /** A formula, rich text, hyperlink or error, written back while the cell still shows `shown`. */
  original?: ExcelJS.CellValue;
  shown?: XlValue;
  /** The cell's comment (note); it moves with the cell when rows or columns are inserted. */
  note?: ExcelJS.Comment | string;
}

export interface SheetCarry {
  pageSetup?: Partial<ExcelJS.PageSetup>;
  properties?: Partial<ExcelJS.WorksheetProperties>;
  view?: Partial<ExcelJS.WorksheetView>;
  columns: { index: number; style?: Partial<ExcelJS.Style>; hidden?: boolean }[];
  /** Conditional formats other than "formula → fill / font colour" (data bars, icon sets…). */
  otherFormats: ExcelJS.ConditionalFormattingOptions[];
  /** Validations as stated (whole columns, before the capped expansion), by their stored JSON. */
  validationRanges: Map<string, { sqref: string; expanded: string }>;
  /** Merged ranges by their corner cells, so a merge moves with its cells on an upgrade. */
  merges: { from: Cell; to: Cell }[];
  /** Pictures as the file anchored them (they float over the grid, as in Excel). */
  images: { image: ExcelJS.Image; range: ExcelJS.ImageRange & { editAs?: string } }[];
}

/** A workbook in the preview: the fake Excel the task pane runs on, plus what the file carried. */
export interface PreviewWorkbook {
  excel: FakeExcel;
  carry: Carry;
}

export const emptyCarry = (): Carry => ({
  cells: new WeakMap(),
  sheets: new WeakMap(),
  tables: new WeakMap(),
  names: [],
});
