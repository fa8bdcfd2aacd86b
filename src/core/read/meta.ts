import { SHEETS } from "../layout/layout";
import { parseMetaRows, type WorkbookMeta } from "../layout/meta";
import type { CellValue } from "../snapshot";
import type { RawSheet, RawWorkbook } from "./raw";

const META_COLUMNS = 4;

export interface FoundMeta {
  meta: WorkbookMeta;
  sheet: RawSheet;
  rows: CellValue[][];
}

/** Taizhang's metadata: on the sheet named _taizhang first, else on any sheet whose A1 says so. */
export function findMeta(raw: RawWorkbook): FoundMeta | null {
  const named = raw.sheets.filter((s) => s.name.toLowerCase() === SHEETS.meta);
  for (const sheet of [...named, ...raw.sheets.filter((s) => !named.includes(s))]) {
    if (sheet.rows[0]?.[0] !== "taizhang") continue;
    const rows = sheet.rows.map((row) => Array.from({ length: META_COLUMNS }, (_, c) => row[c] ?? null));
    const meta = parseMetaRows(rows);
    if (meta) return { meta, sheet, rows };
  }
  return null;
}
