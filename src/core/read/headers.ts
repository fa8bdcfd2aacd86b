import type { ColumnLayout } from "../layout/columns";

/**
 * The one header normaliser: full-width → half-width (NFKC: （附件） → (附件), Ａ → A), no spaces or
 * line breaks, lower case. Used for table headers and 基本信息 labels on every reading path.
 */
export function normalizeHeader(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\s\u3000\u00A0]+/g, "")
    .toLowerCase();
}

export interface HeaderCell {
  /** 0-based sheet column. */
  column: number;
  text: string;
}

export interface HeaderMatch {
  /** 0-based sheet column of each layout column id found. */
  columns: Record<string, number>;
  /** Layout columns not found. */
  missing: ColumnLayout[];
}

/**
 * Matches header cells to layout columns, tolerant of what people do to headers: exact text
 * (Chinese or English, normalised) first; then a header that still contains the column's name
 * (佐证材料(附件)); then, when `layoutLeft` is given (the table was found by its Excel table) and
 * every column matched so far sits where the layout puts it, the header at the column's layout
 * position (状态 retyped as 完成情况).
 */
export function matchHeaders(
  headers: readonly HeaderCell[],
  columns: readonly ColumnLayout[],
  layoutLeft?: number,
): HeaderMatch {
  const cells = headers
    .map((h) => ({ column: h.column, key: normalizeHeader(h.text) }))
    .filter((h) => h.key !== "");
  const claimed = new Set<number>();
  const found: Record<string, number> = {};
  const names = (c: ColumnLayout): string[] =>
    [c.header.zh, c.header.en].map(normalizeHeader).filter((n) => n !== "");

  for (const column of columns) {
    const wanted = names(column);
    const hit = cells.find((h) => !claimed.has(h.column) && wanted.includes(h.key));
    if (hit) {
      found[column.id] = hit.column;
      claimed.add(hit.column);
    }
  }
  for (const column of columns) {
    if (found[column.id] !== undefined) continue;
    // Short English names ("id") would be found inside unrelated words.
    const wanted = names(column).filter((n) => /[^ -~]/.test(n) || n.length >= 4);
    const hit = cells.find((h) => !claimed.has(h.column) && wanted.some((w) => h.key.includes(w)));
    if (hit) {
      found[column.id] = hit.column;
      claimed.add(hit.column);
    }
  }
  if (layoutLeft !== undefined) {
    const inPlace = columns.every((c, i) => found[c.id] === undefined || found[c.id] === layoutLeft + i);
    if (inPlace) {
      columns.forEach((column, i) => {
        const at = layoutLeft + i;
        if (found[column.id] !== undefined || claimed.has(at)) return;
        if (!cells.some((h) => h.column === at)) return;
        found[column.id] = at;
        claimed.add(at);
      });
    }
  }
  return { columns: found, missing: columns.filter((c) => found[c.id] === undefined) };
}
