import type { Assessment } from "../core/assessment";
import type { Finding } from "../core/findings";
import {
  CHECK_MARKS,
  checkCellText,
  gapsSheetModel,
  type GapSheetOptions,
  isLedgerRowText,
  ledgerCountsOf,
  ledgerRowText,
  resultsSheetModel,
  type ResultTexts,
  type SheetModel,
  type ResultsSheetModel,
  type WorkbookLayout,
  WORKBOOK_LOCALE,
  pointsFromCharacters,
} from "../core/layout";
import type { CellValue, TableSnapshot } from "../core/snapshot";
import { rowCheckText } from "../core/formulas/checkText";
import type { FixedFormula } from "../core/formulas/types";
import { findingMessage, shortFindingMessage, t } from "../i18n";
import { columnLetters } from "./address";
import type { XlRange, XlTable, XlWorksheet } from "./api";
import { checkFill } from "./format";
import { SCORES_CHART } from "./read";
import { formatStringsAsText } from "./textCells";

/** What Taizhang writes back: the 校验 cell of every row, and the two result sheets. */

export const RESULT_TEXTS: ResultTexts = {
  finding: (f) => findingMessage(WORKBOOK_LOCALE, f),
  reason: (r) => t(WORKBOOK_LOCALE, `reason.${r.code}`, r.params),
};

const describe = (f: Finding): string => findingMessage(WORKBOOK_LOCALE, f);

/** A 校验 cell's words: the short text the workbook's own formulas write too. */
const short = (f: Finding): string => shortFindingMessage(WORKBOOK_LOCALE, f);

/** Findings by "tableKey|row" and by item id, to fill 校验 cells. */
export interface FindingIndex {
  byRow: Map<string, Finding[]>;
  byItem: Map<string, readonly Finding[]>;
  byCell: Map<string, Finding[]>;
}

export function indexFindings(assessment: Assessment): FindingIndex {
  const byRow = new Map<string, Finding[]>();
  const byCell = new Map<string, Finding[]>();
  const push = (map: Map<string, Finding[]>, key: string, f: Finding) => {
    const list = map.get(key);
    if (list) {
      if (!list.includes(f)) list.push(f);
    } else map.set(key, [f]);
  };
  const all = [...assessment.findings, ...assessment.items.flatMap((i) => i.findings)];
  for (const f of all) {
    if (f.tableKey && f.row !== undefined) push(byRow, `${f.tableKey}|${f.row}`, f);
    else if (f.cell) push(byCell, `${f.sheet}|${f.cell}`, f);
  }
  return { byRow, byItem: new Map(assessment.items.map((i) => [i.itemId, i.findings])), byCell };
}

const isBlank = (v: unknown): boolean =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** The 校验 text of each row of a table snapshot, in row order. */
export function checkTexts(
  table: TableSnapshot,
  index: FindingIndex,
  retired: ReadonlySet<string>,
  userColumns: readonly string[],
): string[] {
  // The order the workbook's 校验 formulas list their pieces in: by the table's columns.
  const columnOrder = Object.entries(table.columns)
    .sort((a, b) => a[1] - b[1])
    .map(([id]) => id);
  return table.rows.map((row) => {
    const itemId = typeof row.cells.id === "string" ? row.cells.id.trim() : "";
    if (itemId && retired.has(itemId)) return t(WORKBOOK_LOCALE, "excel.check.retired");
    const findings = [...(index.byRow.get(`${table.key}|${row.row}`) ?? [])];
    for (const f of itemId ? (index.byItem.get(itemId) ?? []) : []) {
      if (
        !findings.includes(f) &&
        (!f.tableKey || f.tableKey === table.key) &&
        (f.row === undefined || f.row === row.row)
      ) {
        findings.push(f);
      }
    }
    const entered = userColumns.some((c) => !isBlank(row.cells[c]));
    return rowCheckText(findings, entered, short, columnOrder);
  });
}

