import type { Locale } from "../i18n";
import type { TaskpaneHost } from "./host";
import { saveAsDownload, XLSX_TYPE } from "./download";

export type NextYearOutcome =
  | { ok: true; fileName: string; carried: number; archived: number }
  | { ok: false; key: string; params: Readonly<Record<string, string | number>> };

/**
 * 开始新评估年度: the open workbook → the next year's, the same function as `taizhang rollover`
 * (loaded on demand with ExcelJS), opened as a new workbook; the open one is not changed.
 */
export async function startNextYear(
  host: Required<Pick<TaskpaneHost, "workbookBytes" | "openNewWorkbook">>,
  year: string,
  township: string,
  locale: Locale,
): Promise<NextYearOutcome> {
  const bytes = await host.workbookBytes();
  const { rolloverWorkbookBytes, carriedRecordCount } = await import(
    /* webpackChunkName: "xlsx" */ "../xlsx/rolloverWorkbook"
  );
  const result = await rolloverWorkbookBytes(bytes, year, locale);
  if (!result.ok) return { ok: false, key: `cli.error.${result.code}`, params: result.params };
  const fileName = `${township || "台账"}${result.plan.toYear}.xlsx`;
  await host.openNewWorkbook(result.bytes, fileName);
  return {
    ok: true,
    fileName,
    carried: carriedRecordCount(result.plan),
    archived: result.plan.archive.length,
  };
}

/** Saves bytes as a download (the preview, and Excel without createWorkbook). */
export function downloadXlsx(bytes: Uint8Array, fileName: string): void {
  saveAsDownload(bytes, fileName, XLSX_TYPE);
}
