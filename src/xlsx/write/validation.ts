import { excelSerialFromIso } from "../../core/values/isoDate";
import {
  clipText,
  type ValidationCheck,
  type ValidationSpec,
  VALIDATION_LIMITS,
  WORKBOOK_LOCALE,
  type WorkbookText,
} from "../../core/layout";
import { t } from "../../i18n";
import type { ExcelJS } from "../exceljs";

/** Workbook text in the workbook's language. */
const workbookText = (text: WorkbookText): string =>
  "text" in text ? text.text.zh : t(WORKBOOK_LOCALE, text.key, text.params ?? {});

// ExcelJS writes a Date d as (d − 1899-12-30) in days, which is one day off Excel's calendar before
// 1900-03-01: go through the core's serial so the file holds the day Excel shows (1900-01-01 → 1).
const isoDate = (iso: string): Date =>
  new Date(Date.UTC(1899, 11, 30) + excelSerialFromIso(iso) * 86_400_000);

type Check = Pick<ExcelJS.DataValidation, "type" | "operator" | "formulae">;

function checkOf(check: ValidationCheck): Check {
  switch (check.kind) {
    case "list":
      return { type: "list", formulae: [`"${check.values.join(",")}"`] };
    case "date":
      return { type: "date", operator: "greaterThanOrEqual", formulae: [isoDate(check.min)] };
    case "textLength":
      return { type: "textLength", operator: "lessThanOrEqual", formulae: [check.max] };
    default:
      return check.operator === "between"
        ? { type: check.kind, operator: "between", formulae: [check.min, check.max] }
        : { type: check.kind, operator: "greaterThanOrEqual", formulae: [check.min] };
  }
}

/** Translates the core's validation of a cell block into ExcelJS's model. */
export function toExcelJs(spec: ValidationSpec): ExcelJS.DataValidation {
  return {
    ...checkOf(spec.check),
    allowBlank: true,
    showInputMessage: true,
    promptTitle: clipText(workbookText(spec.prompt.title), VALIDATION_LIMITS.title),
    prompt: clipText(workbookText(spec.prompt.message), VALIDATION_LIMITS.message),
    ...(spec.alert
      ? {
          showErrorMessage: true,
          errorStyle: spec.alert.style,
          errorTitle: clipText(workbookText(spec.alert.title), VALIDATION_LIMITS.title),
          error: clipText(workbookText(spec.alert.message), VALIDATION_LIMITS.message),
        }
      : {}),
  };
}
