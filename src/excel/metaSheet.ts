import { metaRows, type MetaRow, TEXT_FORMAT, type WorkbookMeta } from "../core/layout";
import type { XlContext, XlWorksheet } from "./api";
import { EXTRA_META, type SheetPurpose } from "./locate";
import type { WorkbookState } from "./state";

/** What only the add-in records beside the core's metadata: the host's ids, and renamed sheets. */
export interface HostMeta {
  sheets: readonly { purpose: SheetPurpose; name: string; id: string }[];
  tables: readonly { key: string; id: string; sheetId: string }[];
  renamed: readonly { wanted: string; used: string }[];
}

/** Every metadata row, in the one order all writers use: the core's rows, then the host's. */
export function allMetaRows(meta: WorkbookMeta, host: HostMeta): MetaRow[] {
  return [
    ...metaRows(meta),
    ...host.sheets.map((s): MetaRow => [EXTRA_META.sheet, s.purpose, s.name, s.id]),
    ...host.tables.map((t): MetaRow => [EXTRA_META.tableId, t.key, t.id, t.sheetId]),
    ...host.renamed.map((r): MetaRow => [EXTRA_META.renamed, r.wanted, r.used, ""]),
  ];
}

/** Replaces the metadata sheet's rows; stored as text so ids and versions never turn into numbers. */
export function queueMetaRows(sheet: XlWorksheet, rows: readonly MetaRow[]): void {
  sheet.getRange("A:D").clear("Contents");
  const range = sheet.getRange(`A1:D${rows.length}`);
  range.numberFormat = [[TEXT_FORMAT]];
  range.values = rows.map((row) => [...row]);
}

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
  const purposes: SheetPurpose[] = ["info", "results", "gaps"];
  return allMetaRows(meta, {
    sheets: purposes.flatMap((purpose) => {
      const s = state.sheets[purpose];
      return s ? [{ purpose, name: s.name, id: s.id }] : [];
    }),
    tables: [...state.tables.values()].map((t) => ({ key: t.key, id: t.id, sheetId: t.sheetId })),
    renamed: state.located.extra.renamed,
  });
}

export function queueMetaRefresh(ctx: XlContext, state: WorkbookState): boolean {
  const rows = currentMetaRows(state);
  const sheetId = state.located.metaSheetId;
  if (!rows || !sheetId) return false;
  const text = JSON.stringify(rows);
  if (text === state.metaText) return false;
  queueMetaRows(ctx.workbook.worksheets.getItem(sheetId), rows);
  state.metaText = text;
  return true;
}
