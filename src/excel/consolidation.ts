import type { Consolidation } from "../core/consolidate";
import { freeSheetName, WORKBOOK_LOCALE } from "../core/layout";
import {
  type CellFill,
  type CellLink,
  linkReference,
  SUMMARY_HEADER_ROW,
  summarySheetModels,
  type SummaryMatrixModel,
  type SummaryTexts,
} from "../core/layout/summarySheets";
import type { SheetCell, SheetModel } from "../core/layout/resultSheets";
import { t } from "../i18n";
import { columnLetters } from "./address";
import type { XlContext, XlWorksheet } from "./api";
import { counting } from "./context";
import { toAdapterError } from "./errors";
import { FILLS, POINTS_PER_CHARACTER } from "./format";
import { type AdapterOptions, resolveOptions } from "./options";
import { requireCapabilities } from "./requirements";
import { formatStringsAsText } from "./textCells";

/**
 * The coordinator's 汇总, 共性差距 and 乡镇详情 sheets in the open workbook, from the same sheet models as
 * `taizhang consolidate`. Sheets are found again through workbook names that point at their A1
 * (names follow a renamed sheet), so a second run rewrites them in place; a sheet that merely has
 * the name is someone else's and is left alone — ours then takes a free name, as the installer does.
 */

/** A file that could not be read, with the i18n key of the reason (written in the workbook's language). */
export interface SkippedWorkbook {
  source: string;
  reason: { key: string; params?: Readonly<Record<string, string | number>> };
}

export interface ConsolidationWriteOptions extends AdapterOptions {
  /** Most bytes of cell values in one request (Excel on the web refuses requests over 5 MB). */
  requestBudgetBytes?: number;
}

export interface ConsolidationWritten {
  /** The sheet names used (a free name when a sheet that is not ours had the wanted one). */
  matrixSheet: string;
  missedSheet: string;
  detailSheet: string;
  /** True when the sheets were made by this run, false when earlier ones were rewritten. */
  created: boolean;
  /** Round trips (context.sync): 2 for a first run, 3 for a rerun, plus one per extra chunk. */
  syncs: number;
}

/** Workbook names marking Taizhang's summary sheets; not TZ_, which marks a pack's inputs. */
export const SUMMARY_MARKERS = {
  matrix: "TaizhangSummary",
  missed: "TaizhangCommonGaps",
  detail: "TaizhangTownshipDetail",
} as const;
export const SUMMARY_CHART = "TaizhangSummaryChart";
const WANTED = { matrix: "汇总", missed: "共性差距", detail: "乡镇详情" } as const;
const DEFAULT_BUDGET = 4 * 1024 * 1024;

type Kind = keyof typeof SUMMARY_MARKERS;

interface SheetSeen {
  id: string;
  name: string;
}

interface Slot {
  kind: Kind;
  /** Our sheet from an earlier run, if it is still there. */
  existing: SheetSeen | null;
  name: string;
  /** The marker name to add for a new sheet (a stale one may block the plain name). */
  marker: string;
}

export async function writeConsolidation(
  summary: Consolidation,
  skipped: readonly SkippedWorkbook[],
  options: ConsolidationWriteOptions = {},
): Promise<ConsolidationWritten> {
  const o = resolveOptions(options);
  requireCapabilities(o.isSetSupported);
  const budget = options.requestBudgetBytes ?? DEFAULT_BUDGET;
  return o.runAction(async (raw) => {
    const ctx = counting(raw);
    try {
      const slots = await findSlots(ctx);
      const hasChart = await chartExists(ctx, slots.matrix);
      const models = summarySheetModels(
        summary,
        skipped.map((s) => ({ source: s.source, reason: t(WORKBOOK_LOCALE, s.reason.key, s.reason.params) })),
        WORKBOOK_TEXTS,
        {
          sheetNames: { matrix: slots.matrix.name, missed: slots.missed.name, detail: slots.detail.name },
          notesOnMatrix: true,
        },
      );
      const matrix = sheetFor(ctx, slots.matrix);
      const missed = sheetFor(ctx, slots.missed);
      const detail = sheetFor(ctx, slots.detail);
      const blocks = [
        ...valueBlocks(matrix, models.matrix, budget),
        ...valueBlocks(missed, models.missed, budget),
        ...valueBlocks(detail, models.detail, budget),
      ];
      const [first, ...later] = packBlocks(blocks, budget);
      // Links and fills go with the last values, so a link's text is never overwritten after it.
      const decorate = () => {
        paint(matrix, models.matrix.fills);
        link(matrix, models.matrix.links);
        paint(detail, models.detail.fills);
        link(detail, models.detail.links);
      };

      prepare(matrix, models.matrix, slots.matrix);
      prepare(missed, models.missed, slots.missed);
      prepare(detail, models.detail, slots.detail, false);
      for (const write of first ?? []) write.run();
      if (later.length === 0) decorate();
      if (hasChart) matrix.charts.getItemOrNullObject(SUMMARY_CHART).delete();
      addChart(matrix, models.matrix);
      matrix.activate();
      await ctx.sync();
      for (const [i, request] of later.entries()) {
        for (const write of request) write.run();
        if (i === later.length - 1) decorate();
        await ctx.sync();
      }
      return {
        matrixSheet: slots.matrix.name,
        missedSheet: slots.missed.name,
        detailSheet: slots.detail.name,
        created: slots.matrix.existing === null,
        syncs: ctx.syncs,
      };
    } catch (error) {
      throw toAdapterError(error);
    }
  });
}

