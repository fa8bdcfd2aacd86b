import type { Assessment } from "../../core/assessment";
import { itemScoreCells } from "../../core/formulas/itemScoreCells";
import type { WorkbookFormulas } from "../../core/formulas/types";
import { placeTables, type WorkbookLayout } from "../../core/layout";
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
  /**
   * The workbook's formulas (formulasFor), its tables where placeTables puts them: 自评结果's
   * compiled figures stay formulas, and 差距清单's points read the items' 应得 / 实得 helpers.
   */
  formulas?: WorkbookFormulas,
): void {
  const options = {
    lang: locale === "zh-CN" ? ("zh" as const) : ("en" as const),
    texts: {
      finding: (f: Parameters<typeof findingMessage>[1]) => findingMessage(locale, f),
      reason: (r: { code: string; params: Readonly<Record<string, string | number | boolean>> }) =>
        t(locale, `reason.${r.code}`, r.params),
    },
  };
  writeSheetModel(workbook, resultsSheetModel(assessment, layout, options), formulas?.cells);
  const scoreCells = formulas ? itemScoreCells(formulas, placeTables(layout)) : undefined;
  writeSheetModel(
    workbook,
    gapsSheetModel(assessment, layout, { ...options, ...(scoreCells ? { scoreCells } : {}) }),
  );
}
