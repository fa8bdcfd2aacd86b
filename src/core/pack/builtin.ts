import modelUnit from "../../../templates/model-unit.json";
import township2018 from "../../../templates/township-2018.json";
import { loadPack } from "./load";
import type { PackLoadResult } from "./problems";
import type { Pack } from "./schema";

/** The packs shipped with Taizhang, each with what the loader made of it. */
export const BUILTIN_PACK_RESULTS: readonly { file: string; result: PackLoadResult }[] = [
  { file: "township-2018.json", result: loadPack(township2018) },
  { file: "model-unit.json", result: loadPack(modelUnit) },
];

/**
 * The shipped packs that load. A broken one is left out rather than crashing the add-in or the
 * CLI; a test fails on it, so it never ships.
 */
export const BUILTIN_PACKS: readonly Pack[] = BUILTIN_PACK_RESULTS.flatMap(({ result }) =>
  result.ok ? [result.pack] : [],
);

/** A built-in pack by id, at a given version or the newest one. */
export function findPack(id: string, version?: string): Pack | undefined {
  const candidates = BUILTIN_PACKS.filter((pack) => pack.id === id && (!version || pack.version === version));
  return candidates.sort((a, b) => compareVersions(b.version, a.version))[0];
}

/** Semver order: numeric major.minor.patch, a pre-release before its release. */
export function compareVersions(a: string, b: string): number {
  const [coreA = "", preA] = a.split("-", 2);
  const [coreB = "", preB] = b.split("-", 2);
  const numsA = coreA.split(".").map(Number);
  const numsB = coreB.split(".").map(Number);
  for (let i = 0; i < 3; i++) {
    const diff = (numsA[i] ?? 0) - (numsB[i] ?? 0);
    if (diff !== 0) return diff;
  }
  if (preA === preB) return 0;
  if (preA === undefined) return 1;
  if (preB === undefined) return -1;
  return preA < preB ? -1 : 1;
}
