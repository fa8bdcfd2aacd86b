import { formatBox, MAX_COLUMNS, quoteSheet } from "../../excel/address";
import type { Cell, SheetModel, Validation, Visibility, WorkbookModel } from "../../sim";
import { addRangeValidation, ExcelJS } from "../../xlsx/exceljs";
import type { Carry, PreviewWorkbook, SheetCarry } from "./carry";
import { styleToFile, valueToFile } from "./cellFile";
import { hyperlinkValue, withoutInternalLinkRels } from "./hyperlinks";
import { boxesOfCells, sqrefOf } from "./ranges";
import { fileSheetIds } from "./sheetIds";
import { argbFromHex, fileWidthFromPoints } from "./units";
import { validationToFile } from "./validationRule";

const STATES: Record<Visibility, ExcelJS.WorksheetState> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};
const DEFAULT_TABLE_STYLE: ExcelJS.TableStyleProperties = {
  theme: "TableStyleMedium2",
  showRowStripes: true,
};

/** The preview's workbook as .xlsx bytes: what it shows now, plus what the opened file carried. */
export async function saveXlsxWorkbook(book: PreviewWorkbook): Promise<Uint8Array> {
  const { model } = book.excel;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Taizhang";
  const tableIds = new Map<string, number>();
  const worksheets = model.sheets.map((sheet) => writeSheet(workbook, model, sheet, book.carry, tableIds));
  for (const item of model.names) {
    workbook.definedNames.add(`${quoteSheet(item.sheet.name)}!${absolute(formatBox(item.box))}`, item.name);
  }
  for (const item of book.carry.names)
    for (const range of item.ranges) workbook.definedNames.add(range, item.name);
  // Set after every sheet is added: ExcelJS picks its own ids while adding.
  fileSheetIds(model.sheets.map((s) => s.id)).forEach((id, i) => {
    const ws = worksheets[i];
    if (ws) (ws as unknown as { id: number }).id = id;
  });
  keepTableIds(workbook, tableIds);
  const anyCell = (test: (cell: Cell) => boolean) =>
    model.sheets.some((s) => [...s.cells.values()].some(test));
  // Formulas are saved without results: Excel, WPS and LibreOffice compute them on open.
  if (anyCell((c) => c.formula !== undefined))
    workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  const internalLinks = anyCell((c) => c.hyperlink?.documentReference !== undefined);
  return internalLinks ? withoutInternalLinkRels(bytes) : bytes;
}

function writeSheet(
  workbook: ExcelJS.Workbook,
  model: WorkbookModel,
  sheet: SheetModel,
  carry: Carry,
  tableIds: Map<string, number>,
): ExcelJS.Worksheet {
  const sheetCarry = carry.sheets.get(sheet);
  const ws = workbook.addWorksheet(sheet.name, {
    ...(sheetCarry?.pageSetup ? { pageSetup: sheetCarry.pageSetup } : {}),
    ...(sheetCarry?.properties ? { properties: sheetCarry.properties } : {}),
  });
  ws.state = STATES[sheet.visibility];
  writeView(ws, sheet, sheetCarry);
  for (const column of sheetCarry?.columns ?? []) {
    const target = ws.getColumn(column.index + 1);
    if (column.style) target.style = structuredClone(column.style);
    if (column.hidden) target.hidden = true;
  }
  for (const [c, points] of sheet.columnWidths) ws.getColumn(c + 1).width = fileWidthFromPoints(points);

  for (const table of model.tables.filter((t) => t.sheet === sheet)) {
    const headers = model.headers(table);
    const rows = Array.from({ length: table.dataRows }, (_, i) =>
      headers.map((_, c) => plain(sheet.value(table.r0 + 1 + i, table.c0 + c))),
    );
    ws.addTable({
      name: table.name,
      ref: formatBox({ r0: table.r0, c0: table.c0, r1: table.r0, c1: table.c0 }),
      headerRow: true,
      style: carry.tables.get(table) ?? DEFAULT_TABLE_STYLE,
      columns: headers.map((name) => ({ name, filterButton: true })),
      rows,
    });
    tableIds.set(table.name, Number(table.id));
  }

  const validations = new Map<string, { validation: Validation; cells: [number, number][] }>();
  for (const [k, cell] of sheet.cells) {
    const r = Math.floor(k / MAX_COLUMNS);
    const c = k % MAX_COLUMNS;
    const target = ws.getCell(r + 1, c + 1);
    const cellCarry = carry.cells.get(cell);
    const value =
      cell.hyperlink && cell.formula === undefined
        ? hyperlinkValue(cell, cell.hyperlink)
        : valueToFile(cell, cellCarry);
    if (value !== null) target.value = value;
    const style = styleToFile(cell, cellCarry?.style);
    if (style) target.style = style;
    if (cellCarry?.note) target.note = structuredClone(cellCarry.note);
    if (cell.validation) {
      const key = JSON.stringify(cell.validation);
      const entry = validations.get(key) ?? { validation: cell.validation, cells: [] };
      validations.set(key, entry);
      entry.cells.push([r, c]);
    }
  }
  for (const [key, { validation, cells }] of validations) {
    const sqref = sqrefOf(boxesOfCells(cells));
    const stated = sheetCarry?.validationRanges.get(key);
    // Unchanged since opening: write the ranges as the file stated them (whole columns stay whole).
    const ranges = stated && stated.expanded === sqref ? stated.sqref : sqref;
    for (const range of ranges.split(/\s+/)) addRangeValidation(ws, range, validationToFile(validation));
  }
  writeConditionalFormats(ws, sheet, sheetCarry);
  writeMerges(ws, sheet, sheetCarry);
  for (const { image, range } of sheetCarry?.images ?? []) ws.addImage(workbook.addImage(image), range);
  return ws;
}

