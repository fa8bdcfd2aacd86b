import type { WorkbookMeta } from "../../core/layout";
import type { RawWorkbook } from "../../core/read";
import { XlsxError } from "../errors";
import { loadXlsx, type ExcelJS } from "../exceljs";
import { DEFAULT_LIMITS, guardXlsx, type InputLimits } from "../guard";
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
  const workbook = await loadGuarded(bytes, limits);
  const raw = rawFromWorkbook(workbook);
  return { workbook, meta: readMeta(workbook, raw), raw };
}

/**
 * True for a summary workbook Taizhang itself wrote (`consolidate -o`): made by Taizhang (the
 * document's creator property) but without a checklist's metadata. Lets a re-run skip it.
 */
export async function isOwnSummary(
  bytes: Uint8Array,
  limits: InputLimits = DEFAULT_LIMITS,
): Promise<boolean> {
  try {
    await guardXlsx(bytes, limits);
    const workbook = await loadXlsx(bytes);
    if (workbook.creator !== "Taizhang") return false;
    readMeta(workbook);
    return false;
  } catch (error) {
    return error instanceof XlsxError && error.code === "notTaizhang";
  }
}

/** .xlsx bytes → a loaded ExcelJS workbook, after the zip guard; a load failure is "corrupt". */
export async function loadGuarded(
  bytes: Uint8Array,
  limits: InputLimits = DEFAULT_LIMITS,
): Promise<ExcelJS.Workbook> {
  await guardXlsx(bytes, limits);
  try {
    return await loadXlsx(bytes);
  } catch (cause) {
    throw new XlsxError("corrupt", {}, cause);
  }
}
