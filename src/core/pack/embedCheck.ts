import { diffPacks, type PackDifference } from "./diff";
import type { EmbedProblem, UnpackedPack } from "./embed";
import type { Pack } from "./schema";

/** How the pack a workbook carries compares with the pack it was scored with. */
export type CarriedPackStatus =
  | { state: "none" }
  | { state: "same" }
  | { state: "differs"; differences: readonly PackDifference[] }
  | { state: "damaged"; code: EmbedProblem };

export function carriedPackStatus(scored: Pack, embedded: UnpackedPack | null): CarriedPackStatus {
  if (!embedded) return { state: "none" };
  if (!embedded.ok) return { state: "damaged", code: embedded.code };
  const differences = diffPacks(scored, embedded.pack);
  return differences.length === 0 ? { state: "same" } : { state: "differs", differences };
}
