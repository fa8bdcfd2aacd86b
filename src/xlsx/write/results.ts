import type { Assessment } from "../../core/assessment";
import type { FixedFormula } from "../../core/formulas/types";
import type { WorkbookLayout } from "../../core/layout";
import { gapsSheetModel, resultsSheetModel } from "../../core/layout/resultSheets";
import { findingMessage, t, type Locale } from "../../i18n";
import type { ExcelJS } from "../exceljs";
import { writeSheetModel } from "./sheetModel";

/** Fills 自评结果 and 差距清单 from an assessment, as the add-in does. */
export function writeResultSheets(
  workbook: ExcelJS.Workbook,
  assessment: Assessment,
  layout: WorkbookLayout,
  locale: Locale = "zh-CN",
  /** The workbook's formula cells (formulasFor): 自评结果's compiled figures stay formulas. */
  formulas: readonly FixedFormula[] = [],
): void {
  const options = {
    lang: locale === "zh-CN" ? ("zh" as const) : ("en" as const),
    texts: {
      finding: (f: Parameters<typeof findingMessage>[1]) => findingMessage(locale, f),
      reason: (r: { code: string; params: Readonly<Record<string, string | number | boolean>> }) =>
        t(locale, `reason.${r.code}`, r.params),
    },
  };
  writeSheetModel(workbook, resultsSheetModel(assessment, layout, options), formulas);
  writeSheetModel(workbook, gapsSheetModel(assessment, layout, options));
}
