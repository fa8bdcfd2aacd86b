import type { resolvePack as resolveNow } from "../resolve";
import { loadedKit } from "./builtin";

export type { ResolvedPack, WorkbookPackRef } from "../resolve";

/** The task pane's stand-in for ../resolve.ts (see ./builtin.ts): resolution from the loaded chunk. */
export function resolvePack(...args: Parameters<typeof resolveNow>): ReturnType<typeof resolveNow> {
  return loadedKit().resolvePack(...args);
}
