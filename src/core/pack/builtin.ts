import modelUnit from "../../../templates/model-unit.json";
import township2018 from "../../../templates/township-2018.json";
import type { Pack } from "./schema";
import { compareVersions } from "./version";

export { compareVersions } from "./version";

/** The pack files shipped with Taizhang, as data. */
export const BUILTIN_PACK_FILES: readonly { file: string; data: unknown }[] = [
  { file: "township-2018.json", data: township2018 },
  { file: "model-unit.json", data: modelUnit },
];

/**
 * The shipped packs, used as shipped: tests/core/pack/builtin.test.ts runs every pack check on
 * each file and checks that loading changes nothing in it, so neither the CLI nor the task pane
 * runs the checks (zod, ~40 ms cold) when it starts.
 */
export const BUILTIN_PACKS: readonly Pack[] = BUILTIN_PACK_FILES.map(
  // The JSON's inferred type widens literal unions (kind: string); the test above is the check.
  ({ data }) => data as Pack,
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
