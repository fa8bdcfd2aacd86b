import type { Pack } from "../core/pack/schema";
import type { WorkbookSnapshot } from "../core/snapshot";
import { type Box, formatBox, intersect, parseAddress } from "./address";
import type { XlChangedArgs, XlContext, XlEventRegistration, XlSelectionChangedArgs } from "./api";
import {
  type CheckOutcome,
  type Dirty,
  queueOutputs,
  readEditedRows,
  readForFullCheck,
  tableSpan,
} from "./check";
import { counting } from "./context";
import { type ExcelAdapterError, toAdapterError } from "./errors";
import { type AdapterOptions, resolveOptions } from "./options";
import { requireCapabilities } from "./requirements";
import { snapshotOfState, type WorkbookState } from "./state";

export type Schedule = (run: () => void, delayMs: number) => () => void;

export interface LiveOptions extends AdapterOptions {
  /** A fresh assessment after every check (the first one included). */
  onResult: (outcome: CheckOutcome & { source: "Local" | "Remote" | "Both" | "Start" }) => void;
  onError?: (error: ExcelAdapterError) => void;
  /** Quiet time before a burst of edits is checked. */
  delayMs?: number;
  /** Defaults to setTimeout; tests pass a manual one. */
  schedule?: Schedule;
  /** Retries of a check that failed because a cell was being edited. */
  maxRetries?: number;
}

export interface LiveSession {
  /** Checks what is pending now instead of waiting for the quiet time. */
  flush(): Promise<void>;
  /**
   * 全部重新校验: reads and checks everything and writes 校验 text (never over a formula), 自评结果
   * and 差距清单 as one undo step (≤ 2 round trips while the session knows the workbook).
   */
  recheck(): Promise<CheckOutcome>;
  /**
   * After a fix the person clicked wrote their cells (转换为日期): the add-in's own writes fire no
   * check, so this reads everything again and reports it, writing nothing.
   */
  refresh(): Promise<void>;
  stop(): Promise<void>;
  /** The snapshot of the last check (null before the first), to find an item's row without a read. */
  snapshot(): WorkbookSnapshot | null;
}

const defaultSchedule: Schedule = (run, delayMs) => {
  const handle = setTimeout(run, delayMs);
  return () => clearTimeout(handle);
};

/**
 * Live validation: listens to changes on Taizhang's sheets (including co-authors' edits), checks a
 * burst of edits once after a quiet time, reads only the rows that changed and reports the fresh
 * assessment to the pane. It writes nothing: a write in answer to an edit would clear or
 * interleave with the person's undo history and race their typing (design.md §6, issue 15). The
 * workbook's own formulas keep 校验 and 自评结果 current; text outputs are written by explicit
 * actions only (recheck(), 导出, install). One edit: 1 round trip, 0 writes.
 *
 * A value picked from a dropdown fires no onChanged on some hosts
 * (https://github.com/OfficeDev/office-js/issues/420, https://github.com/OfficeDev/office-js/issues/3888,
 * https://github.com/OfficeDev/office-js/issues/4066): when the selection leaves a cell of ours,
 * that cell is read again (1 round trip, 0 writes) so such a pick is caught at the next click.
 */