/** Merges where their corner cells are now; one whose corners no longer exist or cross is dropped. */
function writeMerges(ws: ExcelJS.Worksheet, sheet: SheetModel, carry: SheetCarry | undefined): void {
  if (!carry || carry.merges.length === 0) return;
  const at = new Map<object, number>();
  for (const [k, cell] of sheet.cells) at.set(cell, k);
  for (const { from, to } of carry.merges) {
    const a = at.get(from);
    const b = at.get(to);
    if (a === undefined || b === undefined) continue;
    const [r0, c0, r1, c1] = [
      Math.floor(a / MAX_COLUMNS),
      a % MAX_COLUMNS,
      Math.floor(b / MAX_COLUMNS),
      b % MAX_COLUMNS,
    ];
    if (r1 < r0 || c1 < c0) continue;
    try {
      ws.mergeCells(r0 + 1, c0 + 1, r1 + 1, c1 + 1);
    } catch {
      // Overlaps a merge already made (a table grew into it): the earlier one stands.
    }
  }
}

function writeView(ws: ExcelJS.Worksheet, sheet: SheetModel, carry: SheetCarry | undefined): void {
  const view = (carry?.view ?? {}) as Record<string, unknown>;
  const { state: _state, ySplit: _y, xSplit, topLeftCell: _top, ...rest } = view;
  const xs = view.state === "frozen" && typeof xSplit === "number" ? xSplit : 0;
  if (sheet.frozenRows > 0 || xs > 0) {
    ws.views = [{ ...rest, state: "frozen", xSplit: xs, ySplit: sheet.frozenRows } as ExcelJS.WorksheetView];
  } else if (carry?.view) {
    ws.views = [{ ...rest, state: "normal" } as ExcelJS.WorksheetView];
  }
}

function writeConditionalFormats(
  ws: ExcelJS.Worksheet,
  sheet: SheetModel,
  carry: SheetCarry | undefined,
): void {
  let priority = 1;
  for (const format of sheet.conditionalFormats) {
    const fill = format.fill ? argbFromHex(format.fill) : null;
    const font = format.fontColor ? argbFromHex(format.fontColor) : null;
    ws.addConditionalFormatting({
      ref: formatBox(format.box),
      rules: [
        {
          type: "expression",
          priority: priority++,
          formulae: [format.formula.replace(/^=/, "")],
          style: {
            ...(fill ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: fill } } } : {}),
            ...(font ? { font: { color: { argb: font } } } : {}),
          },
        },
      ],
    });
  }
  for (const other of carry?.otherFormats ?? []) {
    ws.addConditionalFormatting({
      ...other,
      rules: other.rules.map((rule) => ({ ...rule, priority: priority++ })),
    });
  }
}

/**
 * ExcelJS numbers table parts 1, 2, 3… in sheet order when writing; Office.js table ids must
 * survive a save (Taizhang's metadata finds tables by them), so the ids are put back afterwards.
 */
function keepTableIds(workbook: ExcelJS.Workbook, ids: ReadonlyMap<string, number>): void {
  type Model = { worksheets: { tables: { name: string; id: number }[] }[] };
  const xlsx = workbook.xlsx as unknown as { prepareModel(model: Model, options: unknown): void };
  const prepare = xlsx.prepareModel.bind(xlsx);
  xlsx.prepareModel = (model, options) => {
    prepare(model, options);
    for (const sheet of model.worksheets) {
      for (const table of sheet.tables) table.id = ids.get(table.name) ?? table.id;
    }
  };
}

const absolute = (range: string): string => range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");

function plain(value: unknown): ExcelJS.CellValue {
  return value === "" ? null : (value as ExcelJS.CellValue);
}
