import { assess } from "../core/assess";
import type { Assessment } from "../core/assessment";
import { layoutFor, type WorkbookLayout, type WorkbookMeta } from "../core/layout";
import { carriedPackStatus, resolvePack, type AppliedSettings, type CarriedPackStatus } from "../core/pack";
import type { Pack } from "../core/pack/schema";
import type { WorkbookSnapshot } from "../core/snapshot";
import { XlsxError } from "./errors";
import type { ExcelJS } from "./exceljs";
import type { InputLimits } from "./guard";
import { openWorkbook } from "./read/open";
import { readSnapshot } from "./read/snapshot";

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

export interface PackForMeta {
  pack: Pack;
  exact: boolean;
  settings: AppliedSettings | null;
  replacedSettings: boolean;
  carried: CarriedPackStatus;
}

/**
 * The pack a workbook is checked with: its version (else the newest of the same id), adjusted by
 * the reader's settings (`settings`, parsed JSON) or else by the settings the workbook records.
 */
export function packForMeta(meta: WorkbookMeta, settings?: unknown): PackForMeta {
  const resolved = resolvePack(meta, settings);
  if (resolved.ok) return { ...resolved, carried: carriedPackStatus(resolved.pack, resolved.embedded) };
  if (resolved.reason === "unknownPack") {
    // Not built in, and the copy the workbook carries is unusable: say why.
    if (resolved.embedded && !resolved.embedded.ok) {
      throw new XlsxError("carriedPackDamaged", { pack: meta.packId, version: meta.packVersion });
    }
    throw new XlsxError("unknownPack", { pack: meta.packId, version: meta.packVersion });
  }
  const first = resolved.problems[0];
  throw new XlsxError("badRecordedSettings", { problem: first ? first.code : "" });
}

/**
 * .xlsx bytes → the core's assessment. Throws XlsxError for unusable input. No file system.
 * `settings` (parsed JSON) overrides the settings the workbook records; the caller validates it.
 */
export async function assessWorkbookBytes(
  bytes: Uint8Array,
  limits?: InputLimits,
  settings?: unknown,
): Promise<AssessedWorkbook> {
  const { workbook, meta, raw } = await openWorkbook(bytes, limits);
  const { pack, exact, settings: applied, replacedSettings, carried } = packForMeta(meta, settings);
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
