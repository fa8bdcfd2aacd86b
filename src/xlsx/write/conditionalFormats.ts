import { columnLetter, type TablePlacement, tableConditionalFormats } from "../../core/layout";
import type { ExcelJS } from "../exceljs";
import { cfFill } from "./styles";

/** Translates the core's conditional fills of a table into ExcelJS, highest priority first. */
export function addConditionalFormats(worksheet: ExcelJS.Worksheet, placement: TablePlacement): void {
  let priority = 1;
  for (const cf of tableConditionalFormats(placement)) {
    worksheet.addConditionalFormatting({
      ref: `${columnLetter(cf.firstColumn)}${cf.firstRow}:${columnLetter(cf.lastColumn)}${cf.lastRow}`,
      rules: [{ type: "expression", priority: priority++, formulae: [cf.formula], style: cfFill(cf.fill) }],
    });
  }
}
