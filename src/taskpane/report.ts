import type { Assessment } from "../core/assessment";
import type { Pack } from "../core/pack/schema";
import type { Locale } from "../i18n";
import { saveAsDownload } from "./download";

/** Saves the printable gap report (the same HTML as `taizhang report`) as a download. */
export async function downloadGapReport(assessment: Assessment, pack: Pack, locale: Locale): Promise<void> {
  const { reportHtml } = await import(/* webpackChunkName: "report" */ "../report/report");
  const html = reportHtml(assessment, pack, locale);
  saveAsDownload(html, reportFileName(assessment), "text/html;charset=utf-8");
}

export function reportFileName(assessment: Assessment): string {
  const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, "_");
  return `差距报告_${safe(assessment.township || "乡镇")}_${assessment.assessmentDate ?? "未定日期"}.html`;
}
