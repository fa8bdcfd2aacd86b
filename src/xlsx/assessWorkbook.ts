import { assess } from "../core/assess";
import type { Assessment } from "../core/assessment";
import { layoutFor, type WorkbookLayout, type WorkbookMeta } from "../core/layout";
import { findPack } from "../core/pack/builtin";
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
}

/** Finds the pack a workbook was made with: that version, else the newest of the same id. */
export function packForMeta(meta: WorkbookMeta): { pack: Pack; exact: boolean } {
  const exact = findPack(meta.packId, meta.packVersion);
  if (exact) return { pack: exact, exact: true };
  const newest = findPack(meta.packId);
  if (newest) return { pack: newest, exact: false };
  throw new XlsxError("unknownPack", { pack: meta.packId, version: meta.packVersion });
}

/** .xlsx bytes → the core's assessment. Throws XlsxError for unusable input. No file system. */
export async function assessWorkbookBytes(
  bytes: Uint8Array,
  limits?: InputLimits,
): Promise<AssessedWorkbook> {
  const { workbook, meta, raw } = await openWorkbook(bytes, limits);
  const { pack, exact } = packForMeta(meta);
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
    ...(exact ? {} : { packVersionUsed: pack.version }),
  };
}
