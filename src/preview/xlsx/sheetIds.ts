/**
 * Worksheet ids. A sheet opened from a file gets an id made from the file's sheetId (stable in the
 * file, as Excel's ids are), in a range the fake never hands out for new sheets; saving writes that
 * sheetId back, so the ids Taizhang records in its metadata find the same sheets after a reopen.
 */
const PREFIX = "{00000000-0002-0000-0000-";

export const sheetIdFromFile = (fileId: number): string =>
  `${PREFIX}${fileId.toString(16).toUpperCase().padStart(12, "0")}}`;

export function fileIdFromSheetId(id: string): number | null {
  if (!id.startsWith(PREFIX) || !id.endsWith("}")) return null;
  const n = parseInt(id.slice(PREFIX.length, -1), 16);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** File sheetIds for the sheets in order: kept where known, fresh ones for the rest. */
export function fileSheetIds(ids: readonly string[]): number[] {
  const kept = ids.map(fileIdFromSheetId);
  const used = new Set<number>();
  const chosen = kept.map((n) => {
    if (n === null || used.has(n)) return null;
    used.add(n);
    return n;
  });
  let next = 1;
  return chosen.map((n) => {
    if (n !== null) return n;
    while (used.has(next)) next += 1;
    used.add(next);
    return next;
  });
}
