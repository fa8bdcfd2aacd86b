import { fileWidthFromCharacters } from "../../core/layout/format";
import type { FixedFormula } from "../../core/formulas/types";
import type { SheetModel } from "../../core/layout/resultSheets";
import type { ExcelJS } from "../exceljs";
import { pageSetup, TITLE_FONT } from "./styles";

/**
 * Writes a sheet model from src/core/layout/resultSheets (the same rows the add-in writes),
 * replacing what the sheet held. ExcelJS cannot write charts; the table beside is the chart's data.
 */
export function writeSheetModel(
  workbook: ExcelJS.Workbook,
  model: SheetModel,
  formulas: readonly FixedFormula[] = [],
): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(model.sheet) ?? workbook.addWorksheet(model.sheet);
  if (sheet.rowCount > 0) sheet.spliceRows(1, sheet.rowCount);
  model.rows.forEach((cells, r) => {
    cells.forEach((value, c) => {
      if (value !== null) sheet.getCell(r + 1, c + 1).value = value;
    });
  });
  // A compiled figure (自评结果, 差距清单's points) is a formula, its value the core's, shown until the spreadsheet
  // recalculates (and by readers that never do).
  const own = [...formulas.filter((cell) => cell.sheet === model.sheet), ...(model.formulas ?? [])];
  for (const cell of own) {
    const value = model.rows[cell.row]?.[cell.column] ?? null;
    sheet.getCell(cell.row + 1, cell.column + 1).value = {
      formula: cell.formula.slice(1),
      ...(value === null ? {} : { result: value }),
    } as ExcelJS.CellFormulaValue;
  }
  model.widths.forEach((width, c) => {
    sheet.getColumn(c + 1).width = fileWidthFromCharacters(width);
  });
  for (const row of model.boldRows) sheet.getRow(row).font = row === 1 ? TITLE_FONT : { bold: true };
  for (const { column, fromRow, toRow, format } of model.formats) {
    for (let r = fromRow; r <= toRow; r++) sheet.getCell(r, column + 1).numFmt = format;
  }
  for (let r = 1; r <= model.rows.length; r++) {
    sheet.getRow(r).alignment = { vertical: "top", wrapText: true };
  }
  sheet.pageSetup = { ...sheet.pageSetup, ...pageSetup() };
  return sheet;
}
