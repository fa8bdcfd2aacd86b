import type { CellValue } from "../../snapshot";

/** One column of a block: its header, the help key (`packTable.help.<help>`), width and dropdown. */
export interface TableColumnSpec {
  header: string;
  help: string;
  width: number;
  /** A dropdown; `strict` refuses other values, otherwise the list only offers choices. */
  list?: { values: readonly string[]; strict: boolean };
}

/** A header row and its data rows; a block may have a title row above it. */
export interface TableBlockSpec {
  title?: string;
  columns: readonly TableColumnSpec[];
  rows: readonly (readonly CellValue[])[];
}

export interface TableSheetSpec {
  name: string;
  blocks: readonly TableBlockSpec[];
}

/** The 细则 workbook as data: what the .xlsx adapter renders, cell for cell. */
export interface PackTableSpec {
  sheets: readonly TableSheetSpec[];
}

/** A sheet's blocks laid out as rows: a block's title, its header, its rows, a blank row between blocks. */
export interface SheetLayout {
  rows: CellValue[][];
  /** 0-based rows of each block's header, in block order, and of its title (null without one). */
  headers: number[];
  titles: (number | null)[];
}

export function layoutSheet(sheet: TableSheetSpec): SheetLayout {
  const rows: CellValue[][] = [];
  const headers: number[] = [];
  const titles: (number | null)[] = [];
  sheet.blocks.forEach((block, index) => {
    if (index > 0) rows.push([]);
    if (block.title) {
      titles.push(rows.length);
      rows.push([block.title]);
    } else titles.push(null);
    headers.push(rows.length);
    rows.push(block.columns.map((c) => c.header));
    for (const row of block.rows) rows.push([...row]);
  });
  return { rows, headers, titles };
}
