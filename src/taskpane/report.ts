import type { Assessment } from "../core/assessment";
import type { Pack } from "../core/pack/schema";
import type { Locale } from "../i18n";
import { saveAsDownload } from "./download";
import { officeGlobal, openReportDialog, type ReportOffice, reportPath } from "./reportOpen";

/**
 * Saves the printable gap report (the same HTML as `taizhang report`) as a download, or opens it in
 * an Office dialog where the host ignores downloads (Excel for Mac, iPad: reportOpen.ts).
 */
export async function downloadGapReport(
  assessment: Assessment,
  pack: Pack,
  locale: Locale,
  office: ReportOffice | undefined = officeGlobal(),
): Promise<void> {
  const { reportHtml } = await import(/* webpackChunkName: "report" */ "../report/report");
  const html = reportHtml(assessment, pack, locale);
  const save = () => saveAsDownload(html, reportFileName(assessment), "text/html;charset=utf-8");
  if (office && reportPath(office) === "dialog") {
    // A refused dialog (one already open) still leaves the download to try.
    await openReportDialog(office, html, location.href).catch(save);
    return;
  }
  save();
}

export function reportFileName(assessment: Assessment): string {
  const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, "_");
  return `差距报告_${safe(assessment.township || "乡镇")}_${assessment.assessmentDate ?? "未定日期"}.html`;
}
