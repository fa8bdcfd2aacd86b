import { HEADER_ROW, type PrefilledRow, type TableLayout, WORKBOOK_LOCALE } from "../core/layout";
import { t } from "../i18n";
import { columnLetters } from "./address";
import type { XlRange, XlTable, XlValue, XlWorksheet } from "./api";
import {
  addFailingRowFormats,
  applyValidation,
  columnValidation,
  FILLS,
  numberFormatFor,
  POINTS_PER_CHARACTER,
} from "./format";

/** Row of the first table on a new sheet: the title above it, the header on HEADER_ROW. */
export const FIRST_HEADER_ROW = HEADER_ROW - 1;
/** Blank rows between two tables stacked on one sheet (plus the second one's title row). */
export const TABLE_GAP = 2;

/** How many sheet rows a new table takes, title row included. */
export function tableHeight(table: TableLayout): number {
  return 1 + 1 + Math.max(table.rows.length, 1);
}

/**
 * Creates a Taizhang table on a sheet: title, header, number formats, the fixed cells, list / date /
 * number validation with Chinese prompts, per-item prompts on 状态, failing-row colours, widths.
 * `headerRow` is 0-based. Everything is queued; nothing is synced here.
 */
export function createTable(
  sheet: XlWorksheet,
  layout: TableLayout,
  name: string,
  headerRow: number,
  first: boolean,
): XlTable {
  const width = layout.columns.length;
  const bodyRows = Math.max(layout.rows.length, 1);
  const firstBody = headerRow + 1;

  const title = sheet.getRangeByIndexes(headerRow - 1, 0, 1, 1);
  title.values = [[layout.title.zh]];
  title.format.font.bold = true;

  layout.columns.forEach((column, c) => {
    sheet.getRangeByIndexes(firstBody, c, bodyRows, 1).numberFormat = [
      [column.fixed && column.type === "number" ? "General" : numberFormatFor(column.type)],
    ];
  });
  const header = sheet.getRangeByIndexes(headerRow, 0, 1, width);
  header.values = [layout.columns.map((c) => c.header.zh)];
  header.format.font.bold = true;
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
    if (spec) applyValidation(sheet.getRangeByIndexes(firstBody, c, bodyRows, 1), spec);
    if (first) sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = column.width * POINTS_PER_CHARACTER;
    if (column.fixed) sheet.getRangeByIndexes(firstBody, c, bodyRows, 1).format.fill.color = FILLS.retired;
  });
  writeStatusPrompts(layout, layout.rows, (i, c) => sheet.getRangeByIndexes(firstBody + i, c, 1, 1));
  const checkColumn = layout.columns.findIndex((c) => c.output);
  if (checkColumn >= 0) {
    const body = sheet.getRangeByIndexes(firstBody, 0, bodyRows, width);
    addFailingRowFormats(body, checkColumn, firstBody + 1);
    sheet.getRangeByIndexes(firstBody, checkColumn, bodyRows, 1).format.wrapText = true;
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
  const statusColumn = layout.columns.findIndex((c) => c.id === "status" || c.id === "occurred");
  if (statusColumn < 0) return;
  rows.forEach((row, i) => {
    const requirement = String(row.cells.requirement ?? "");
    const clause = String(row.cells.clause ?? "");
    const message = t(WORKBOOK_LOCALE, "excel.dv.statusPrompt", { requirement, clause });
    cellAt(i, statusColumn).dataValidation.prompt = {
      showPrompt: true,
      title: row.itemId.slice(0, 32),
      message: message.slice(0, 255),
    };
  });
}
