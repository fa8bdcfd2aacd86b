import { isLayoutSupported, parseMetaRows, SHEETS, type WorkbookMeta } from "../../core/layout";
import { XlsxError } from "../errors";
import type { ExcelJS } from "../exceljs";
import { valueAt } from "./sheetAccess";

const META_COLUMNS = 4;

/** The Taizhang metadata, looked up by sheet name first, then on any sheet whose A1 says so. */
export function readMeta(workbook: ExcelJS.Workbook): WorkbookMeta {
  const named = workbook.getWorksheet(SHEETS.meta);
  const candidates = named ? [named, ...workbook.worksheets.filter((s) => s !== named)] : workbook.worksheets;
  for (const sheet of candidates) {
    if (valueAt(sheet, 1, 1) !== "taizhang") continue;
    const rows: unknown[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      rows.push(Array.from({ length: META_COLUMNS }, (_, c) => valueAt(sheet, r, c + 1)));
    }
    const meta = parseMetaRows(rows);
    if (!meta) continue;
    if (!isLayoutSupported(meta)) {
      throw new XlsxError("layoutUnsupported", { version: meta.layoutVersion });
    }
    return meta;
  }
  throw new XlsxError("notTaizhang");
}
