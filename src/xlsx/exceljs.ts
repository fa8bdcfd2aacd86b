import * as ExcelJS from "exceljs";

export { ExcelJS };

/** The part of ExcelJS 4.4's worksheet.dataValidations we use; its typings omit the property. */
interface RangeValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

/** One validation per range (design.md §8): setting it cell by cell writes overlapping ranges. */
export function addRangeValidation(
  worksheet: ExcelJS.Worksheet,
  range: string,
  validation: ExcelJS.DataValidation,
): void {
  (worksheet as unknown as { dataValidations: RangeValidations }).dataValidations.add(range, validation);
}

/** Nodes the reader never needs. dataValidations in particular: ExcelJS expands every range cell
 * by cell on load, which stalls on whole-column ranges that Excel and LibreOffice write. */
export const READ_OPTIONS = {
  ignoreNodes: [
    "dataValidations",
    "conditionalFormatting",
    "extLst",
    "drawing",
    "picture",
    "headerFooter",
    "rowBreaks",
    "sheetProtection",
  ],
};

/** Loads .xlsx bytes. ExcelJS types want a Node Buffer; JSZip underneath takes any Uint8Array. */
export async function loadXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0], READ_OPTIONS);
  return workbook;
}

/** The workbook as .xlsx bytes. */
export async function saveXlsx(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** A table's range: ExcelJS keeps it as `tableRef` after loading and as `ref` when built. */
export function tableRange(table: ExcelJS.Table): string | undefined {
  const model = (table as unknown as { table?: { tableRef?: string; ref?: string } }).table;
  return model?.tableRef ?? model?.ref;
}
