import type { Pack } from "./schema";

/**
 * Packs the pane's user opened from files this session (a pack JSON or a 细则 workbook), so the
 * workbook installed from one is read with it like a built-in pack. The CLI passes its
 * `--pack-file` explicitly instead. A pack of the same id and version replaces the earlier one.
 */
const opened: Pack[] = [];

export function rememberOpenedPack(pack: Pack): void {
  const at = opened.findIndex((p) => p.id === pack.id && p.version === pack.version);
  if (at >= 0) opened.splice(at, 1);
  opened.unshift(pack);
}

export function openedPacks(): readonly Pack[] {
  return opened;
}
