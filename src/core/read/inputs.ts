import { INFO_VALUE_COLUMN, type WorkbookLayout } from "../layout/layout";
import { normalizeHeader } from "./headers";
import { type RawSheet, type RawWorkbook, rawText } from "./raw";

/** Where an input's value cell is. */
export interface FoundInput {
  inputId: string;
  sheet: RawSheet;
  /** 0-based. */
  row: number;
  column: number;
  /** The defined name it was found by, or null when found by its label or position. */
  name: string | null;
}

const LABEL_SCAN_ROWS = 200;

/**
 * Finds 基本信息's inputs: by their defined names (TZ_…); when names were lost (the sheet renamed
 * in a program that dropped them, a copy of the sheet), by their label in column A on the sheet
 * that holds the most of them (基本信息 first), the value beside it; last, at the layout's row on a
 * sheet still called 基本信息.
 */
export function locateInputs(raw: RawWorkbook, layout: WorkbookLayout): Map<string, FoundInput> {
  const sheetById = new Map(raw.sheets.map((s) => [s.id, s]));
  const names = new Map(raw.names.map((n) => [n.name.toLowerCase(), n]));
  const found = new Map<string, FoundInput>();
  const unnamed = [];
  for (const row of layout.info.rows) {
    const name = names.get(row.name.toLowerCase());
    const sheet = name ? sheetById.get(name.sheetId) : undefined;
    if (name && sheet) {
      found.set(row.inputId, {
        inputId: row.inputId,
        sheet,
        row: name.row,
        column: name.column,
        name: name.name,
      });
    } else unnamed.push(row);
  }
  if (unnamed.length === 0) return found;

  const labelRows = (sheet: RawSheet): Map<string, number> => {
    const rows = new Map<string, number>();
    const last = Math.min(sheet.rows.length, LABEL_SCAN_ROWS);
    for (let r = 0; r < last; r++) {
      const key = normalizeHeader(rawText(sheet, r, 0));
      if (key && !rows.has(key)) rows.set(key, r);
    }
    return rows;
  };
  const named = raw.sheets.find((s) => s.name === layout.info.sheet);
  const candidates = [...(named ? [named] : []), ...raw.sheets.filter((s) => s !== named)];
  let best: { sheet: RawSheet; labels: Map<string, number>; hits: number } | null = null;
  for (const sheet of candidates) {
    const labels = labelRows(sheet);
    const hits = layout.info.rows.filter(
      (r) => labels.has(normalizeHeader(r.label.zh)) || labels.has(normalizeHeader(r.label.en)),
    ).length;
    if (hits > (best?.hits ?? 0)) best = { sheet, labels, hits };
  }
  for (const row of unnamed) {
    const at = best
      ? (best.labels.get(normalizeHeader(row.label.zh)) ?? best.labels.get(normalizeHeader(row.label.en)))
      : undefined;
    if (best && at !== undefined) {
      found.set(row.inputId, {
        inputId: row.inputId,
        sheet: best.sheet,
        row: at,
        column: INFO_VALUE_COLUMN,
        name: null,
      });
    } else if (named) {
      found.set(row.inputId, {
        inputId: row.inputId,
        sheet: named,
        row: row.row - 1,
        column: INFO_VALUE_COLUMN,
        name: null,
      });
    }
  }
  return found;
}
