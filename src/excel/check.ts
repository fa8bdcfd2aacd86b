import type { Assessment } from "../core/assessment";
import { absoluteCell } from "../core/formulas/score/refs";
import type { WorkbookFormulas } from "../core/formulas/types";
import type { ItemScoreCells } from "../core/layout";
import type { Pack } from "../core/pack/schema";
import { rawAt, type RawSheet, readWorkbookSnapshot } from "../core/read";
import type { CellValue, WorkbookSnapshot } from "../core/snapshot";
import { type Box, formatBox, MAX_COLUMNS } from "./address";
import type { XlContext, XlRange, XlValue, XlWorksheet } from "./api";
import { INFO_COLUMNS } from "./infoSheet";
import { formulasMatching } from "./installFormulas";
import { readWorkbook, rereadWorkbook } from "./read";
import { cellValue } from "./snapshot";
import { type CachedTable, refreshBody, snapshotOfState, stateFrom, type WorkbookState } from "./state";
import { queueMetaRefresh } from "./metaSheet";
import { type InputCheckTarget, type OutputTarget, writeOutputs } from "./writeOutputs";

export type Assess = (pack: Pack, snapshot: WorkbookSnapshot) => Assessment;

export interface CheckOutcome {
  assessment: Assessment;
  /** "full": every table was read; "edit": only the rows an edit touched. */
  kind: "full" | "edit";
  /** Table rows read from the workbook for this check. */
  rowsRead: number;
  /** 校验 cells whose text changed (and were written). */
  changedCells: number;
  /** Round trips this check took. */
  syncs: number;
}

/** Past this many cells an edit is checked by reading everything (a whole-column clear, a huge paste). */
const MAX_EDIT_CELLS = 200_000;
/** Columns read right of the widest known row, for a whole-row edit. */
const SPARE_COLUMNS = 16;

/** Rows of a sheet an edit touched, by sheet id. */
export interface Dirty {
  boxes: Map<string, Box[]>;
}

/**
 * Reads every sheet's cells, locates Taizhang's tables and inputs, and reads them through the
 * core; the caller checks and syncs the writes. Cold: 2 round trips; warm (the sheets, tables and
 * names known): 1.
 */
export async function readForFullCheck(
  ctx: XlContext,
  state: WorkbookState | null,
  pack: Pack | null | undefined,
  options: { checkFormulas?: boolean } = {},
): Promise<{ state: WorkbookState; rowsRead: number }> {
  const read =
    (state ? await rereadWorkbook(ctx, state.read, options) : null) ?? (await readWorkbook(ctx, options));
  const fresh = stateFrom(read, pack ?? state?.pack);
  return { state: fresh, rowsRead: count(fresh) };
}

function count(state: WorkbookState): number {
  let n = 0;
  for (const t of Object.values(state.reading.snapshot.tables)) n += t.rows.length;
  return n;
}

/**
 * Reads only the cells an edit touched on Taizhang's sheets (so records typed below a table are
 * seen), patches the cached cells and reads them through the core again. Returns false when a table moved or its header changed (the caller then does a full
 * check). One round trip.
 */
