import type { Assessment } from "../core/assessment";
import type { Pack } from "../core/pack/schema";
import type { WorkbookSnapshot } from "../core/snapshot";
import { type Box, formatBox, MAX_COLUMNS } from "./address";
import type { XlContext, XlRange, XlValue, XlWorksheet } from "./api";
import { INFO_COLUMNS } from "./infoSheet";
import { loadName, loadTable, nameRead, readWorkbook, tableRead } from "./read";
import { rowFrom } from "./snapshot";
import { type CachedTable, snapshotOfState, stateFrom, type WorkbookState } from "./state";
import { matchColumns } from "./locate";
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

/** Rows of a sheet an edit touched, by sheet id. */
export interface Dirty {
  boxes: Map<string, Box[]>;
}

/**
 * Reads every Taizhang table and input, checks, and queues the writes (the caller syncs).
 * Cold (no state): 2 round trips to read. Warm: 1, by table id, so renamed tables still resolve.
 */
export async function readForFullCheck(
  ctx: XlContext,
  state: WorkbookState | null,
  pack: Pack | null | undefined,
): Promise<{ state: WorkbookState; rowsRead: number }> {
  if (!state) {
    const read = await readWorkbook(ctx);
    const fresh = stateFrom(read, pack);
    return { state: fresh, rowsRead: count(fresh) };
  }
  const wb = ctx.workbook;
  const tables = [...state.tables.values()].map((t) => {
    const proxy = wb.tables.getItem(t.id);
    proxy.load("id,name,worksheet/id,worksheet/name");
    return { cached: t, proxy, ...loadTable(proxy) };
  });
  const inputs = [...state.inputs.values()].map((i) => {
    const item = wb.names.getItemOrNullObject(i.name);
    return { cached: i, range: loadName(item) };
  });
  await ctx.sync();
  for (const { cached, proxy, header, body } of tables) {
    const read = tableRead(proxy, header, body);
    const layoutColumns = state.layout.tables.find((l) => l.key === cached.key)?.columns;
    if (layoutColumns) cached.columns = matchColumns(read.headers, read.firstColumn, layoutColumns).columns;
    Object.assign(cached, {
      name: read.name,
      sheetId: read.sheetId,
      sheetName: read.sheetName,
      headerRow: read.headerRow,
      firstColumn: read.firstColumn,
      headers: read.headers,
    });
    const check = cached.columns.check;
    cached.checkColumn = check === undefined ? null : check - read.firstColumn;
    cached.snapshot = {
      key: cached.key,
      sheet: read.sheetName,
      columns: { ...cached.columns },
      rows: read.body.map((values, i) =>
        rowFrom(cached.columns, read.firstColumn, read.headerRow, i, values),
      ),
    };
    cached.checks =
      cached.checkColumn === null
        ? []
        : read.body.map((row) => String(row[cached.checkColumn as number] ?? ""));
  }
  for (const { cached, range } of inputs) {
    const read = nameRead(cached.name, range);
    if (read)
      Object.assign(cached, {
        value: read.value,
        row: read.row,
        column: read.column,
        sheetId: read.sheetId,
        sheetName: read.sheetName,
      });
  }
  return { state, rowsRead: count(state) };
}

function count(state: WorkbookState): number {
  let n = 0;
  for (const t of state.tables.values()) n += t.snapshot.rows.length;
  return n;
}

/**
 * Reads only the rows an edit touched (and the inputs, when one of them changed), patches the
 * cached snapshot, and returns false when the tables moved or changed shape (the caller then does
 * a full check). One round trip.
 */
