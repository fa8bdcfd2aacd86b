import { type Box, parseAddress } from "../../excel/address";
import { FakeExcel, type SheetModel, WorkbookModel } from "../../sim";
import { withFormulaEngine } from "../formulaValues";
import { isXlsxError, XlsxError } from "../../xlsx/errors";
import { ExcelJS, tableRange } from "../../xlsx/exceljs";
import { DEFAULT_LIMITS, guardXlsx, type InputLimits } from "../../xlsx/guard";
import { type Carry, emptyCarry, type PreviewWorkbook, type SheetCarry } from "./carry";
import { hasModelledFormat, hasStyle, modelledFormat, valueFromFile } from "./cellFile";
import { readHyperlinks } from "./hyperlinks";
import { type PackageParts, type RawValidation, readPackageParts } from "./packageParts";
import { boxesOf, boxesOfCells, expandLimits, sqrefOf } from "./ranges";
import { sheetIdFromFile } from "./sheetIds";
import { hexFromArgb, pointsFromFileWidth } from "./units";
import { validationFromFile } from "./validationRule";

/**
 * Data validations are read from the sheet XML by the bridge, not by ExcelJS: ExcelJS expands
 * every range cell by cell while loading, which stalls on the whole-column ranges Excel, WPS and
 * LibreOffice write. The bridge expands them itself, capped (see ranges.ts), and remembers the
 * ranges as stated so saving writes them back whole. Drawings and the extension list are skipped.
 */
// "drawing" is read: it anchors the pictures a save must keep (issue 13, item 4).
const IGNORED_NODES = ["dataValidations", "extLst", "picture"];

/** Most validation cells expanded in one workbook (past that, the stated ranges are still saved). */
const MAX_VALIDATION_CELLS = 400_000;

export interface OpenOptions {
  limits?: InputLimits;
  /** ExcelApi version the simulated Excel supports (the preview stands in for 1.14). */
  apiVersion?: string;
}

/**
 * .xlsx bytes → a fake Excel holding that workbook, as Office.js would show it. Throws XlsxError
 * (empty, notZip, legacyXls, encrypted, tooLarge, zipBomb, notXlsx, corrupt); any workbook opens,
 * Taizhang's or not.
 */
export async function openXlsxWorkbook(
  bytes: Uint8Array,
  options: OpenOptions = {},
): Promise<PreviewWorkbook> {
  // The whole guard: claims, then counted inflation (a lying zip never reaches ExcelJS).
  await guardXlsx(bytes, options.limits ?? DEFAULT_LIMITS);
  let workbook: ExcelJS.Workbook;
  let parts: PackageParts;
  try {
    workbook = await loadWithPictures(bytes);
    parts = await readPackageParts(bytes);
  } catch (cause) {
    throw new XlsxError("corrupt", {}, cause);
  }
  try {
    const carry = emptyCarry();
    const model = buildModel(workbook, parts, carry);
    return {
      excel: withFormulaEngine(new FakeExcel({ apiVersion: options.apiVersion ?? "1.14", model })),
      carry,
    };
  } catch (cause) {
    throw isXlsxError(cause) ? cause : new XlsxError("corrupt", {}, cause);
  }
}

/**
 * Loads with drawings read, for the pictures; should ExcelJS trip over a drawing it does not know
 * (shapes, charts from other programs), the file still opens, without its pictures.
 */
async function loadWithPictures(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const load = async (ignoreNodes: string[]) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0], { ignoreNodes });
    return workbook;
  };
  try {
    return await load(IGNORED_NODES);
  } catch {
    return load([...IGNORED_NODES, "drawing"]);
  }
}

