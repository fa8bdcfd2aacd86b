import type { WorkbookMeta } from "../../core/layout";
import type { RawWorkbook } from "../../core/read";
import { XlsxError } from "../errors";
import { loadXlsx, type ExcelJS } from "../exceljs";
import { DEFAULT_LIMITS, guardXlsxBytes, type InputLimits } from "../guard";
import { readMeta } from "./meta";
import { rawFromWorkbook } from "./raw";

export interface OpenedWorkbook {
  workbook: ExcelJS.Workbook;
  meta: WorkbookMeta;
  /** The workbook's cells as the core reads them. */
  raw: RawWorkbook;
}

/**
 * Opens .xlsx bytes (from a file, an upload or a fetch: no file system here). Throws an
 * XlsxError with a code for anything unusable: empty, not a zip, encrypted, too large, corrupt,
 * or not a Taizhang workbook.
 */
export async function openWorkbook(
  bytes: Uint8Array,
  limits: InputLimits = DEFAULT_LIMITS,
): Promise<OpenedWorkbook> {
  guardXlsxBytes(bytes, limits);
  let workbook: ExcelJS.Workbook;
  try {
    workbook = await loadXlsx(bytes);
  } catch (cause) {
    throw new XlsxError("corrupt", {}, cause);
  }
  const raw = rawFromWorkbook(workbook);
  return { workbook, meta: readMeta(workbook, raw), raw };
}
