import { assess } from "../core/assess";
import { layoutFor } from "../core/layout";
import { readWorkbookSnapshot } from "../core/read";
import type { Pack } from "../core/pack/schema";
import type { AssessedWorkbook } from "../xlsx/assessWorkbook";
import type { InputLimits } from "../xlsx/guard";
import { packForMeta } from "../xlsx/packForMeta";
import { guarded, openXlsxStream } from "./open";

/** What `check`, `report` and `consolidate` need of a workbook: everything but a loaded ExcelJS one. */
export type StreamAssessed = Omit<AssessedWorkbook, "workbook">;

/**
 * .xlsx bytes → the core's assessment through the streaming reader; the same result as
 * assessWorkbookBytes (the contract suite checks it) without loading the workbook into ExcelJS.
 * `settings` (parsed JSON) overrides the settings the workbook records. Throws XlsxError.
 */
export function assessXlsxStream(
  bytes: Uint8Array,
  limits?: InputLimits,
  settings?: unknown,
  /** Packs given as files (`--pack-file`), looked at before the built-in ones. */
  packs?: readonly Pack[],
): StreamAssessed {
  const { meta, raw, guardRest } = openXlsxStream(bytes, limits);
  const {
    pack,
    exact,
    settings: applied,
    replacedSettings,
    carried,
  } = guarded(guardRest, () => packForMeta(meta, settings, packs));
  const layout = layoutFor(pack);
  const { snapshot } = guarded(guardRest, () => readWorkbookSnapshot(raw, layout, meta));
  guardRest();
  return {
    meta,
    pack,
    layout,
    snapshot,
    assessment: assess(pack, snapshot),
    settings: applied,
    replacedSettings,
    carried,
    ...(exact ? {} : { packVersionUsed: pack.version }),
  };
}