export async function startLiveValidation(pack: Pack | null, options: LiveOptions): Promise<LiveSession> {
  const o = resolveOptions(options);
  requireCapabilities(o.isSetSupported);
  const schedule = options.schedule ?? defaultSchedule;
  const delayMs = options.delayMs ?? 400;
  const maxRetries = options.maxRetries ?? 5;
  let state: WorkbookState | null = null;
  let stopped = false;
  let registrations: XlEventRegistration[] = [];
  let dirty: Dirty = { boxes: new Map() };
  let structural = false;
  let sources = new Set<string>();
  let cancelTimer: (() => void) | null = null;
  let retries = 0;
  let chain: Promise<unknown> = Promise.resolve();

  const report = (error: unknown) => options.onError?.(toAdapterError(error));

  const onChanged = async (args: XlChangedArgs): Promise<void> => {
    if (stopped || !state) return;
    if (args.triggerSource === "ThisLocalAddin") return;
    const change = relevant(state, args);
    if (change === "ignore") return;
    if (change === "structural") structural = true;
    else {
      changedSinceSelection.set(args.worksheetId, [
        ...(changedSinceSelection.get(args.worksheetId) ?? []),
        change,
      ]);
      const list = dirty.boxes.get(args.worksheetId) ?? [];
      list.push(change);
      dirty.boxes.set(args.worksheetId, list);
    }
    sources.add(args.source);
    arm();
  };

  /** Per sheet id: the cell the person was on, checked again when they leave it. */
  const lastSelected = new Map<string, Box>();
  /** Per sheet id: what onChanged reported since the last selection change (no second read). */
  const changedSinceSelection = new Map<string, Box[]>();
  const onSelectionChanged = async (args: XlSelectionChangedArgs): Promise<void> => {
    if (stopped || !state) return;
    const left = lastSelected.get(args.worksheetId);
    const parsed = parseAddress(args.address);
    if (parsed) lastSelected.set(args.worksheetId, parsed.box);
    const reported = changedSinceSelection.get(args.worksheetId) ?? [];
    changedSinceSelection.delete(args.worksheetId);
    if (!left || (left.r1 - left.r0 + 1) * (left.c1 - left.c0 + 1) > MAX_SELECTION_CELLS) return;
    // The host reported the edit of the cell being left: it is checked already.
    if (reported.some((b) => covers(b, left))) return;
    const change = relevant(state, {
      address: formatBox(left),
      changeType: "RangeEdited",
      source: "Local",
      type: "WorksheetChanged",
      worksheetId: args.worksheetId,
    });
    if (change === "ignore" || change === "structural") return;
    const list = dirty.boxes.get(args.worksheetId) ?? [];
    list.push(change);
    dirty.boxes.set(args.worksheetId, list);
    sources.add("Local");
    arm();
  };

  const arm = () => {
    cancelTimer?.();
    cancelTimer = schedule(() => {
      cancelTimer = null;
      void flush();
    }, delayMs);
  };

  const takePending = () => {
    const taken = { dirty, structural, sources };
    dirty = { boxes: new Map() };
    structural = false;
    sources = new Set();
    return taken;
  };

  const sourceOf = (s: Set<string>): "Local" | "Remote" | "Both" =>
    s.has("Remote") && s.has("Local") ? "Both" : s.has("Remote") ? "Remote" : "Local";

  const checkPending = async (): Promise<void> => {
    if (stopped || !state) return;
    const pending = takePending();
    if (pending.dirty.boxes.size === 0 && !pending.structural) return;
    try {
      const outcome = await o.run(async (raw) => {
        const ctx = counting(raw);
        let kind: CheckOutcome["kind"] = "edit";
        let rowsRead = 0;
        if (!pending.structural) {
          const edited = await readEditedRows(ctx, state as WorkbookState, pending.dirty);
          rowsRead = edited.rowsRead;
          if (!edited.ok) kind = "full";
        } else kind = "full";
        if (kind === "full") {
          const full = await readForFullCheck(ctx, state, pack);
          state = full.state;
          rowsRead += full.rowsRead;
        }
        // Nothing is written: the pane shows the result, the workbook's formulas show theirs.
        const current = state as WorkbookState;
        const assessment = o.assess(current.pack, snapshotOfState(current));
        return { assessment, kind, rowsRead, changedCells: 0, syncs: ctx.syncs };
      });
      retries = 0;
      options.onResult({ ...outcome, source: sourceOf(pending.sources) });
    } catch (error) {
      const adapterError = toAdapterError(error);
      if (adapterError.retry && retries < maxRetries) {
        // Put the edits back and try again after the quiet time (e.g. once the cell edit ends).
        retries += 1;
        for (const [sheet, boxes] of pending.dirty.boxes)
          dirty.boxes.set(sheet, [...(dirty.boxes.get(sheet) ?? []), ...boxes]);
        structural ||= pending.structural;
        for (const s of pending.sources) sources.add(s);
        arm();
      } else {
        // The cached picture may be wrong now; the next check reads everything.
        structural = true;
      }
      report(adapterError);
    }
  };

  const flush = (): Promise<void> => {
    cancelTimer?.();
    cancelTimer = null;
    chain = chain.then(checkPending, checkPending);
    return chain as Promise<void>;
  };

  /** The first check: reads everything and starts listening; writes nothing. */
  const start = (): Promise<CheckOutcome> =>
    o.run(async (raw) => {
      const ctx = counting(raw);
      const full = await readForFullCheck(ctx, state, pack);
      state = full.state;
      const assessment = o.assess(full.state.pack, snapshotOfState(full.state));
      registrations = registerOn(ctx, full.state, onChanged, selectionSupported ? onSelectionChanged : null);
      await ctx.sync();
      return { assessment, kind: "full", rowsRead: full.rowsRead, changedCells: 0, syncs: ctx.syncs };
    });

  /** 全部重新校验, asked for by the person: reads everything and writes the outputs, one undo step. */
  const fullCheck = (): Promise<CheckOutcome> =>
    o.runAction(async (raw) => {
      const ctx = counting(raw);
      const full = await readForFullCheck(ctx, state, pack, { checkFormulas: true });
      state = full.state;
      const { assessment, changedCells } = queueOutputs(ctx, full.state, o.assess, { refreshMeta: true });
      await ctx.sync();
      return { assessment, kind: "full", rowsRead: full.rowsRead, changedCells, syncs: ctx.syncs };
    });

  const selectionSupported = o.isSetSupported("ExcelApi", SELECTION_EVENT_API);
  try {
    const first = await start();
    options.onResult({ ...first, source: "Start" });
  } catch (error) {
    throw toAdapterError(error);
  }

  return {
    flush,
    recheck: () => {
      const run = chain.then(() => fullCheck());
      chain = run.catch(() => undefined);
      return run.catch((error: unknown) => {
        throw toAdapterError(error);
      });
    },
    refresh: () => {
      structural = true;
      return flush();
    },
    snapshot: () => (state ? snapshotOfState(state) : null),
    stop: async () => {
      stopped = true;
      cancelTimer?.();
      const contexts = new Set(registrations.map((r) => r.context));
      for (const r of registrations) r.remove();
      registrations = [];
      for (const c of contexts) await c.sync().catch(() => undefined);
    },
  };
}

