import { workbookFormulas, type TableFormulas, type WorkbookFormulas } from "../../core/formulas";
import { columnLetter, type TablePlacement, WORKBOOK_LOCALE } from "../../core/layout";
import type { Pack } from "../../core/pack/schema";
import { shortFindingMessage } from "../../i18n";
import type { ExcelJS } from "../exceljs";

/**
 * Ledger rows that get 校验 formulas below the header. A ledger of a township office runs to tens
 * of records a year, rarely past a hundred; 200 rows keep a new workbook small (each row carries
 * its hidden helpers) while LibreOffice and WPS, which do not grow tables, still check every row a
 * unit fills. Rows typed further down are checked by the add-in and `taizhang check` as before.
 */
export const LEDGER_FORMULA_ROWS = 200;

/** Hidden helpers show nothing even when a column is unhidden. */
const HIDDEN_FORMAT = ";;;";

/** The formulas a new workbook of `pack` carries. */
export function formulasFor(pack: Pack): WorkbookFormulas {
  return workbookFormulas(pack, (code, params) => shortFindingMessage(WORKBOOK_LOCALE, { code, params }));
}

/**
 * Writes the 校验 formulas and their hidden helpers without cached values, and asks the
 * spreadsheet to recalculate on open (`fullCalcOnLoad`): Excel, WPS and LibreOffice then show
 * what the formulas say, never a stale value.
 */
export function writeFormulas(
  workbook: ExcelJS.Workbook,
  formulas: WorkbookFormulas,
  placements: readonly TablePlacement[],
  /** Ledger rows that get formulas (the bench asks for 10,000). */
  ledgerRows = LEDGER_FORMULA_ROWS,
): void {
  for (const cell of formulas.cells) {
    const sheet = workbook.getWorksheet(cell.sheet);
    if (!sheet) continue;
    const target = sheet.getCell(cell.row + 1, cell.column + 1);
    target.value = { formula: cell.formula.slice(1) } as ExcelJS.CellFormulaValue;
    if (cell.helper) {
      target.numFmt = HIDDEN_FORMAT;
      sheet.getColumn(cell.column + 1).hidden = true;
    }
  }
  for (const placement of placements) {
    const table = formulas.tables.get(placement.table.key);
    const sheet = workbook.getWorksheet(placement.table.sheet);
    if (!table || !sheet) continue;
    writeTableFormulas(sheet, table, placement, ledgerRows);
  }
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
}

function writeTableFormulas(
  sheet: ExcelJS.Worksheet,
  table: TableFormulas,
  placement: TablePlacement,
  ledgerRows: number,
): void {
  const helpers = new Set(table.helperOffsets);
  for (const offset of helpers) sheet.getColumn(offset + 1).hidden = true;
  const put = (address: string, value: ExcelJS.CellValue, offset: number) => {
    const cell = sheet.getCell(address);
    cell.value = value;
    if (helpers.has(offset)) cell.numFmt = HIDDEN_FORMAT;
  };
  if (placement.table.kind !== "ledger") {
    placement.table.rows.forEach((r, i) => {
      const row = placement.firstDataRow + i;
      for (const f of table.rowFormulas({ row: row - 1, firstColumn: 0, itemId: r.itemId }))
        put(
          `${columnLetter(f.offset)}${row}`,
          { formula: f.formula.slice(1) } as ExcelJS.CellFormulaValue,
          f.offset,
        );
    });
    return;
  }
  // One formula fills down each helper column: written once as a shared formula (OOXML §18.3.1.40),
  // which keeps the file small; Excel, WPS and LibreOffice expand it on open. The 校验 cells inside
  // the table are plain formulas, so a table edit (rollover's records) cannot orphan a share.
  const first = placement.firstDataRow;
  const last = first + ledgerRows - 1;
  for (const f of table.rowFormulas({ row: first - 1, firstColumn: 0 })) {
    const letter = columnLetter(f.offset);
    const master = `${letter}${first}`;
    if (!helpers.has(f.offset)) continue;
    put(
      master,
      {
        formula: f.formula.slice(1),
        shareType: "shared",
        ref: `${master}:${letter}${last}`,
      } as ExcelJS.CellValue,
      f.offset,
    );
    for (let row = first + 1; row <= last; row++)
      put(`${letter}${row}`, { sharedFormula: master } as ExcelJS.CellValue, f.offset);
  }
  writeLedgerChecks(sheet, table, placement, ledgerRows);
}

/** The 校验 formula of every ledger row that has formulas (again after records were written). */
export function writeLedgerChecks(
  sheet: ExcelJS.Worksheet,
  table: TableFormulas,
  placement: TablePlacement,
  ledgerRows = LEDGER_FORMULA_ROWS,
): void {
  const helpers = new Set(table.helperOffsets);
  for (let i = 0; i < ledgerRows; i++) {
    const row = placement.firstDataRow + i;
    for (const f of table.rowFormulas({ row: row - 1, firstColumn: 0 })) {
      if (helpers.has(f.offset)) continue;
      sheet.getCell(`${columnLetter(f.offset)}${row}`).value = {
        formula: f.formula.slice(1),
      } as ExcelJS.CellFormulaValue;
    }
  }
}
