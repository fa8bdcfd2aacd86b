import {
  CHECK_MARKS,
  clipText,
  COLORS,
  type ConditionalFormatSpec,
  type FontSpec,
  type ValidationCheck,
  type ValidationSpec,
  VALIDATION_LIMITS,
  WORKBOOK_LOCALE,
  type WorkbookText,
} from "../core/layout";
import { t } from "../i18n";
import type { XlRange } from "./api";

/**
 * Points per character used only by the 汇总 sheet's writer (consolidation.ts, outside this
 * change); every Taizhang sheet converts with the core's pointsFromCharacters.
 */
export const POINTS_PER_CHARACTER = 7;

/** Workbook text in the workbook's language. */
export const workbookText = (text: WorkbookText): string =>
  "text" in text ? text.text.zh : t(WORKBOOK_LOCALE, text.key, text.params ?? {});

function ruleOf(check: ValidationCheck): Excel.DataValidationRule {
  switch (check.kind) {
    case "list":
      return { list: { inCellDropDown: true, source: check.values.join(",") } };
    case "date":
      return { date: { operator: "GreaterThanOrEqualTo", formula1: check.min } };
    case "textLength":
      return { textLength: { operator: "LessThanOrEqualTo", formula1: check.max } };
    default: {
      const rule =
        check.operator === "between"
          ? { operator: "Between" as const, formula1: check.min, formula2: check.max }
          : { operator: "GreaterThanOrEqualTo" as const, formula1: check.min };
      return check.kind === "whole" ? { wholeNumber: rule } : { decimal: rule };
    }
  }
}

export const promptOf = (spec: ValidationSpec): Excel.DataValidationPrompt => ({
  showPrompt: true,
  title: clipText(workbookText(spec.prompt.title), VALIDATION_LIMITS.title),
  message: clipText(workbookText(spec.prompt.message), VALIDATION_LIMITS.message),
});

/** Translates the core's validation of a cell block into Office.js. */
export function applyValidation(range: XlRange, spec: ValidationSpec): void {
  range.dataValidation.clear();
  range.dataValidation.rule = ruleOf(spec.check);
  range.dataValidation.prompt = promptOf(spec);
  range.dataValidation.errorAlert = spec.alert
    ? {
        showAlert: true,
        style: "Warning",
        title: clipText(workbookText(spec.alert.title), VALIDATION_LIMITS.title),
        message: clipText(workbookText(spec.alert.message), VALIDATION_LIMITS.message),
      }
    : { showAlert: false, style: "Warning", title: "", message: "" };
}

/** Translates one of the core's conditional fills; `at` is the block's range. */
export function applyConditionalFormat(at: XlRange, spec: ConditionalFormatSpec): void {
  const format = at.conditionalFormats.add("Custom");
  format.custom.rule.formula = `=${spec.formula}`;
  format.custom.format.fill.color = spec.fill;
}

export function applyFont(range: XlRange, font: FontSpec): void {
  range.format.font.bold = font.bold;
}

/** Fill of a 校验 cell the add-in writes, from its text. */
export function checkFill(text: string): string | null {
  if (text.startsWith(CHECK_MARKS.error)) return COLORS.error;
  if (text.startsWith(CHECK_MARKS.warning)) return COLORS.warning;
  if (text.startsWith(CHECK_MARKS.ok)) return COLORS.ok;
  if (text.length > 0) return COLORS.retired;
  return null;
}

/** The core's colours, under the name the 汇总 sheet's writer uses. */
export const FILLS = COLORS;