const covers = (outer: Box, inner: Box): boolean =>
  outer.r0 <= inner.r0 && outer.c0 <= inner.c0 && outer.r1 >= inner.r1 && outer.c1 >= inner.c1;

/** Worksheet.onSelectionChanged came with ExcelApi 1.7. */
export const SELECTION_EVENT_API = "1.7";
/** A selection larger than this (a whole column) is not read again when the person leaves it. */
const MAX_SELECTION_CELLS = 1000;

function registerOn(
  ctx: XlContext,
  state: WorkbookState,
  handler: (args: XlChangedArgs) => Promise<void>,
  selectionHandler: ((args: XlSelectionChangedArgs) => Promise<void>) | null,
): XlEventRegistration[] {
  const sheetIds = new Set<string>([...state.tables.values()].map((t) => t.sheetId));
  if (state.sheets.info) sheetIds.add(state.sheets.info.id);
  for (const i of state.inputs.values()) sheetIds.add(i.sheetId);
  return [...sheetIds].flatMap((id) => {
    const sheet = ctx.workbook.worksheets.getItem(id);
    const changed = sheet.onChanged.add(handler);
    return selectionHandler ? [changed, sheet.onSelectionChanged.add(selectionHandler)] : [changed];
  });
}

/**
 * What an event means for Taizhang: rows to check, a structural change (rows or columns inserted
 * or deleted: re-read everything), or nothing (another sheet, or only output cells).
 */
export function relevant(state: WorkbookState, args: XlChangedArgs): Box | "structural" | "ignore" {
  const tables = [...state.tables.values()].filter((t) => t.sheetId === args.worksheetId);
  const inputs = [...state.inputs.values()].filter((i) => i.sheetId === args.worksheetId);
  if (tables.length === 0 && inputs.length === 0) return "ignore";
  if (args.changeType !== "RangeEdited" && args.changeType !== "Unknown") return "structural";
  const parsed = parseAddress(args.address);
  if (!parsed) return "structural";
  const box = parsed.box;
  let touchesInput = false;
  for (const t of tables) {
    const span = tableSpan(t);
    const hit = intersect(box, span);
    if (!hit) continue;
    const check = t.checkColumn === null ? null : t.firstColumn + t.checkColumn;
    if (check !== null && hit.c0 === check && hit.c1 === check && hit.r0 > t.headerRow) continue;
    touchesInput = true;
  }
  for (const i of inputs) {
    if (box.r0 <= i.row && i.row <= box.r1 && box.c0 <= i.column && i.column <= box.c1) touchesInput = true;
  }
  return touchesInput ? box : "ignore";
}