const WORKBOOK_TEXTS: SummaryTexts = {
  lang: "zh",
  label: (key, params = {}) => t(WORKBOOK_LOCALE, `xlsx.summary.${key}`, params),
  note: (note) => t(WORKBOOK_LOCALE, note.code, note.params),
  reason: (reason) => t(WORKBOOK_LOCALE, `reason.${reason.code}`, reason.params),
};

/** A named item's formula ("=汇总!$A$1"), beyond the adapter's subset; Office.js has it since 1.1. */
interface NamedFormula {
  readonly name: string;
  readonly formula: unknown;
}
type Fits<Subset, Real extends Subset> = Real;
export type _NamedFormulaDrift = Fits<NamedFormula, Excel.NamedItem>;

/** Round trip 1: the sheets and our markers. */
async function findSlots(ctx: XlContext): Promise<Record<Kind, Slot>> {
  const wb = ctx.workbook;
  wb.worksheets.load("items/id,items/name");
  wb.names.load("items/name,items/formula");
  await ctx.sync();
  const sheets = wb.worksheets.items.map((s) => ({ id: s.id, name: s.name }));
  const byName = new Map(sheets.map((s) => [s.name.toLowerCase(), s]));
  const names = (wb.names.items as unknown as NamedFormula[]).map((n) => ({
    name: n.name,
    formula: String(n.formula ?? ""),
  }));
  const taken = new Set(byName.keys());
  const slot = (kind: Kind): Slot => {
    const base = SUMMARY_MARKERS[kind];
    const pattern = new RegExp(`^${base}(_\\d+)?$`, "i");
    const ours = names.filter((n) => pattern.test(n.name));
    const existing =
      ours.map((n) => byName.get(sheetOfFormula(n.formula).toLowerCase())).find((s) => s !== undefined) ??
      null;
    if (existing) return { kind, existing, name: existing.name, marker: base };
    const usedMarkers = new Set(ours.map((n) => n.name.toLowerCase()));
    let marker: string = base;
    for (let n = 2; usedMarkers.has(marker.toLowerCase()); n++) marker = `${base}_${n}`;
    return { kind, existing: null, name: freeSheetName(WANTED[kind], taken), marker };
  };
  const matrix = slot("matrix");
  taken.add(matrix.name.toLowerCase());
  const missed = slot("missed");
  taken.add(missed.name.toLowerCase());
  return { matrix, missed, detail: slot("detail") };
}

/** Round trip 2, on a rerun only: whether the chart of the last run is still there to replace. */
async function chartExists(ctx: XlContext, slot: Slot): Promise<boolean> {
  if (!slot.existing) return false;
  const chart = ctx.workbook.worksheets.getItem(slot.existing.id).charts.getItemOrNullObject(SUMMARY_CHART);
  await ctx.sync();
  return !chart.isNullObject;
}

