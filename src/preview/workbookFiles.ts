import { inspectWorkbook } from "../excel";
import { t, type Locale } from "../i18n";
import { isXlsxError } from "../xlsx/errors";
import { DEFAULT_LIMITS, tooLargeError } from "../xlsx/guard";
import type { PreviewWorkbook } from "./xlsx/carry";
import { saveAsDownload, XLSX_TYPE } from "../taskpane/download";

/** ExcelJS and the bridge come in their own chunk, when a file is first opened or saved. */
const loadBridge = () => import(/* webpackChunkName: "xlsx" */ "./xlsx");

/** Reads a chosen or dropped file into a new preview workbook. Throws XlsxError for bad input. */
export async function openWorkbookFile(file: File): Promise<PreviewWorkbook> {
  // Refused before reading, so a huge file is never loaded into memory.
  if (file.size > DEFAULT_LIMITS.maxFileBytes) throw tooLargeError(file.size);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { openXlsxWorkbook } = await loadBridge();
  return openXlsxWorkbook(bytes);
}

/** Saves the workbook as a download; returns the file name. */
export async function downloadWorkbook(book: PreviewWorkbook, locale: Locale): Promise<string> {
  const { saveXlsxWorkbook } = await loadBridge();
  const bytes = await saveXlsxWorkbook(book);
  const name = await workbookFileName(book, locale);
  saveAsDownload(bytes, name, XLSX_TYPE);
  return name;
}

/** 乡镇名称 and today's date once a pack is installed, else a generic name. */
export async function workbookFileName(
  book: PreviewWorkbook,
  locale: Locale,
  today = new Date(),
): Promise<string> {
  const date = [today.getFullYear(), today.getMonth() + 1, today.getDate()]
    .map((n) => String(n).padStart(2, "0"))
    .join("-");
  let township = "";
  try {
    township =
      (await inspectWorkbook({ run: book.excel.run, isSetSupported: book.excel.isSetSupported }))?.township ??
      "";
  } catch {
    // A workbook Taizhang cannot read still saves, under the generic name.
  }
  const safe = township.replace(/[\\/:*?"<>|\s]+/g, "_").replace(/^_+|_+$/g, "");
  return safe
    ? t(locale, "ui.preview.fileName", { township: safe, date })
    : t(locale, "ui.preview.fileNameBlank", { date });
}

/** The reason a file could not be opened, in the user's language. */
export function openErrorReason(error: unknown, locale: Locale): string {
  return isXlsxError(error)
    ? t(locale, `xlsx.error.${error.code}`, error.params)
    : t(locale, "ui.preview.openUnexpected");
}