export async function readEditedRows(
  ctx: XlContext,
  state: WorkbookState,
  dirty: Dirty,
): Promise<{ ok: boolean; rowsRead: number }> {
  const wb = ctx.workbook;
  const reads: { cached: CachedTable; header: XlRange; body: XlRange; rows: XlRange }[] = [];
  for (const [sheetId, boxes] of dirty.boxes) {
    for (const cached of state.tables.values()) {
      if (cached.sheetId !== sheetId) continue;
      const span = tableSpan(cached);
      for (const box of boxes) {
        if (box.r0 > span.r1 || box.r1 < span.r0) continue;
        // Not clamped at the bottom: a paste below a table grows it, and those rows are read too.
        const r0 = Math.max(box.r0, span.r0 + 1);
        const r1 = box.r1;
        if (r0 > r1) continue;
        const proxy = wb.tables.getItem(cached.id);
        const body = proxy.getDataBodyRange();
        reads.push({
          cached,
          header: proxy.getHeaderRowRange().load("values,rowIndex,columnIndex"),
          body: body.load("rowIndex,rowCount"),
          rows: body.getIntersectionOrNullObject(`${r0 + 1}:${r1 + 1}`).load("values,rowIndex"),
        });
      }
    }
  }
  const infoTouched = [...state.inputs.values()].some((i) =>
    (dirty.boxes.get(i.sheetId) ?? []).some(
      (b) => b.r0 <= i.row && i.row <= b.r1 && b.c0 <= i.column && i.column <= b.c1,
    ),
  );
  const inputs = infoTouched
    ? [...state.inputs.values()].map((i) => ({
        cached: i,
        range: loadName(wb.names.getItemOrNullObject(i.name)),
      }))
    : [];
  if (reads.length === 0 && inputs.length === 0) return { ok: true, rowsRead: 0 };
  await ctx.sync();

  let rowsRead = 0;
  for (const { cached, header, body, rows } of reads) {
    const oldCount = cached.snapshot.rows.length;
    const sameShape =
      header.rowIndex === cached.headerRow &&
      header.columnIndex === cached.firstColumn &&
      sameHeaders(header.values[0] ?? [], cached.headers);
    if (!sameShape || body.rowCount < oldCount) return { ok: false, rowsRead };
    if (rows.isNullObject) {
      if (body.rowCount !== oldCount) return { ok: false, rowsRead };
      continue;
    }
    const start = rows.rowIndex - (cached.headerRow + 1);
    // The table grew (a paste below it): fine when the rows read cover every new row.
    const end = start + rows.values.length;
    if (body.rowCount > oldCount && (start > oldCount || end < body.rowCount)) return { ok: false, rowsRead };
    const patched = [...cached.snapshot.rows];
    (rows.values as XlValue[][]).forEach((values, i) => {
      patched[start + i] = rowFrom(cached.columns, cached.firstColumn, cached.headerRow, start + i, values);
      rowsRead += 1;
    });
    cached.snapshot = { ...cached.snapshot, rows: patched };
  }
  for (const { cached, range } of inputs) {
    const read = nameRead(cached.name, range);
    if (!read || read.row !== cached.row || read.column !== cached.column) return { ok: false, rowsRead };
    cached.value = read.value;
  }
  return { ok: true, rowsRead };
}

function sameHeaders(a: readonly unknown[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => String(v) === b[i]);
}

/** Sheet rows a table covers, plus the row just below it (where Excel grows a table). */
export function tableSpan(t: CachedTable): Box {
  return {
    r0: t.headerRow,
    c0: t.firstColumn,
    r1: t.headerRow + t.snapshot.rows.length + 1,
    c1: t.firstColumn + t.headers.length - 1,
  };
}

/** Assesses the cached snapshot and queues the writes that changed: 校验 cells, results, gaps. */
export function queueOutputs(
  ctx: XlContext,
  state: WorkbookState,
  assess: Assess,
  options: { touchResults?: boolean; refreshMeta?: boolean } = {},
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
        ? { sheet: wb.worksheets.getItem(results.id), firstWrite: false, hasChart: results.hasChart }
        : null,
    gaps: gaps && touch ? { sheet: wb.worksheets.getItem(gaps.id), firstWrite: false } : null,
  });
  for (const t of state.tables.values()) t.checks = written.checks.get(t.key) ?? t.checks;
  for (const i of state.inputs.values()) {
    const text = written.inputChecks.get(`${i.row}:${i.column + (INFO_COLUMNS.check - INFO_COLUMNS.value)}`);
    if (text !== undefined) i.check = text;
  }
  return { assessment, changedCells: written.changedCells };
}

/** The rows of an event address, or the whole sheet width for row/column inserts. */
export function wholeRows(box: Box): Box {
  return { r0: box.r0, c0: 0, r1: box.r1, c1: MAX_COLUMNS - 1 };
}