export async function readEditedRows(
  ctx: XlContext,
  state: WorkbookState,
  dirty: Dirty,
): Promise<{ ok: boolean; rowsRead: number }> {
  const wb = ctx.workbook;
  const sheets = new Map(state.raw.sheets.map((s) => [s.id, s]));
  const reads: { sheet: RawSheet; box: Box; cells: XlRange }[] = [];
  for (const [sheetId, boxes] of dirty.boxes) {
    const sheet = sheets.get(sheetId);
    if (!sheet) continue;
    const ws = wb.worksheets.getItem(sheetId);
    // Cells right of everything known hold nothing the reading uses; whole rows stop there.
    let widest = 0;
    for (const r of sheet.rows) widest = Math.max(widest, r.length);
    for (const t of sheet.tables) widest = Math.max(widest, t.right + 1);
    for (const edited of boxes) {
      const box = { ...edited, c1: Math.min(edited.c1, Math.max(edited.c0, widest + SPARE_COLUMNS)) };
      // A whole-column clear or a huge paste: read everything instead.
      if ((box.r1 - box.r0 + 1) * (box.c1 - box.c0 + 1) > MAX_EDIT_CELLS) return { ok: false, rowsRead: 0 };
      const cells = ws
        .getRangeByIndexes(box.r0, box.c0, box.r1 - box.r0 + 1, box.c1 - box.c0 + 1)
        .load("values");
      reads.push({ sheet, box, cells });
    }
  }
  const tables = [...state.tables.values()]
    .filter((t) => dirty.boxes.has(t.sheetId))
    .map((cached) => ({
      cached,
      range: wb.tables.getItem(cached.id).getRange().load("rowIndex,columnIndex,rowCount,columnCount"),
    }));
  if (reads.length === 0) return { ok: true, rowsRead: 0 };
  await ctx.sync();

  for (const { cached, range } of tables) {
    const headerTouched = (dirty.boxes.get(cached.sheetId) ?? []).some(
      (b) => b.r0 <= cached.headerRow && cached.headerRow <= b.r1,
    );
    const moved =
      range.rowIndex !== cached.headerRow ||
      range.columnIndex !== cached.firstColumn ||
      range.columnCount !== cached.headers.length;
    if (headerTouched || moved) return { ok: false, rowsRead: 0 };
    cached.bottom = range.rowIndex + range.rowCount - 1;
  }
  let rowsRead = 0;
  const patched = new Map<string, RawSheet>();
  for (const { sheet, box, cells } of reads) {
    const target = patched.get(sheet.id) ?? { ...sheet, rows: sheet.rows.map((r) => [...r]) };
    patched.set(sheet.id, target);
    const rows = target.rows as CellValue[][];
    while (rows.length <= box.r1) rows.push([]);
    for (let r = box.r0; r <= box.r1; r++) {
      const row = rows[r] as CellValue[];
      const values = cells.values[r - box.r0] ?? [];
      for (let c = box.c0; c <= box.c1; c++) {
        const value = cellValue(values[c - box.c0] as XlValue | undefined);
        if (c < row.length || value !== null) {
          while (row.length < c) row.push(null);
          row[c] = value;
        }
      }
      while (row.length > 0 && row[row.length - 1] === null) row.pop();
      rowsRead += 1;
    }
    while (rows.length > 0 && (rows[rows.length - 1] as CellValue[]).length === 0) rows.pop();
  }
  state.raw = { ...state.raw, sheets: state.raw.sheets.map((s) => patched.get(s.id) ?? s) };
  const hints = new Map([...state.located.extra.tableIds].map(([key, ids]) => [key, ids.tableId]));
  state.reading = readWorkbookSnapshot(state.raw, state.layout, state.located.meta, hints);
  for (const cached of state.tables.values()) {
    const sheet = state.raw.sheets.find((s) => s.id === cached.sheetId);
    if (sheet) refreshBody(cached, sheet);
  }
  for (const input of state.inputs.values()) {
    const found = state.reading.inputs.get(input.inputId);
    const value = found ? rawAt(found.sheet, found.row, found.column) : null;
    if (found) input.value = value === null || value instanceof Date ? "" : value;
  }
  return { ok: true, rowsRead };
}

/** Sheet rows a table's records may be on (down to the next table), and its columns. */
export function tableSpan(t: CachedTable): Box {
  return {
    r0: t.headerRow,
    c0: t.firstColumn,
    r1: t.regionEnd,
    c1: t.firstColumn + t.headers.length - 1,
  };
}

/** Assesses the cached snapshot and queues the writes that changed: 校验 cells, results, gaps. */
export function queueOutputs(
  ctx: XlContext,
  state: WorkbookState,
  assess: Assess,
  options: { touchResults?: boolean; refreshMeta?: boolean; touchGaps?: boolean } = {},
): { assessment: Assessment; changedCells: number } {
  const assessment = assess(state.pack, snapshotOfState(state));
  const wb = ctx.workbook;
  if (options.refreshMeta) queueMetaRefresh(ctx, state);
  const targets: OutputTarget[] = [...state.tables.values()].map((t) => ({
    key: t.key,
    table: wb.tables.getItem(t.id),
    checkColumn: t.checkColumn,
    snapshot: t.snapshot,
    userColumns: t.userColumns,
    previous: t.checks,
    ...(t.formulaRows ? { formulaRows: t.formulaRows } : {}),
    ...ledgerStatusOf(state, t),
  }));
  const info = state.sheets.info;
  const infoSheet: XlWorksheet | null = info ? wb.worksheets.getItem(info.id) : null;
  const infoCells: InputCheckTarget[] = [...state.inputs.values()]
    .filter((i) => i.sheetId === info?.id)
    .map((i) => ({
      row: i.row,
      column: i.column + (INFO_COLUMNS.check - INFO_COLUMNS.value),
      value: i.value === "" ? null : i.value,
      sheet: i.sheetName,
      cell: `${formatBox({ r0: i.row, c0: i.column, r1: i.row, c1: i.column })}`,
      retired: i.retired,
      previous: i.check,
    }));
  const results = state.sheets.results;
  const gaps = state.sheets.gaps;
  const touch = options.touchResults ?? true;
  const compiled = touch ? compiledFormulas(state) : null;
  const written = writeOutputs({
    assessment,
    layout: {
      ...state.layout,
      results: { sheet: results?.name ?? state.layout.results.sheet },
      gaps: { sheet: gaps?.name ?? state.layout.gaps.sheet },
    },
    tables: targets,
    retired: state.retired,
    info: infoSheet ? { sheet: infoSheet, cells: infoCells } : null,
    results:
      results && touch
        ? {
            sheet: wb.worksheets.getItem(results.id),
            firstWrite: false,
            hasChart: results.hasChart,
            formulas: compiled?.cells.filter((c) => c.sheet === state.layout.results.sheet) ?? [],
          }
        : null,
    // 差距清单 holds what people type (责任人, 完成期限, 备注): it is rewritten only from cells read in
    // this batch, never from an older picture that misses their latest typing.
    gaps:
      gaps && touch && (options.touchGaps ?? true)
        ? {
            sheet: wb.worksheets.getItem(gaps.id),
            firstWrite: false,
            previous: state.raw.sheets.find((s) => s.id === gaps.id)?.rows ?? [],
            ...(compiled ? { scoreCells: gapScoreCells(state, compiled) } : {}),
          }
        : null,
  });
  for (const t of state.tables.values()) t.checks = written.checks.get(t.key) ?? t.checks;
  for (const i of state.inputs.values()) {
    const text = written.inputChecks.get(`${i.row}:${i.column + (INFO_COLUMNS.check - INFO_COLUMNS.value)}`);
    if (text !== undefined) i.check = text;
  }
  return { assessment, changedCells: written.changedCells };
}

