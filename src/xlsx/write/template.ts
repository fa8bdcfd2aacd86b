import {
  cellAddress,
  columnLetter,
  HEADER_ROW,
  INFO_VALUE_COLUMN,
  layoutFor,
  metaFor,
  metaRows,
  type InfoRow,
  type WorkbookLayout,
  WORKBOOK_LOCALE,
} from "../../core/layout";
import type { Pack } from "../../core/pack/schema";
import { INFO_INPUTS } from "../../core/snapshot";
import { t } from "../../i18n";
import { addRangeValidation, ExcelJS, saveXlsx } from "../exceljs";
import { addConditionalFormats } from "./conditionalFormats";
import { placeTables, type TablePlacement } from "./placement";
import { FILLS, HEADER_FONT, TITLE_FONT } from "./styles";
import { numberFormatFor, specForColumn, validationFor } from "./validation";

export interface TemplateOptions {
  township: string;
  /** ISO date (YYYY-MM-DD) of 评估基准日; left blank when absent. */
  assessmentDate?: string;
  /** 评估年度; left blank when absent (readers then take it from the assessment date). */
  assessmentYear?: number;
  /** The local settings the pack was adjusted with (canonical JSON), recorded in the metadata. */
  settings?: string;
}

/**
 * The blank workbook for a pack: the same sheets, tables, names and metadata the add-in installs
 * (all from src/core/layout), with Excel-native help so it works in WPS or Excel without add-ins.
 */
export function buildTemplate(pack: Pack, options: TemplateOptions): ExcelJS.Workbook {
  const layout = layoutFor(pack);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Taizhang";
  workbook.created = new Date(0);
  workbook.modified = new Date(0);

  writeInfoSheet(workbook, pack, layout, options);
  for (const placement of placeTables(layout)) {
    const sheet = workbook.getWorksheet(placement.table.sheet) ?? addSheet(workbook, placement.table.sheet);
    writeTable(sheet, placement);
  }
  for (const name of [layout.results.sheet, layout.gaps.sheet]) {
    const sheet = addSheet(workbook, name);
    sheet.getCell("A1").value = name;
    sheet.getCell("A1").font = TITLE_FONT;
    sheet.getCell("A2").value = t(WORKBOOK_LOCALE, "xlsx.sheet.notChecked");
  }
  writeMetaSheet(workbook, layout, options.settings);
  return workbook;
}

export async function templateBytes(pack: Pack, options: TemplateOptions): Promise<Uint8Array> {
  return saveXlsx(buildTemplate(pack, options));
}

function addSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  return sheet;
}

function writeInfoSheet(
  workbook: ExcelJS.Workbook,
  pack: Pack,
  layout: WorkbookLayout,
  options: TemplateOptions,
): void {
  const sheet = addSheet(workbook, layout.info.sheet);
  sheet.getCell("A1").value = pack.title.zh;
  sheet.getCell("A1").font = TITLE_FONT;
  const headers = ["item", "value", "unit", "help"].map((k) => t(WORKBOOK_LOCALE, `xlsx.info.${k}`));
  headers.forEach((text, i) => styleHeader(sheet.getCell(HEADER_ROW, i + 1), text));
  sheet.columns = [{ width: 22 }, { width: 24 }, { width: 10 }, { width: 56 }];

  for (const row of layout.info.rows) {
    sheet.getCell(row.row, 1).value = row.label.zh;
    sheet.getCell(row.row, 1).fill = FILLS.fixed;
    if (row.unit) sheet.getCell(row.row, 3).value = row.unit.zh;
    if (row.help) sheet.getCell(row.row, 4).value = row.help.zh;
    const address = cellAddress(INFO_VALUE_COLUMN, row.row);
    const cell = sheet.getCell(address);
    const format = numberFormatFor(row.type);
    if (format) cell.numFmt = format;
    const validation = validationFor({
      type: row.type,
      title: row.label,
      ...(row.help ? { help: row.help } : {}),
    });
    if (validation) addRangeValidation(sheet, address, validation);
    workbook.definedNames.add(`'${sheet.name}'!$${columnLetter(INFO_VALUE_COLUMN)}$${row.row}`, row.name);
    cell.value = initialValue(row, options);
  }
  sheet.views = [{ state: "frozen", ySplit: HEADER_ROW }];
}

function initialValue(row: InfoRow, options: TemplateOptions): ExcelJS.CellValue {
  if (row.inputId === INFO_INPUTS.township) return options.township;
  if (row.inputId === INFO_INPUTS.assessmentYear && options.assessmentYear) return options.assessmentYear;
  if (row.inputId === INFO_INPUTS.assessmentDate && options.assessmentDate) {
    const [y, m, d] = options.assessmentDate.split("-").map(Number);
    return new Date(Date.UTC(y ?? 1900, (m ?? 1) - 1, d ?? 1));
  }
  return null;
}

function writeTable(sheet: ExcelJS.Worksheet, placement: TablePlacement): void {
  const { table, titleRow, headerRow, firstDataRow, lastFormattedRow } = placement;
  const title = sheet.getCell(titleRow, 1);
  title.value =
    table.kind === "veto" ? `${table.title.zh} — ${t(WORKBOOK_LOCALE, "xlsx.sheet.veto")}` : table.title.zh;
  title.font = TITLE_FONT;

  const rows =
    table.kind === "ledger"
      ? [table.columns.map(() => null)]
      : table.rows.map((row) => table.columns.map((c) => row.cells[c.id] ?? null));
  sheet.addTable({
    name: table.name,
    ref: cellAddress(0, headerRow),
    headerRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: table.columns.map((c) => ({ name: c.header.zh, filterButton: true })),
    rows,
  });

  table.columns.forEach((column, index) => {
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.width = Math.max(sheetColumn.width ?? 0, column.width);
    styleHeader(sheet.getCell(headerRow, index + 1), column.header.zh);
    const format = numberFormatFor(column.type);
    // Ledgers grow below the table: the column carries the format for rows not yet written.
    if (format && table.kind === "ledger") sheetColumn.numFmt = format;
    for (let r = firstDataRow; r <= placement.lastTableRow; r++) {
      const cell = sheet.getCell(r, index + 1);
      if (format) cell.numFmt = format;
      if (column.fixed) cell.fill = FILLS.fixed;
      if (column.output) cell.fill = FILLS.output;
      if (column.id === "requirement") cell.alignment = { wrapText: true, vertical: "top" };
    }
    if (column.fixed || column.output) return;
    const validation = validationFor(specForColumn(column));
    if (validation) {
      const letter = columnLetter(index);
      addRangeValidation(sheet, `${letter}${firstDataRow}:${letter}${lastFormattedRow}`, validation);
    }
  });
  addConditionalFormats(sheet, placement);
  if (titleRow === HEADER_ROW - 1) {
    sheet.views = [{ state: "frozen", ySplit: headerRow }];
    sheet.pageSetup.printTitlesRow = `${titleRow}:${headerRow}`;
  }
}

function styleHeader(cell: ExcelJS.Cell, text: string): void {
  cell.value = text;
  cell.font = HEADER_FONT;
  cell.fill = FILLS.header;
  cell.alignment = { vertical: "middle", wrapText: true };
}

function writeMetaSheet(workbook: ExcelJS.Workbook, layout: WorkbookLayout, settings?: string): void {
  const sheet = workbook.addWorksheet(layout.meta.sheet);
  sheet.state = "veryHidden";
  metaRows(metaFor(layout, [], settings)).forEach((row, i) => {
    row.forEach((value, c) => {
      sheet.getCell(i + 1, c + 1).value = value;
    });
  });
}
