import {
  COLORS,
  HEADER_FONT,
  HEADER_ROW,
  INFO_COLUMNS,
  INFO_SHEET_COLUMNS,
  type InfoRow,
  numberFormatFor,
  TITLE_FONT,
  validationFor,
  pointsFromCharacters,
} from "../core/layout";
import type { LocalizedText } from "../core/pack/schema";
import type { XlWorkbook, XlWorksheet } from "./api";
import { applyFont, applyValidation } from "./format";

export { INFO_COLUMNS };

/** Title, header, widths and frozen header of a new 基本信息 sheet, as the core lays it out. */
export function writeInfoFrame(sheet: XlWorksheet, title: LocalizedText): void {
  const titleCell = sheet.getRangeByIndexes(0, 0, 1, 1);
  titleCell.values = [[title.zh]];
  applyFont(titleCell, TITLE_FONT);
  const header = sheet.getRangeByIndexes(HEADER_ROW - 1, 0, 1, INFO_SHEET_COLUMNS.length);
  header.values = [INFO_SHEET_COLUMNS.map((c) => c.header.zh)];
  applyFont(header, HEADER_FONT);
  header.format.fill.color = COLORS.header;
  INFO_SHEET_COLUMNS.forEach(
    (c, i) => (sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = pointsFromCharacters(c.width)),
  );
  sheet.freezePanes.freezeRows(HEADER_ROW);
}

/** Writes one input row at a 0-based sheet row (label, unit, help, value format and validation, name). */
export function writeInfoRow(
  workbook: XlWorkbook,
  sheet: XlWorksheet,
  row: InfoRow,
  at: number,
  addName: boolean,
): void {
  const label = sheet.getRangeByIndexes(at, INFO_COLUMNS.label, 1, 1);
  label.values = [[row.label.zh]];
  label.format.fill.color = COLORS.fixed;
  if (row.unit) sheet.getRangeByIndexes(at, INFO_COLUMNS.unit, 1, 1).values = [[row.unit.zh]];
  if (row.help) sheet.getRangeByIndexes(at, INFO_COLUMNS.help, 1, 1).values = [[row.help.zh]];
  const value = sheet.getRangeByIndexes(at, INFO_COLUMNS.value, 1, 1);
  value.numberFormat = [[numberFormatFor(row.type)]];
  const spec = validationFor(row.type, row.label, row.help, row.values);
  if (spec) applyValidation(value, spec);
  if (addName) workbook.names.add(row.name, value);
}
