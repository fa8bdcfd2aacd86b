import { BUILTIN_PACKS } from "../core/pack/builtin";
import type { PackProblem } from "../core/pack/problems";
import type { Group, Item, LocalizedText, Pack } from "../core/pack/schema";
import { packIdFrom } from "../core/pack/table/plain";
import type { TableProblem } from "../core/pack/table/problems";
import { bytesOf, readJsonFile } from "./localFile";

export interface PackSummary {
  pack: Pack;
  itemCount: number;
  vetoCount: number;
}

export function summarizePacks(packs: readonly Pack[] = BUILTIN_PACKS): PackSummary[] {
  return packs.map((pack) => {
    const items = pack.groups.flatMap((g) => g.items);
    const vetoCount = items.filter((i) => i.kind === "veto").length;
    return { pack, itemCount: items.length - vetoCount, vetoCount };
  });
}

export interface PackIndex {
  item(id: string): Item | undefined;
  group(id: string): Group | undefined;
  groupOfItem(id: string): Group | undefined;
}

export function indexPack(pack: Pack): PackIndex {
  const items = new Map<string, { item: Item; group: Group }>();
  const groups = new Map<string, Group>();
  for (const group of pack.groups) {
    groups.set(group.id, group);
    for (const item of group.items) items.set(item.id, { item, group });
  }
  return {
    item: (id) => items.get(id)?.item,
    group: (id) => groups.get(id),
    groupOfItem: (id) => items.get(id)?.group,
  };
}

/** A pack file opened in the pane: the pack, or every problem with its place. */
export type PackFileResult =
  | { ok: true; file: string; pack: Pack }
  | {
      ok: false;
      file: string;
      tableProblems: readonly TableProblem[];
      packProblems: readonly PackProblem[];
      /** Why the file could not be read at all (not JSON, not a workbook, too large). */
      unreadable?: string;
    };

/** Pack JSON and 细则 workbooks are small; anything larger is refused before it is read. */
const MAX_PACK_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Reads a pack from a file the user picked or dropped: pack JSON, a 细则 workbook or a plain
 * 考核细则 table (.xlsx, read with the same core reader as `taizhang pack import`).
 */
export async function readPackFile(file: File, issuer: LocalizedText): Promise<PackFileResult> {
  const refused = (detail: string): PackFileResult => ({
    ok: false,
    file: file.name,
    tableProblems: [],
    packProblems: [],
    unreadable: detail,
  });
  if (file.size > MAX_PACK_FILE_BYTES) return refused(`${file.size} bytes`);
  if (/\.json$/i.test(file.name)) {
    const read = await readJsonFile(file, MAX_PACK_FILE_BYTES);
    if (!read.ok) return refused(read.detail);
    // The schema checks (zod) are loaded only when a pack file is opened.
    const { loadPack } = await import(/* webpackChunkName: "pack-checks" */ "../core/pack/load");
    const loaded = loadPack(read.data);
    return loaded.ok
      ? { ok: true, file: file.name, pack: loaded.pack }
      : { ok: false, file: file.name, tableProblems: [], packProblems: loaded.problems };
  }
  // ExcelJS is heavy: loaded only when a workbook is opened.
  const { packFromTableBytes } = await import("../xlsx/packTable");
  const bytes = await bytesOf(file);
  const title = file.name.replace(/\.[^.]+$/, "");
  try {
    const result = await packFromTableBytes(bytes, { id: packIdFrom(title), title, file: file.name, issuer });
    return result.ok
      ? { ok: true, file: file.name, pack: result.pack }
      : { ok: false, file: file.name, tableProblems: result.problems, packProblems: [] };
  } catch (error) {
    return refused(error instanceof Error ? error.message : String(error));
  }
}
