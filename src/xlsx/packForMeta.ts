import type { WorkbookMeta } from "../core/layout";
import { carriedPackStatus, resolvePack, type AppliedSettings, type CarriedPackStatus } from "../core/pack";
import type { Pack } from "../core/pack/schema";
import { XlsxError } from "./errors";

export interface PackForMeta {
  pack: Pack;
  exact: boolean;
  settings: AppliedSettings | null;
  replacedSettings: boolean;
  carried: CarriedPackStatus;
}

/**
 * The pack a workbook is checked with: a pack file given (`packs`), its version (else the newest
 * of the same id) or the copy it carries, adjusted by the reader's settings (`settings`, parsed
 * JSON) or else by the settings the workbook records.
 */
export function packForMeta(meta: WorkbookMeta, settings?: unknown, packs?: readonly Pack[]): PackForMeta {
  const resolved = resolvePack(meta, settings, packs);
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