/** "=汇总!$A$1", "='汇总 (2)'!$A$1" → the sheet's name ("" for "#REF!"). */
export function sheetOfFormula(formula: string): string {
  const body = formula.replace(/^=/, "");
  const bang = body.lastIndexOf("!");
  if (bang < 0) return "";
  const sheet = body.slice(0, bang);
  return sheet.startsWith("'") && sheet.endsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

function sheetFor(ctx: XlContext, slot: Slot): XlWorksheet {
  const wb = ctx.workbook;
  if (slot.existing) return wb.worksheets.getItem(slot.existing.id);
  const sheet = wb.worksheets.add(slot.name);
  wb.names.add(slot.marker, sheet.getRange("A1"), "Taizhang: consolidation sheet (汇总)");
  return sheet;
}

/** Clears what an earlier run left, then sets widths, formats, header style and frozen rows. */
function prepare(sheet: XlWorksheet, model: SheetModel, slot: Slot, header = true): void {
  const width = model.widths.length;
  if (slot.existing) {
    const all = sheet.getRange();
    all.conditionalFormats.clearAll();
    all.clear("All");
  }
  model.widths.forEach((w, c) => {
    sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w * POINTS_PER_CHARACTER;
  });
  const dataRows = model.rows.length - SUMMARY_HEADER_ROW;
  if (dataRows > 0) {
    for (const c of textColumns(model)) {
      sheet.getRangeByIndexes(SUMMARY_HEADER_ROW, c, dataRows, 1).numberFormat = [["@"]];
    }
  }
  for (const f of model.formats) {
    sheet.getRangeByIndexes(f.fromRow - 1, f.column, f.toRow - f.fromRow + 1, 1).numberFormat = [[f.format]];
  }
  for (const row of model.boldRows) sheet.getRangeByIndexes(row - 1, 0, 1, width).format.font.bold = true;
  if (!header) return;
  const headerRow = sheet.getRangeByIndexes(SUMMARY_HEADER_ROW - 1, 0, 1, width);
  headerRow.format.fill.color = FILLS.header;
  headerRow.format.wrapText = true;
  sheet.freezePanes.freezeRows(SUMMARY_HEADER_ROW);
}

/** Columns whose cells below the header are all text: formatted as text so Excel keeps them as typed. */
function textColumns(model: SheetModel): number[] {
  const body = model.rows.slice(SUMMARY_HEADER_ROW);
  return model.widths
    .map((_, c) => c)
    .filter((c) => {
      const cells = body.map((row) => row[c] ?? null).filter((v) => v !== null);
      return cells.length > 0 && cells.every((v) => typeof v === "string");
    });
}

interface BlockWrite {
  bytes: number;
  run(): void;
}

/** The sheet's values as row blocks, each with its size, so a large summary spans several requests. */
function valueBlocks(sheet: XlWorksheet, model: SheetModel, budget: number): BlockWrite[] {
  const width = model.widths.length;
  const encoder = new TextEncoder();
  const blocks: BlockWrite[] = [];
  let start = 0;
  let rows: unknown[][] = [];
  let bytes = 0;
  const flush = () => {
    if (rows.length === 0) return;
    const [from, values] = [start, rows];
    blocks.push({
      bytes,
      run: () => {
        // Township names, sources and notes come from the townships' files: text, never formulas.
        formatStringsAsText(sheet, from, 0, values);
        sheet.getRangeByIndexes(from, 0, values.length, width).values = values;
      },
    });
    start += rows.length;
    rows = [];
    bytes = 0;
  };
  for (const row of model.rows) {
    const values = row.map((c: SheetCell) => c ?? "");
    const size = encoder.encode(JSON.stringify(values)).length;
    if (rows.length >= BLOCK_ROWS || (rows.length > 0 && bytes + size > budget)) flush();
    rows.push(values);
    bytes += size;
  }
  flush();
  return blocks;
}

const BLOCK_ROWS = 500;

/** Greedy: as many blocks per request as fit the budget (a block larger than it goes alone). */
function packBlocks(blocks: readonly BlockWrite[], budget: number): BlockWrite[][] {
  const requests: BlockWrite[][] = [[]];
  let used = 0;
  for (const block of blocks) {
    const current = requests[requests.length - 1] as BlockWrite[];
    if (current.length > 0 && used + block.bytes > budget) {
      requests.push([block]);
      used = block.bytes;
    } else {
      current.push(block);
      used += block.bytes;
    }
  }
  return requests;
}

/** Range.hyperlink (ExcelApi 1.7), beyond the adapter's subset. */
interface LinkableRange {
  hyperlink: Excel.RangeHyperlink;
}
export type _LinkableRangeDrift = Fits<LinkableRange, Excel.Range>;

/** The heat map as static fills: the same colours in Excel, WPS, LibreOffice and the preview. */
function paint(sheet: XlWorksheet, fills: readonly CellFill[]): void {
  for (const f of fills) sheet.getRangeByIndexes(f.row - 1, f.column, 1, 1).format.fill.color = f.color;
}

/**
 * Each link as a `documentReference` into the workbook, keeping the cell's text
 * (https://learn.microsoft.com/javascript/api/excel/excel.rangehyperlink).
 */
function link(sheet: XlWorksheet, links: readonly CellLink[]): void {
  for (const l of links) {
    const range = sheet.getRangeByIndexes(l.row - 1, l.column, 1, 1) as unknown as LinkableRange;
    range.hyperlink = { documentReference: linkReference(l) };
  }
}

/** A bar chart of the overall scores beside the matrix, tall enough for every township. */
function addChart(sheet: XlWorksheet, model: SummaryMatrixModel): void {
  const chart = model.chart;
  if (!chart) return;
  const source = sheet.getRangeByIndexes(
    chart.firstRow - 1,
    chart.categoryColumn,
    chart.lastRow - chart.firstRow + 1,
    chart.valueColumn - chart.categoryColumn + 1,
  );
  const added = sheet.charts.add("BarClustered", source, "Columns");
  added.name = SUMMARY_CHART;
  added.title.text = chart.title;
  const left = model.widths.length + 1;
  const rows = Math.max(20, chart.lastRow - chart.firstRow + 6);
  added.setPosition(`${columnLetters(left)}2`, `${columnLetters(left + 8)}${rows}`);
}
