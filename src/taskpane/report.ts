import type { Assessment } from "../core/assessment";
import type { Pack } from "../core/pack/schema";
import type { Locale } from "../i18n";

/** Saves the printable gap report (the same HTML as `taizhang report`) as a download. */
export async function downloadGapReport(assessment: Assessment, pack: Pack, locale: Locale): Promise<void> {
  const { reportHtml } = await import(/* webpackChunkName: "report" */ "../report/report");
  const html = reportHtml(assessment, pack, locale);
  const url = URL.createObjectURL(new Blob([html], { type: "text/html;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = reportFileName(assessment);
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some WebViews start the download after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function reportFileName(assessment: Assessment): string {
  const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, "_");
  return `差距报告_${safe(assessment.township || "乡镇")}_${assessment.assessmentDate ?? "未定日期"}.html`;
}
