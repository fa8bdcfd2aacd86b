import {
  fileWidthFromCharacters,
  cellAddress,
  columnLetter,
  columnNumberFormat,
  columnValidation,
  HEADER_ROW,
  INFO_COLUMNS,
  INFO_SHEET_COLUMNS,
  layoutFor,
  ledgerRowText,
  metaFor,
  metaRows,
  numberFormatFor,
  TEXT_FORMAT,
  type InfoRow,
  statusColumnOf,
  statusPrompt,
  TABLE_STYLE,
  type TablePlacement,
  placeTables,
  tableTitle,
  validationFor,
  type WorkbookLayout,
  wrapsText,
  WORKBOOK_LOCALE,
} from "../../core/layout";
import { formulasStamp } from "../../core/formulas";
import type { Pack } from "../../core/pack/schema";
import { embedPack, type EmbeddedPack } from "../../core/pack/embed";
import { INFO_INPUTS } from "../../core/snapshot";
import { t } from "../../i18n";
import { addRangeValidation, ExcelJS, saveXlsx } from "../exceljs";
import { addConditionalFormats } from "./conditionalFormats";
import { formulasFor, writeFormulas } from "./formulas";
import { FILLS, HEADER_FONT, pageSetup, TITLE_FONT } from "./styles";
import { toExcelJs } from "./validation";

const NO_RECORDS = { total: 0, passed: 0, declared: false } as const;

export interface TemplateOptions {
  township: string;
  /** ISO date (YYYY-MM-DD) of 评估基准日; left blank when absent. */
  assessmentDate?: string;
  /** 评估年度; left blank when absent (readers then take it from the assessment date). */
  assessmentYear?: number;
  /** The local settings the pack was adjusted with (canonical JSON), recorded in the metadata. */
  settings?: string;
  /**
   * Ledger rows given formulas (LEDGER_FORMULA_ROWS). The differential tests, whose ledgers hold a
   * dozen records, ask for fewer: LibreOffice and the JS engine then recalculate far less.
   */
  ledgerFormulaRows?: number;
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

  // The add-in's order: the sheets a person reads first, then one sheet per group and ledger.
  writeInfoSheet(workbook, pack, layout, options);
  for (const name of [layout.results.sheet, layout.gaps.sheet]) {
    const sheet = addSheet(workbook, name);
    sheet.getCell("A1").value = name;
    sheet.getCell("A1").font = TITLE_FONT;
    sheet.getCell("A2").value = t(WORKBOOK_LOCALE, "xlsx.sheet.notChecked");
  }
  const placements = placeTables(layout);
  for (const placement of placements) {
    const sheet = workbook.getWorksheet(placement.table.sheet) ?? addSheet(workbook, placement.table.sheet);
    writeTable(sheet, placement);
  }
  // The 校验 column checks itself where no add-in runs (issue 15).
  const formulas = formulasFor(pack);
  writeFormulas(workbook, formulas, placements, options.ledgerFormulaRows);
  writeMetaSheet(workbook, layout, options.settings, embedPack(pack), formulasStamp(formulas, layout));
  return workbook;
}

export async function templateBytes(pack: Pack, options: TemplateOptions): Promise<Uint8Array> {
  return saveXlsx(buildTemplate(pack, options));
}

function addSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  return workbook.addWorksheet(name, { pageSetup: pageSetup() });
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
  INFO_SHEET_COLUMNS.forEach((column, i) => {
    styleHeader(sheet.getCell(HEADER_ROW, i + 1), column.header.zh);
    sheet.getColumn(i + 1).width = fileWidthFromCharacters(column.width);
  });

  for (const row of layout.info.rows) {
    const label = sheet.getCell(row.row, INFO_COLUMNS.label + 1);
    label.value = row.label.zh;
    label.fill = FILLS.fixed;
    if (row.unit) sheet.getCell(row.row, INFO_COLUMNS.unit + 1).value = row.unit.zh;
    if (row.help) sheet.getCell(row.row, INFO_COLUMNS.help + 1).value = row.help.zh;
    const address = cellAddress(INFO_COLUMNS.value, row.row);
    const cell = sheet.getCell(address);
    cell.numFmt = numberFormatFor(row.type);
    const validation = validationFor(row.type, row.label, row.help, row.values);
    if (validation) addRangeValidation(sheet, address, toExcelJs(validation));
    workbook.definedNames.add(`'${sheet.name}'!$${columnLetter(INFO_COLUMNS.value)}$${row.row}`, row.name);
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
  const { table, titleRow, headerRow, firstDataRow, lastTableRow, lastFormattedRow } = placement;
  const title = sheet.getCell(titleRow, 1);
  title.value = tableTitle(table).zh;
  title.font = TITLE_FONT;

  const rows =
    table.kind === "ledger"
      ? [table.columns.map(() => null)]
      : table.rows.map((row) =>
          table.columns.map((c) =>
            // A new workbook's ledgers are empty: the ledger item's 状态 cell says so.
            row.ledger && c.id === "status" ? ledgerRowText(NO_RECORDS) : (row.cells[c.id] ?? null),
          ),
        );
  sheet.addTable({
    name: table.name,
    ref: cellAddress(0, headerRow),
    headerRow: true,
    style: { theme: TABLE_STYLE, showRowStripes: true },
    columns: table.columns.map((c) => ({ name: c.header.zh, filterButton: true })),
    rows,
  });

  const statusColumn = statusColumnOf(table.columns);
  table.columns.forEach((column, index) => {
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.width = Math.max(sheetColumn.width ?? 0, fileWidthFromCharacters(column.width));
    styleHeader(sheet.getCell(headerRow, index + 1), column.header.zh);
    const format = columnNumberFormat(column);
    for (let r = firstDataRow; r <= lastFormattedRow; r++) {
      const cell = sheet.getCell(r, index + 1);
      cell.numFmt = format;
      if (column.fixed && r <= lastTableRow) cell.fill = FILLS.fixed;
      if (wrapsText(column)) cell.alignment = { wrapText: true };
    }
    const validation = columnValidation(column);
    if (!validation) return;
    const letter = columnLetter(index);
    if (index === statusColumn) {
      // Each item's 状态 cell prompts with its own requirement and clause.
      table.rows.forEach((row, i) => {
        if (row.ledger) {
          // The ledger's result, not a choice: no dropdown, and the fill of cells not to edit.
          sheet.getCell(firstDataRow + i, index + 1).fill = FILLS.fixed;
          return;
        }
        const spec = statusPrompt(validation, row.itemId, row.cells);
        addRangeValidation(sheet, `${letter}${firstDataRow + i}`, toExcelJs(spec));
      });
      return;
    }
    addRangeValidation(sheet, `${letter}${firstDataRow}:${letter}${lastFormattedRow}`, toExcelJs(validation));
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
}

function writeMetaSheet(
  workbook: ExcelJS.Workbook,
  layout: WorkbookLayout,
  settings: string | undefined,
  pack: EmbeddedPack,
  formulas: string,
): void {
  const sheet = workbook.addWorksheet(layout.meta.sheet);
  sheet.state = "veryHidden";
  metaRows(metaFor(layout, [], settings, pack, formulas)).forEach((row, i) => {
    row.forEach((value, c) => {
      const cell = sheet.getCell(i + 1, c + 1);
      cell.numFmt = TEXT_FORMAT;
      if (value !== "") cell.value = value;
    });
  });
}
