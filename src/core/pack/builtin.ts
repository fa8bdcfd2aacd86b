import modelUnit from "../../../templates/model-unit.json";
import township2018 from "../../../templates/township-2018.json";
import { loadPack } from "./load";
import type { PackLoadResult } from "./problems";
import type { Pack } from "./schema";
import { compareVersions } from "./version";

export { compareVersions } from "./version";

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

/**
 * Resolves when the built-in packs can be used. Here (the CLI, tests) they are loaded with this
 * module; the task pane's build puts them in a chunk of their own (lazy/builtin.ts) and waits.
 */
export function packsReady(): Promise<void> {
  return Promise.resolve();
}
