import { type InfoRow, WORKBOOK_LOCALE } from "../core/layout";
import { t } from "../i18n";
import type { XlWorkbook, XlWorksheet } from "./api";
import { applyValidation, FILLS, numberFormatFor, POINTS_PER_CHARACTER, validationFor } from "./format";

/** 基本信息: label (A), value (B, a named cell TZ_<id>), unit (C), help (D), 校验 (E). */
export const INFO_COLUMNS = { label: 0, value: 1, unit: 2, help: 3, check: 4 } as const;
const WIDTHS = [18, 20, 8, 48, 40];

export function writeInfoFrame(sheet: XlWorksheet): void {
  const title = sheet.getRangeByIndexes(0, 0, 1, 1);
  title.values = [[t(WORKBOOK_LOCALE, "excel.info.title")]];
  title.format.font.bold = true;
  const header = sheet.getRangeByIndexes(1, 0, 1, WIDTHS.length);
  header.values = [
    ["label", "value", "unit", "help", "check"].map((k) => t(WORKBOOK_LOCALE, `excel.info.header.${k}`)),
  ];
  header.format.font.bold = true;
  header.format.fill.color = FILLS.header;
  WIDTHS.forEach(
    (w, i) => (sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = w * POINTS_PER_CHARACTER),
  );
  sheet.freezePanes.freezeRows(2);
}

/** Writes one input row at a 0-based sheet row (label, unit, help, value format and validation, name). */
export function writeInfoRow(
  workbook: XlWorkbook,
  sheet: XlWorksheet,
  row: InfoRow,
  at: number,
  addName: boolean,
): void {
  sheet.getRangeByIndexes(at, INFO_COLUMNS.label, 1, 1).values = [[row.label.zh]];
  sheet.getRangeByIndexes(at, INFO_COLUMNS.unit, 1, 2).values = [[row.unit?.zh ?? "", row.help?.zh ?? ""]];
  const value = sheet.getRangeByIndexes(at, INFO_COLUMNS.value, 1, 1);
  value.numberFormat = [[numberFormatFor(row.type)]];
  const spec = validationFor(row.type, row.label.zh, row.help?.zh ?? row.label.zh);
  if (spec) applyValidation(value, spec);
  if (addName) workbook.names.add(row.name, value);
}