/** A checklist's 状态 cells as last read, for the ledger items' results (writeLedgerStatus). */
function ledgerStatusOf(state: WorkbookState, t: CachedTable): Pick<OutputTarget, "status"> {
  const column = t.snapshot.columns.status;
  const sheet = state.raw.sheets.find((s) => s.id === t.sheetId);
  if (!t.key.startsWith("checklist:") || column === undefined || !sheet) return {};
  return {
    status: {
      column: column - t.firstColumn,
      values: t.snapshot.rows.map((r) => rawAt(sheet, r.row - 1, column)),
    },
  };
}

/** The rows of an event address, or the whole sheet width for row/column inserts. */
export function wholeRows(box: Box): Box {
  return { r0: box.r0, c0: 0, r1: box.r1, c1: MAX_COLUMNS - 1 };
}

/**
 * The compiled formulas, for a workbook whose rows carry these very formulas (installed with them,
 * by this version): rewriting 自评结果 keeps its figures formulas and 差距清单's points read the
 * items' 应得 / 实得 helpers. A workbook without them, or with another version's helpers, keeps
 * values in both until an upgrade or reinstall rewrites its formulas.
 */
function compiledFormulas(state: WorkbookState): WorkbookFormulas | null {
  const withFormulas = [...state.tables.values()].some((t) => t.formulaRows?.some(Boolean));
  return withFormulas ? formulasMatching(state.pack, state.layout, state.located.meta?.formulas) : null;
}

/**
 * The 应得 / 实得 helper cells of each compiled item on its row as the workbook has it now, for
 * 差距清单's formulas: only where both cells show a number, i.e. hold the helpers (a compiled
 * 应得 is the item's points or 0). A workbook without them (installed by an add-in that wrote no
 * row helpers, an older one) keeps the numbers: a formula there would read an empty cell as 0.
 */
function gapScoreCells(state: WorkbookState, compiled: WorkbookFormulas): Map<string, ItemScoreCells> {
  const out = new Map<string, ItemScoreCells>();
  for (const t of state.tables.values()) {
    const tf = compiled.tables.get(t.key);
    const offsets = tf?.scoreOffsets;
    const sheet = state.raw.sheets.find((s) => s.id === t.sheetId);
    if (!tf || !offsets || !sheet || t.key.startsWith("ledger:") || !t.current) continue;
    const helpers = [offsets.applicable, offsets.earned];
    for (const r of t.snapshot.rows) {
      const itemId = typeof r.cells.id === "string" ? r.cells.id.trim() : "";
      if (!itemId || out.has(itemId)) continue;
      const written = new Set(
        tf.rowFormulas({ row: r.row - 1, firstColumn: t.firstColumn, itemId }).map((f) => f.offset),
      );
      const held = (offset: number): boolean =>
        written.has(offset) && typeof rawAt(sheet, r.row - 1, t.firstColumn + offset) === "number";
      if (!helpers.every(held)) continue;
      const cell = (offset: number): string => absoluteCell(t.sheetName, t.firstColumn + offset, r.row);
      out.set(itemId, { applicable: cell(offsets.applicable), earned: cell(offsets.earned) });
    }
  }
  return out;
}
