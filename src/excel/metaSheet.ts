import { metaRows, type MetaRow, type WorkbookMeta } from "../core/layout";
import type { XlContext } from "./api";
import { EXTRA_META } from "./locate";
import type { WorkbookState } from "./state";

/**
 * The metadata as it should read now: current table and sheet names, and the ids that find them
 * again after a rename. A full check rewrites it when it differs (e.g. ids of tables an upgrade
 * created, or a table the user renamed), in the check's own write: no extra round trip.
 */
export function currentMetaRows(state: WorkbookState): MetaRow[] | null {
  if (!state.located.meta) return null;
  const meta: WorkbookMeta = {
    ...state.located.meta,
    tables: [...state.tables.values()].map((t) => ({ key: t.key, name: t.name, sheet: t.sheetName })),
    retiredItems: [...state.retired].sort(),
  };
  const purpose = (p: "info" | "results" | "gaps"): MetaRow[] => {
    const s = state.sheets[p];
    return s ? [[EXTRA_META.sheet, p, s.name, s.id]] : [];
  };
  return [
    ...metaRows(meta),
    ...purpose("info"),
    ...purpose("results"),
    ...purpose("gaps"),
    ...[...state.tables.values()].map((t): MetaRow => [EXTRA_META.tableId, t.key, t.id, t.sheetId]),
    ...state.located.extra.renamed.map((r): MetaRow => [EXTRA_META.renamed, r.wanted, r.used, ""]),
  ];
}

export function queueMetaRefresh(ctx: XlContext, state: WorkbookState): boolean {
  const rows = currentMetaRows(state);
  const sheetId = state.located.metaSheetId;
  if (!rows || !sheetId) return false;
  const text = JSON.stringify(rows);
  if (text === state.metaText) return false;
  const sheet = ctx.workbook.worksheets.getItem(sheetId);
  sheet.getRange("A:D").clear("Contents");
  sheet.getRange(`A1:D${rows.length}`).numberFormat = [["@"]];
  sheet.getRange(`A1:D${rows.length}`).values = rows;
  state.metaText = text;
  return true;
}