/** The 校验 text of an input cell on 基本信息. */
export function inputCheckText(index: FindingIndex, sheet: string, cell: string, value: unknown): string {
  const findings = index.byCell.get(`${sheet}|${cell}`) ?? [];
  if (findings.length === 0) return isBlank(value) ? "" : CHECK_MARKS.ok;
  return checkCellText(findings, describe);
}

/**
 * Writes a table's 校验 column: one write for the column, then a fill for each cell whose text
 * changed (all of them when `previous` is not known). Rows whose 校验 is a formula are never
 * written: the text goes to the other rows, one write per run of them that changed.
 */
export function writeCheckColumn(
  table: XlTable,
  checkColumn: number,
  texts: readonly string[],
  previous?: readonly string[],
  formulaRows?: readonly boolean[],
): number {
  if (texts.length === 0) return 0;
  const body = table.getDataBodyRange();
  if (formulaRows?.some(Boolean)) return writeTextRuns(body, checkColumn, texts, previous, formulaRows);
  let changed = 0;
  const same = previous && previous.length === texts.length && previous.every((p, i) => p === texts[i]);
  if (same) return 0;
  body.getColumn(checkColumn).values = texts.map((text) => [text]);
  texts.forEach((text, i) => {
    if (previous && previous[i] === text) return;
    changed += 1;
    paintCheck(body.getCell(i, checkColumn), text);
  });
  return changed;
}

function writeTextRuns(
  body: XlRange,
  checkColumn: number,
  texts: readonly string[],
  previous: readonly string[] | undefined,
  formulaRows: readonly boolean[],
): number {
  const known = previous !== undefined && previous.length === texts.length;
  const differs = (i: number) => !known || previous[i] !== texts[i];
  let changed = 0;
  let i = 0;
  while (i < texts.length) {
    if (formulaRows[i] === true) {
      i += 1;
      continue;
    }
    let end = i;
    while (end + 1 < texts.length && formulaRows[end + 1] !== true) end += 1;
    const run = texts.slice(i, end + 1);
    if (run.some((_, k) => differs(i + k))) {
      body.getCell(i, checkColumn).getResizedRange(run.length - 1, 0).values = run.map((text) => [text]);
      for (let k = i; k <= end; k++) {
        if (!differs(k)) continue;
        changed += 1;
        paintCheck(body.getCell(k, checkColumn), texts[k] ?? "");
      }
    }
    i = end + 1;
  }
  return changed;
}

/** The 状态 text of every ledger item's checklist row, by item id. */
export function ledgerRowTexts(assessment: Assessment): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of assessment.items) {
    const counts = ledgerCountsOf(item);
    if (counts) out.set(item.itemId, ledgerRowText(counts));
  }
  return out;
}

/**
 * Writes the ledger's result into the 状态 cell of each ledger item's row when it changed. A status
 * a person typed there (a workbook made before these rows were read-only) is left as typed.
 */
export function writeLedgerStatus(
  table: XlTable,
  snapshot: TableSnapshot,
  status: { column: number; values: readonly CellValue[] },
  texts: ReadonlyMap<string, string>,
): number {
  let changed = 0;
  snapshot.rows.forEach((row, i) => {
    const itemId = typeof row.cells.id === "string" ? row.cells.id.trim() : "";
    const text = texts.get(itemId);
    const current = status.values[i] ?? null;
    if (text === undefined || current === text) return;
    if (!isBlank(current) && !isLedgerRowText(current)) return;
    table.getDataBodyRange().getCell(i, status.column).values = [[text]];
    changed += 1;
  });
  return changed;
}

export function paintCheck(cell: XlRange, text: string): void {
  const fill = checkFill(text);
  if (fill) cell.format.fill.color = fill;
  else cell.format.fill.clear();
}

export function resultModels(
  assessment: Assessment,
  layout: WorkbookLayout,
  gapOptions: Omit<GapSheetOptions, "texts" | "lang"> = {},
): { results: ResultsSheetModel; gaps: SheetModel } {
  return {
    results: resultsSheetModel(assessment, layout, { texts: RESULT_TEXTS }),
    gaps: gapsSheetModel(assessment, layout, { ...gapOptions, texts: RESULT_TEXTS }),
  };
}

