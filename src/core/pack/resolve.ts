import { compareVersions, findPack } from "./builtin";
import { openedPacks } from "./opened";
import type { PackProblem } from "./problems";
import type { Pack } from "./schema";
import { applySettings, type AppliedSettings } from "./settings";

export interface WorkbookPackRef {
  packId: string;
  packVersion: string;
  /** The settings JSON the workbook records, if any. */
  settings?: string;
}

export type ResolvedPack =
  | {
      ok: true;
      pack: Pack;
      /** False when the workbook's version is not built in and the newest one is used. */
      exact: boolean;
      /** The settings the pack was adjusted with; null for the pack as shipped. */
      settings: AppliedSettings | null;
      /** The workbook records other settings than the ones given (which win). */
      replacedSettings: boolean;
    }
  | { ok: false; reason: "unknownPack" }
  | { ok: false; reason: "badSettings"; problems: PackProblem[]; recorded: boolean };

/**
 * The pack a workbook is checked with: its built-in version (or the newest of that id), adjusted
 * by the settings given by the reader (a coordinator's file) or else those the workbook records.
 * `packs` are packs the reader brings from files: `--pack-file`, or those opened in the pane.
 */
export function resolvePack(
  ref: WorkbookPackRef,
  given?: unknown,
  packs: readonly Pack[] = openedPacks(),
): ResolvedPack {
  // A pack the reader brings (a file, not built in) wins over a built-in one of the same id.
  const base =
    packs.find((p) => p.id === ref.packId) ?? findPack(ref.packId, ref.packVersion) ?? findPack(ref.packId);
  if (!base) return { ok: false, reason: "unknownPack" };
  const exact = compareVersions(base.version, ref.packVersion) === 0;
  const recorded = given === undefined ? parseRecorded(ref.settings) : undefined;
  const data = given ?? recorded;
  if (data === undefined) return { ok: true, pack: base, exact, settings: null, replacedSettings: false };
  const applied = applySettings(base, data);
  if (!applied.ok) {
    return { ok: false, reason: "badSettings", problems: applied.problems, recorded: given === undefined };
  }
  return {
    ok: true,
    pack: applied.pack,
    exact,
    settings: applied.settings,
    replacedSettings:
      given !== undefined && ref.settings !== undefined && ref.settings !== applied.settings.json,
  };
}

function parseRecorded(json: string | undefined): unknown {
  if (!json) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    // A damaged record is reported by applySettings as a shape problem.
    return json;
  }
}
