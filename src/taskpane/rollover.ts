import type { Locale } from "../i18n";
import type { TaskpaneHost } from "./host";

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
  const url = URL.createObjectURL(
    new Blob([bytes as BlobPart], {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }),
  );
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some WebViews start the download after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
