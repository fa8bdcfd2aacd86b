import type * as KitModule from "../kit";
import type { Pack } from "../schema";

export { compareVersions } from "../version";

/**
 * The task pane's stand-in for ../builtin.ts (webpack.config.js swaps it in): the same exports,
 * but the packs' JSON and pack resolution (with the schema checks, zod) come in a chunk of their own (../kit.ts), so
 * the pane's first download is smaller and the chunk arrives while Office starts. The pane
 * renders after `packsReady()`; a pack used before that is a bug, and throws.
 */
type Kit = typeof KitModule;

let kit: Kit | null = null;
let loading: Promise<void> | null = null;

/** Filled in place when the chunk arrives (readers see the array, not a copy). */
export const BUILTIN_PACK_FILES: { file: string; data: unknown }[] = [];
export const BUILTIN_PACKS: Pack[] = [];

export function packsReady(): Promise<void> {
  loading ??= import(/* webpackChunkName: "packs" */ "../kit").then((loaded) => {
    kit = loaded;
    BUILTIN_PACK_FILES.push(...loaded.BUILTIN_PACK_FILES);
    BUILTIN_PACKS.push(...loaded.BUILTIN_PACKS);
  });
  return loading;
}

export function loadedKit(): Kit {
  if (!kit) throw new Error("built-in packs used before packsReady()");
  return kit;
}

export function findPack(id: string, version?: string): Pack | undefined {
  return loadedKit().findPack(id, version);
}