function buildModel(workbook: ExcelJS.Workbook, parts: PackageParts, carry: Carry): WorkbookModel {
  const model = new WorkbookModel([]);
  const sheets = workbook.worksheets;
  if (sheets.length === 0) throw new XlsxError("corrupt");
  let budget = MAX_VALIDATION_CELLS;
  for (const ws of sheets) {
    const sheet = model.addSheet(ws.name, sheetIdFromFile(ws.id));
    sheet.visibility =
      ws.state === "veryHidden" ? "VeryHidden" : ws.state === "hidden" ? "Hidden" : "Visible";
    const sheetCarry: SheetCarry = {
      pageSetup: ws.pageSetup,
      properties: ws.properties,
      columns: [],
      otherFormats: [],
      validationRanges: new Map(),
      merges: [],
      images: [],
    };
    carry.sheets.set(sheet, sheetCarry);
    const view = ws.views?.[0];
    if (view) {
      sheetCarry.view = view;
      if (view.state === "frozen") sheet.frozenRows = view.ySplit ?? 0;
    }
    readColumns(ws, sheet, sheetCarry);
    readCells(ws, sheet, carry);
    readComments(parts.comments.get(ws.name) ?? [], sheet, carry);
    readHyperlinks(parts.hyperlinks.get(ws.name) ?? [], sheet);
    readMerges(ws, sheet, sheetCarry);
    readImages(workbook, ws, sheetCarry);
    readFormats(ws, sheet, sheetCarry);
    budget = readValidations(parts.validations.get(ws.name) ?? [], sheet, sheetCarry, budget);
  }
  readTables(workbook, model, parts, carry);
  readNames(workbook, model, carry);
  if (!model.sheets.some((s) => s.visibility === "Visible")) {
    const first = model.sheets[0];
    if (first) first.visibility = "Visible";
  }
  return model;
}

function readColumns(ws: ExcelJS.Worksheet, sheet: SheetModel, carry: SheetCarry): void {
  (ws.columns ?? []).forEach((column, index) => {
    if (column.width) sheet.columnWidths.set(index, pointsFromFileWidth(column.width));
    const style = hasStyle(column.style) ? column.style : undefined;
    if (style || column.hidden)
      carry.columns.push({ index, ...(style ? { style } : {}), ...(column.hidden ? { hidden: true } : {}) });
  });
}

function readCells(ws: ExcelJS.Worksheet, sheet: SheetModel, carry: Carry): void {
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    row.eachCell({ includeEmpty: true }, (xcell, c) => {
      // A merged cell's followers report the leader's value; only the leader holds it.
      const merged = xcell.type === ExcelJS.ValueType.Merge;
      const { value, original } = merged
        ? { value: "" as const, original: undefined }
        : valueFromFile(xcell.value);
      const style = xcell.style ?? {};
      const format = modelledFormat(style);
      const note = xcell.note;
      const formula = merged ? undefined : xcell.formula;
      if (value === "" && !formula && !hasModelledFormat(format) && !hasStyle(style) && !note) return;
      const cell = sheet.ensure(r - 1, c - 1);
      Object.assign(cell, format, { value });
      if (formula) cell.formula = `=${formula}`;
      const cellCarry = {
        ...(hasStyle(style) ? { style } : {}),
        ...(original !== undefined ? { original, shown: value } : {}),
        ...(note ? { note } : {}),
      };
      if (Object.keys(cellCarry).length > 0) carry.cells.set(cell, cellCarry);
    });
  }
}

/** Comments ExcelJS left out (on cells with no value), as plain text notes on their cells. */
function readComments(
  comments: readonly { ref: string; text: string }[],
  sheet: SheetModel,
  carry: Carry,
): void {
  for (const { ref, text } of comments) {
    const box = parseAddress(ref)?.box;
    if (!box) continue;
    const cell = sheet.ensure(box.r0, box.c0);
    const cellCarry = carry.cells.get(cell);
    if (!cellCarry?.note) carry.cells.set(cell, { ...cellCarry, note: text });
  }
}

/** Merged ranges, held by their corner cells (made if empty) so they move as the cells move. */
function readMerges(ws: ExcelJS.Worksheet, sheet: SheetModel, carry: SheetCarry): void {
  const merges = (ws.model as unknown as { merges?: string[] }).merges ?? [];
  for (const ref of merges) {
    const box = parseAddress(ref)?.box;
    if (box) carry.merges.push({ from: sheet.ensure(box.r0, box.c0), to: sheet.ensure(box.r1, box.c1) });
  }
}

function readImages(workbook: ExcelJS.Workbook, ws: ExcelJS.Worksheet, carry: SheetCarry): void {
  for (const placed of ws.getImages()) {
    const image = workbook.getImage(Number(placed.imageId));
    if (image) carry.images.push({ image, range: placed.range });
  }
}

