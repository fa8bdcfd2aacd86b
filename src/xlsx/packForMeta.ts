import type { WorkbookMeta } from "../core/layout";
import { resolvePack, type AppliedSettings } from "../core/pack";
import type { Pack } from "../core/pack/schema";
import { XlsxError } from "./errors";

export interface PackForMeta {
  pack: Pack;
  exact: boolean;
  settings: AppliedSettings | null;
  replacedSettings: boolean;
}

/**
 * The pack a workbook is checked with: its version (else the newest of the same id), adjusted by
 * the reader's settings (`settings`, parsed JSON) or else by the settings the workbook records.
 */
export function packForMeta(meta: WorkbookMeta, settings?: unknown, packs?: readonly Pack[]): PackForMeta {
  const resolved = resolvePack(meta, settings, packs);
  if (resolved.ok) return resolved;
  if (resolved.reason === "unknownPack") {
    throw new XlsxError("unknownPack", { pack: meta.packId, version: meta.packVersion });
  }
  const first = resolved.problems[0];
  throw new XlsxError("badRecordedSettings", { problem: first ? first.code : "" });
}
