import { compareVersions, findPack } from "./builtin";
import { openedPacks } from "./opened";
import type { EmbeddedPack, UnpackedPack } from "./embed";
import { unpackEmbedded } from "./unpack";
import type { PackProblem } from "./problems";
import type { Pack } from "./schema";
import { applySettings, type AppliedSettings } from "./settings";

export interface WorkbookPackRef {
  packId: string;
  packVersion: string;
  /** The settings JSON the workbook records, if any. */
  settings?: string;
  /** The pack the workbook carries, if any. */
  pack?: EmbeddedPack;
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
      /** The pack the workbook carries, unpacked and hash-checked; null when it carries none. */
      embedded: UnpackedPack | null;
    }
  | { ok: false; reason: "unknownPack"; embedded: UnpackedPack | null }
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
  // A pack the reader brings (a file, not built in) wins over a built-in one of the same id; then a
  // built-in copy of the exact version; else the workbook's own (hash-checked) copy, which already
  // has its recorded settings applied (applying them again changes nothing).
  const embedded = ref.pack ? unpackEmbedded(ref.pack) : null;
  const carried = embedded?.ok && embedded.pack.id === ref.packId ? embedded.pack : undefined;
  const base =
    packs.find((p) => p.id === ref.packId) ??
    findPack(ref.packId, ref.packVersion) ??
    carried ??
    findPack(ref.packId);
  if (!base) return { ok: false, reason: "unknownPack", embedded };
  const exact = compareVersions(base.version, ref.packVersion) === 0;
  const recorded = given === undefined ? parseRecorded(ref.settings) : undefined;
  const data = given ?? recorded;
  if (data === undefined) {
    return { ok: true, pack: base, exact, settings: null, replacedSettings: false, embedded };
  }
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
    embedded,
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