function readFormats(ws: ExcelJS.Worksheet, sheet: SheetModel, carry: SheetCarry): void {
  // ExcelJS 4.4 loads them here; its typings leave the property out.
  const loaded = (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] })
    .conditionalFormattings;
  for (const format of loaded ?? []) {
    for (const rule of format.rules) {
      const formula = rule.type === "expression" ? rule.formulae?.[0] : undefined;
      if (typeof formula !== "string") {
        carry.otherFormats.push({ ref: format.ref, rules: [rule] });
        continue;
      }
      const fill = rule.style?.fill?.type === "pattern" ? rule.style.fill : undefined;
      const fillColor = hexFromArgb(fill?.bgColor?.argb ?? fill?.fgColor?.argb);
      const fontColor = hexFromArgb(rule.style?.font?.color?.argb);
      for (const part of format.ref.split(/\s+/)) {
        const box = parseAddress(part)?.box;
        if (!box) continue;
        sheet.conditionalFormats.push({
          box,
          formula: `=${formula}`,
          ...(fillColor ? { fill: fillColor } : {}),
          ...(fontColor ? { fontColor } : {}),
        });
      }
    }
  }
}

function readValidations(
  raws: readonly RawValidation[],
  sheet: SheetModel,
  carry: SheetCarry,
  budget: number,
): number {
  const used = sheet.usedBox(false);
  const limits = expandLimits(used?.r1 ?? 0, used?.c1 ?? 0);
  const byKey = new Map<string, { sqrefs: string[]; cells: [number, number][] }>();
  for (const raw of raws) {
    const validation = validationFromFile(raw);
    if (!validation) continue;
    const key = JSON.stringify(validation);
    const entry = byKey.get(key) ?? { sqrefs: [], cells: [] };
    byKey.set(key, entry);
    entry.sqrefs.push(raw.sqref);
    for (const box of boxesOf(raw.sqref, limits)) {
      budget = expand(box, budget, (r, c) => {
        sheet.ensure(r, c).validation = validation;
        entry.cells.push([r, c]);
      });
    }
  }
  for (const [key, entry] of byKey) {
    carry.validationRanges.set(key, {
      sqref: entry.sqrefs.join(" "),
      expanded: sqrefOf(boxesOfCells(entry.cells)),
    });
  }
  return budget;
}

function expand(box: Box, budget: number, fn: (r: number, c: number) => void): number {
  for (let r = box.r0; r <= box.r1; r++) {
    for (let c = box.c0; c <= box.c1; c++) {
      if (budget <= 0) return 0;
      fn(r, c);
      budget -= 1;
    }
  }
  return budget;
}

function readTables(
  workbook: ExcelJS.Workbook,
  model: WorkbookModel,
  parts: PackageParts,
  carry: Carry,
): void {
  const taken = new Set(parts.tableIds.values());
  let next = 1;
  const freshId = (): number => {
    while (taken.has(next)) next += 1;
    taken.add(next);
    return next;
  };
  for (const ws of workbook.worksheets) {
    const sheet = model.sheet(sheetIdFromFile(ws.id));
    const tables = (ws as unknown as { tables?: Record<string, ExcelJS.Table> }).tables ?? {};
    for (const [name, table] of Object.entries(tables)) {
      const box = parseAddress(tableRange(table) ?? "")?.box;
      if (!sheet || !box) continue;
      const loaded = model.loadTable(sheet, box, name, parts.tableIds.get(name) ?? freshId());
      const style = (table as unknown as { table?: { style?: ExcelJS.TableStyleProperties } }).table?.style;
      if (style) carry.tables.set(loaded, style);
    }
  }
}

function readNames(workbook: ExcelJS.Workbook, model: WorkbookModel, carry: Carry): void {
  const names = (
    workbook.definedNames as unknown as { model: { name: string; ranges: string[]; localSheetId?: number }[] }
  ).model;
  for (const entry of names) {
    const only = entry.ranges.length === 1 ? entry.ranges[0] : undefined;
    const parsed = only && entry.localSheetId === undefined ? parseAddress(only) : null;
    const sheet = parsed?.sheet !== undefined ? model.sheet(parsed.sheet) : undefined;
    if (parsed && sheet && !entry.name.startsWith("_xlnm.")) {
      try {
        model.addName(entry.name, sheet, parsed.box, "");
        continue;
      } catch {
        // A name Excel allows but the fake's rules refuse: keep it for saving.
      }
    }
    carry.names.push({ name: entry.name, ranges: [...entry.ranges] });
  }
}