/**
 * Rewrites a result sheet from its model: contents cleared first (the gap list shrinks), formats
 * and widths set, the chart made once.
 */
export function writeSheetModel(
  sheet: XlWorksheet,
  model: SheetModel | ResultsSheetModel,
  options: {
    firstWrite: boolean;
    hasChart: boolean;
    wrapColumns?: readonly number[];
    /** Cells of this sheet that are formulas (自评结果's compiled figures): written as formulas. */
    formulas?: readonly FixedFormula[];
  },
): void {
  const width = model.widths.length;
  sheet.getRange(`A:${columnLetters(width - 1)}`).clear("Contents");
  const values = model.rows.map((row) => row.map((c) => c ?? ""));
  // Titles, 责任人, findings quoting what a user typed: text, never a formula or a date.
  formatStringsAsText(sheet, 0, 0, values);
  sheet.getRangeByIndexes(0, 0, model.rows.length, width).values = values;
  for (const f of model.formats) {
    sheet.getRangeByIndexes(f.fromRow - 1, f.column, f.toRow - f.fromRow + 1, 1).numberFormat = [[f.format]];
  }
  if (options.firstWrite) {
    model.widths.forEach((w, i) => {
      sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = pointsFromCharacters(w);
    });
    for (const row of model.boldRows) sheet.getRangeByIndexes(row - 1, 0, 1, width).format.font.bold = true;
  }
  for (const c of options.wrapColumns ?? []) {
    sheet.getRangeByIndexes(0, c, model.rows.length, 1).format.wrapText = true;
  }
  // After the values: a compiled figure stays a formula, never replaced by the number it shows.
  for (const cell of options.formulas ?? []) {
    const range = sheet.getRangeByIndexes(cell.row, cell.column, 1, 1);
    // The model's format for the figure, else General: in a text cell ("@") it would stay text.
    const format = model.formats.find(
      (f) => f.column === cell.column && f.fromRow <= cell.row + 1 && cell.row + 1 <= f.toRow,
    );
    range.numberFormat = [[format?.format ?? "General"]];
    range.formulas = [[cell.formula]];
  }
  writeModelFormulas(sheet, model, values);
  const chart = "chart" in model ? model.chart : null;
  if (chart && !options.hasChart) {
    const source = sheet.getRangeByIndexes(
      chart.firstRow - 1,
      chart.categoryColumn,
      chart.lastRow - chart.firstRow + 1,
      2,
    );
    const added = sheet.charts.add("BarClustered", source, "Columns");
    added.name = SCORES_CHART;
    added.title.text = chart.title;
    added.setPosition("G2", "N20");
  }
}

/**
 * The model's own formula cells (差距清单's points), as one block over the rows and columns they
 * span: one write however many gaps. Cells of the block without a formula get their value back
 * (numbers here: an item whose score is not compiled).
 */
function writeModelFormulas(
  sheet: XlWorksheet,
  model: SheetModel,
  values: readonly (readonly (string | number | boolean)[])[],
): void {
  const formulas = model.formulas ?? [];
  if (formulas.length === 0) return;
  const r0 = Math.min(...formulas.map((f) => f.row));
  const r1 = Math.max(...formulas.map((f) => f.row));
  const c0 = Math.min(...formulas.map((f) => f.column));
  const c1 = Math.max(...formulas.map((f) => f.column));
  const block = Array.from({ length: r1 - r0 + 1 }, (_, r) =>
    Array.from({ length: c1 - c0 + 1 }, (_, c): string | number | boolean => values[r0 + r]?.[c0 + c] ?? ""),
  );
  for (const f of formulas) {
    const row = block[f.row - r0];
    if (row) row[f.column - c0] = f.formula;
  }
  sheet.getRangeByIndexes(r0, c0, block.length, c1 - c0 + 1).formulas = block;
}
