import { isLayoutSupported, type WorkbookMeta } from "../../core/layout";
import { findMeta, type RawWorkbook } from "../../core/read";
import { XlsxError } from "../errors";
import type { ExcelJS } from "../exceljs";
import { rawFromWorkbook } from "./raw";

/** The Taizhang metadata (core/read findMeta); throws when there is none or it is too new. */
export function readMeta(
  workbook: ExcelJS.Workbook,
  raw: RawWorkbook = rawFromWorkbook(workbook),
): WorkbookMeta {
  const found = findMeta(raw);
  if (!found) throw new XlsxError("notTaizhang");
  if (!isLayoutSupported(found.meta)) {
    throw new XlsxError("layoutUnsupported", { version: found.meta.layoutVersion });
  }
  return found.meta;
}
