import { assess } from "../core/assess";
import type { Assessment } from "../core/assessment";
import { layoutFor, type WorkbookLayout, type WorkbookMeta } from "../core/layout";
import type { AppliedSettings, CarriedPackStatus } from "../core/pack";
import type { Pack } from "../core/pack/schema";
import type { WorkbookSnapshot } from "../core/snapshot";
import type { ExcelJS } from "./exceljs";
import type { InputLimits } from "./guard";
import { packForMeta } from "./packForMeta";
import { openWorkbook } from "./read/open";
import { readSnapshot } from "./read/snapshot";

export { packForMeta, type PackForMeta } from "./packForMeta";

export interface AssessedWorkbook {
  workbook: ExcelJS.Workbook;
  meta: WorkbookMeta;
  pack: Pack;
  layout: WorkbookLayout;
  snapshot: WorkbookSnapshot;
  assessment: Assessment;
  /** Set when the workbook's pack version is not built in and the newest one was used. */
  packVersionUsed?: string;
  /** The local settings the pack was adjusted with, or null. */
  settings: AppliedSettings | null;
  /** The workbook recorded other settings than the ones the reader gave. */
  replacedSettings: boolean;
  /** The pack the workbook carries, against the one it was scored with. */
  carried: CarriedPackStatus;
}

/**
 * .xlsx bytes → the core's assessment. Throws XlsxError for unusable input. No file system.
 * `settings` (parsed JSON) overrides the settings the workbook records; the caller validates it.
 * `packs` are packs read from files, used before the built-in ones of the same id.
 */
export async function assessWorkbookBytes(
  bytes: Uint8Array,
  limits?: InputLimits,
  settings?: unknown,
  packs?: readonly Pack[],
): Promise<AssessedWorkbook> {
  const { workbook, meta, raw } = await openWorkbook(bytes, limits);
  const { pack, exact, settings: applied, replacedSettings, carried } = packForMeta(meta, settings, packs);
  const layout = layoutFor(pack);
  const { snapshot } = readSnapshot(workbook, layout, meta, raw);
  const assessment = assess(pack, snapshot);
  return {
    workbook,
    meta,
    pack,
    layout,
    snapshot,
    assessment,
    settings: applied,
    replacedSettings,
    carried,
    ...(exact ? {} : { packVersionUsed: pack.version }),
  };
}
