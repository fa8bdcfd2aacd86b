/**
 * The built-in packs (their JSON) and pack resolution (with the schema checks, zod), as the task
 * pane loads them: one chunk of their own, fetched while Office starts (lazy/builtin.ts).
 */
export { BUILTIN_PACK_FILES, BUILTIN_PACKS, findPack } from "./builtin";
export { resolvePack } from "./resolve";
