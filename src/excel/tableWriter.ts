import {
  COLORS,
  columnNumberFormat,
  columnValidation,
  HEADER_FONT,
  type PrefilledRow,
  statusColumnOf,
  statusPrompt,
  type TableLayout,
  type TablePlacement,
  tableConditionalFormats,
  tableTitle,
  TITLE_FONT,
  wrapsText,
  pointsFromCharacters,
} from "../core/layout";
import { columnLetters } from "./address";
import type { XlRange, XlTable, XlValue, XlWorksheet } from "./api";
import { applyConditionalFormat, applyFont, applyValidation } from "./format";

/**
 * Creates a Taizhang table where the core placed it: title, header, number formats, the fixed
 * cells, validation with prompts, per-item prompts on 状态, conditional fills, widths. A ledger's
 * formats and validation reach below its one-row table, so records typed there (as LibreOffice
 * and WPS leave them) get the same help. Everything is queued; nothing is synced here.
 */
export function createTable(
  sheet: XlWorksheet,
  placement: TablePlacement,
  name: string,
  first: boolean,
): XlTable {
  const layout = placement.table;
  const width = layout.columns.length;
  // 0-based rows of the sheet.
  const headerRow = placement.headerRow - 1;
  const firstBody = headerRow + 1;
  const bodyRows = placement.lastTableRow - placement.headerRow;
  const formattedRows = placement.lastFormattedRow - placement.headerRow;

  const title = sheet.getRangeByIndexes(placement.titleRow - 1, 0, 1, 1);
  title.values = [[tableTitle(layout).zh]];
  applyFont(title, TITLE_FONT);

  layout.columns.forEach((column, c) => {
    sheet.getRangeByIndexes(firstBody, c, formattedRows, 1).numberFormat = [[columnNumberFormat(column)]];
  });
  const header = sheet.getRangeByIndexes(headerRow, 0, 1, width);
  header.values = [layout.columns.map((c) => c.header.zh)];
  applyFont(header, HEADER_FONT);
  header.format.fill.color = COLORS.header;
  if (layout.rows.length > 0) {
    sheet.getRangeByIndexes(firstBody, 0, bodyRows, width).values = layout.rows.map((row) =>
      layout.columns.map((c) => (row.cells[c.id] ?? "") as XlValue),
    );
  }
  const table = sheet.tables.add(
    `A${headerRow + 1}:${columnLetters(width - 1)}${headerRow + 1 + bodyRows}`,
    true,
  );
  table.name = name;

  layout.columns.forEach((column, c) => {
    const spec = columnValidation(column);
    if (spec) applyValidation(sheet.getRangeByIndexes(firstBody, c, formattedRows, 1), spec);
    if (first) sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = pointsFromCharacters(column.width);
    if (column.fixed) sheet.getRangeByIndexes(firstBody, c, bodyRows, 1).format.fill.color = COLORS.fixed;
    if (wrapsText(column)) sheet.getRangeByIndexes(firstBody, c, formattedRows, 1).format.wrapText = true;
  });
  writeStatusPrompts(layout, layout.rows, (i, c) => sheet.getRangeByIndexes(firstBody + i, c, 1, 1));
  // Formats added without a priority rank in the order added, the first winning, so the core's
  // highest-priority-first list is added as it comes. Office.js sample "conditional-formatting-
  // advanced": https://learn.microsoft.com/en-us/javascript/api/excel/excel.conditionalformattype
  for (const cf of tableConditionalFormats(placement)) {
    applyConditionalFormat(
      sheet.getRangeByIndexes(
        cf.firstRow - 1,
        cf.firstColumn,
        cf.lastRow - cf.firstRow + 1,
        cf.lastColumn - cf.firstColumn + 1,
      ),
      cf,
    );
  }
  if (first) sheet.freezePanes.freezeRows(headerRow + 1);
  return table;
}

/** The input message of each item's 状态 cell shows its requirement and clause. */
export function writeStatusPrompts(
  layout: TableLayout,
  rows: readonly PrefilledRow[],
  cellAt: (i: number, statusColumn: number) => XlRange,
): void {
  const statusColumn = statusColumnOf(layout.columns);
  const column = layout.columns[statusColumn];
  const spec = column ? columnValidation(column) : null;
  if (!spec) return;
  rows.forEach((row, i) => {
    const cell = cellAt(i, statusColumn);
    if (row.ledger) {
      // The ledger's result, written at each check: no dropdown, the fill of cells not to edit.
      cell.dataValidation.clear();
      cell.format.fill.color = COLORS.fixed;
      return;
    }
    // The whole rule, not only the prompt: a row added below a ledger-type row inherits no rule.
    applyValidation(cell, statusPrompt(spec, row.itemId, row.cells));
  });
}
