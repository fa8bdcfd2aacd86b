import type { EmbeddedPack } from "../pack/embed";
import { LAYOUT_VERSION, type WorkbookLayout } from "./layout";

/**
 * What the very hidden metadata sheet holds, so both adapters (and later versions) find their
 * tables after a user moved or renamed things. Stored as rows of [kind, key, value, extra] from A1.
 */
export interface WorkbookMeta {
  packId: string;
  packVersion: string;
  layoutVersion: number;
  /** Where each layout table was put: Excel table name and the sheet name at install time. */
  tables: readonly { key: string; name: string; sheet: string }[];
  /** Item ids a newer pack version no longer has; their rows are kept and marked, never deleted. */
  retiredItems: readonly string[];
  /** The local settings the workbook was made with (canonical JSON), when any. */
  settings?: string;
  /** The pack itself (compressed, hashed), so a reader without it built in checks the same rules. */
  pack?: EmbeddedPack;
  /** Stamp of the formulas written with the tables (src/core/formulas/stamp.ts), when any were. */
  formulas?: string;
}

export type MetaRow = [string, string, string, string];

export function metaFor(
  layout: WorkbookLayout,
  retiredItems: readonly string[] = [],
  settings?: string,
  pack?: EmbeddedPack,
  formulas?: string,
): WorkbookMeta {
  return {
    packId: layout.packId,
    packVersion: layout.packVersion,
    layoutVersion: layout.layoutVersion,
    tables: layout.tables.map((t) => ({ key: t.key, name: t.name, sheet: t.sheet })),
    retiredItems,
    ...(settings ? { settings } : {}),
    ...(pack ? { pack } : {}),
    ...(formulas ? { formulas } : {}),
  };
}

export function metaRows(meta: WorkbookMeta): MetaRow[] {
  return [
    ["taizhang", "packId", meta.packId, ""],
    ["taizhang", "packVersion", meta.packVersion, ""],
    ["taizhang", "layoutVersion", String(meta.layoutVersion), ""],
    ...meta.tables.map((t): MetaRow => ["table", t.key, t.name, t.sheet]),
    ...meta.retiredItems.map((id): MetaRow => ["retired", id, "", ""]),
    ...(meta.settings ? [["settings", "json", meta.settings, ""] as MetaRow] : []),
    ...(meta.formulas ? [["formulas", "sha256", meta.formulas, ""] as MetaRow] : []),
    ...(meta.pack ? embeddedPackRows(meta.pack) : []),
  ];
}

function embeddedPackRows(pack: EmbeddedPack): MetaRow[] {
  return [
    ["packhash", "sha256", pack.hash, ""],
    ...pack.chunks.map((chunk, i): MetaRow => ["packdata", String(i + 1), chunk, ""]),
  ];
}

/** Reads the rows back; null when they are not Taizhang metadata. Unknown row kinds are ignored. */
export function parseMetaRows(rows: readonly (readonly unknown[])[]): WorkbookMeta | null {
  const header = new Map<string, string>();
  const tables: { key: string; name: string; sheet: string }[] = [];
  const retiredItems: string[] = [];
  let settings: string | undefined;
  let packHash: string | undefined;
  let formulas: string | undefined;
  const packChunks: { at: number; text: string }[] = [];
  for (const row of rows) {
    const [kind, key, value, extra] = row.map((cell) =>
      cell === null || cell === undefined ? "" : String(cell),
    );
    if (kind === "taizhang" && key) header.set(key, value ?? "");
    else if (kind === "table" && key && value) tables.push({ key, name: value, sheet: extra ?? "" });
    else if (kind === "retired" && key) retiredItems.push(key);
    else if (kind === "settings" && value) settings = value;
    else if (kind === "packhash" && value) packHash = value;
    else if (kind === "formulas" && value) formulas = value;
    else if (kind === "packdata" && value) packChunks.push({ at: Number(key), text: value });
  }
  const packId = header.get("packId");
  const packVersion = header.get("packVersion");
  const layoutVersion = Number(header.get("layoutVersion"));
  if (!packId || !packVersion || !Number.isInteger(layoutVersion)) return null;
  // Chunks are put back in their numbered order, whatever order the rows come in.
  const chunks = packChunks.sort((a, b) => a.at - b.at).map((c) => c.text);
  return {
    packId,
    packVersion,
    layoutVersion,
    tables,
    retiredItems,
    ...(settings ? { settings } : {}),
    ...(packHash !== undefined ? { pack: { hash: packHash, chunks } } : {}),
    ...(formulas ? { formulas } : {}),
  };
}

/** True when this reader understands the workbook's layout. */
export function isLayoutSupported(meta: WorkbookMeta): boolean {
  return meta.layoutVersion >= 1 && meta.layoutVersion <= LAYOUT_VERSION;
}
