import type { Assessment } from "../core/assessment";
import type { CarriedPackStatus } from "../core/pack/embedCheck";
import { isXlsxError } from "../xlsx/errors";
import { assessXlsxStream } from "../xlsxstream/assess";
import type { SkippedTownshipFile } from "./host";

/**
 * The heavy half of the 汇总 tab: the streaming .xlsx reader (fflate, saxes; no ExcelJS). Loaded
 * on demand (see consolidateFiles.ts) so the task pane's first load stays small.
 */
export type ReadOutcome =
  | {
      ok: true;
      assessment: Assessment;
      /** The version the workbook was made with, when it is not built in and a newer one checked it. */
      madeWith?: string;
      /** The pack the workbook carries against the one it was scored with (模板与下发版本不一致). */
      carriedPack?: CarriedPackStatus;
    }
  | { ok: false; reason: SkippedTownshipFile["reason"] };

/** Guards, opens, reads and scores one township workbook; a bad file is an outcome, not a throw. */
export async function readTownshipWorkbook(bytes: Uint8Array): Promise<ReadOutcome> {
  try {
    const { assessment, meta, packVersionUsed, carried } = assessXlsxStream(bytes);
    return {
      ok: true,
      assessment,
      carriedPack: carried,
      ...(packVersionUsed ? { madeWith: meta.packVersion } : {}),
    };
  } catch (error) {
    if (isXlsxError(error))
      return { ok: false, reason: { key: `xlsx.error.${error.code}`, params: error.params } };
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: { key: "ui.consolidate.unreadable", params: { detail } } };
  }
}
