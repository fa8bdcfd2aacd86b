import { itemCell } from "../core/gaps/locate";
import type { Pack } from "../core/pack/schema";
import type { WorkbookMeta } from "../core/layout";
import type { WorkbookSnapshot } from "../core/snapshot";
import { INFO_INPUTS } from "../core/snapshot";
import { type CheckOutcome, queueOutputs, readForFullCheck } from "./check";
import { counting } from "./context";
import { currentFormulasStamp } from "./installFormulas";
import { toAdapterError } from "./errors";
import { type AdapterOptions, resolveOptions } from "./options";
import { readWorkbook } from "./read";
import { requireCapabilities } from "./requirements";
import { snapshotOfState, stateFrom } from "./state";
import { parseDate } from "../core/values/date";

/** One-shot calls on the open workbook. Each maps Office errors to ExcelAdapterError. */

async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toAdapterError(error);
  }
}

export interface InstalledPack {
  packId: string;
  packVersion: string;
  township: string;
  /** ISO date, or null when empty or unreadable. */
  assessmentDate: string | null;
  /** The local settings the workbook records (canonical JSON), if any. */
  settings?: string;
  /**
   * False when the workbook's formulas are not the ones this version writes (another version's,
   * or none): 导出 and 扩展表格 then write values, not formulas, until a reinstall rewrites them.
   */
  formulasCurrent: boolean;
}

/** The pack installed in the open workbook, if any (2 round trips). */
export function inspectWorkbook(options: AdapterOptions = {}): Promise<InstalledPack | null> {
  const o = resolveOptions(options);
  return guarded(() =>
    o.run(async (ctx) => {
      const read = await readWorkbook(ctx, { skipContentsWhenFresh: true });
      if (!read.metaRows) return null;
      const state = stateFrom(read, undefined);
      const township = state.inputs.get(INFO_INPUTS.township)?.value;
      const date = state.inputs.get(INFO_INPUTS.assessmentDate)?.value;
      return {
        packId: state.pack.id,
        packVersion: state.pack.version,
        township: township === undefined ? "" : String(township),
        assessmentDate: assessmentDateOf(date),
        ...(state.located.meta?.settings ? { settings: state.located.meta.settings } : {}),
        formulasCurrent: state.located.meta?.formulas === currentFormulasStamp(state.pack),
      };
    }),
  );
}

/**
 * Reads the workbook into the core's snapshot (2 round trips), robust to inserted rows, moved and
 * extra columns, renamed tables and sheets. Without a pack, the one its metadata names is used.
 */
export function readSnapshot(
  options: AdapterOptions & { pack?: Pack } = {},
): Promise<{ snapshot: WorkbookSnapshot; pack: Pack; meta: WorkbookMeta | null }> {
  const o = resolveOptions(options);
  return guarded(() =>
    o.run(async (ctx) => {
      const state = stateFrom(await readWorkbook(ctx), options.pack);
      return { snapshot: snapshotOfState(state), pack: state.pack, meta: state.located.meta };
    }),
  );
}

/**
 * 全部重新校验 without a live session: reads everything, checks it and writes 校验 text (never over
 * a formula), 自评结果 and 差距清单 as one undo step (3 round trips).
 */
export function recheckAll(
  pack: Pack | null,
  options: AdapterOptions & { showGaps?: boolean } = {},
): Promise<CheckOutcome> {
  const o = resolveOptions(options);
  requireCapabilities(o.isSetSupported);
  return guarded(() =>
    o.runAction(async (raw) => {
      const ctx = counting(raw);
      // Which 校验 cells are formulas comes with the read: text is written only where none is.
      const { state, rowsRead } = await readForFullCheck(ctx, null, pack, { checkFormulas: true });
      const { assessment, changedCells } = queueOutputs(ctx, state, o.assess, { refreshMeta: true });
      const gaps = state.sheets.gaps;
      if (options.showGaps && gaps) {
        const sheet = ctx.workbook.worksheets.getItem(gaps.id);
        sheet.activate();
        sheet.getRange("A1").select();
      }
      await ctx.sync();
      return { assessment, kind: "full" as const, rowsRead, changedCells, syncs: ctx.syncs };
    }),
  );
}

/** Rewrites 差距清单 from a fresh check and shows it (3 round trips). */
export function exportGapSheet(pack: Pack | null, options: AdapterOptions = {}): Promise<CheckOutcome> {
  return recheckAll(pack, { ...options, showGaps: true });
}

/** Shows a cell so the user sees the problem in its row (1 round trip). */
export function selectCell(sheet: string, address: string, options: AdapterOptions = {}): Promise<void> {
  const o = resolveOptions(options);
  return guarded(() =>
    o.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await ctx.sync();
    }),
  );
}

/**
 * Shows the checklist row of an item (its 状态 cell), found by 编号 in `snapshot` when the caller
 * has a fresh one (1 round trip), else in a fresh read (3). False when no row carries the id.
 */
export async function selectItem(
  itemId: string,
  options: AdapterOptions & { snapshot?: WorkbookSnapshot | null } = {},
): Promise<boolean> {
  const snapshot = options.snapshot ?? (await readSnapshot(options)).snapshot;
  const at = itemCell(snapshot, itemId);
  if (!at) return false;
  await selectCell(at.sheet, at.cell, options);
  return true;
}

function assessmentDateOf(value: unknown): string | null {
  if (typeof value !== "string" && typeof value !== "number") return null;
  const parsed = parseDate(value);
  return parsed.ok ? parsed.value : null;
}
