import { CHECK_MARKS, type ColumnLayout, failingRowFormula, NO, WORKBOOK_LOCALE, YES } from "../core/layout";
import type { ColumnType } from "../core/pack/schema";
import { t } from "../i18n";
import { columnLetters } from "./address";
import type { XlRange } from "./api";

/** Points per character of column width (Excel's default font). */
export const POINTS_PER_CHARACTER = 7;

export const FILLS = {
  error: "#F8D7DA",
  warning: "#FFF3CD",
  ok: "#E6F4EA",
  header: "#DDEBF7",
  retired: "#EDEDED",
  failingRow: "#FDECEA",
  warningRow: "#FFF8E1",
} as const;

/** Number format of a column: dates as yyyy-mm-dd, ratios as 0%, text as text so Excel keeps it. */
export function numberFormatFor(type: ColumnType): string {
  switch (type) {
    case "date":
      return "yyyy-mm-dd";
    case "ratio":
      return "0%";
    case "integer":
      return "0";
    case "number":
      return "General";
    default:
      return "@";
  }
}

const PROMPT_TITLE = 32;
const PROMPT_MESSAGE = 255;
const ALERT_MESSAGE = 225;
const clip = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

export interface ValidationSpec {
  rule: Excel.DataValidationRule;
  prompt?: Excel.DataValidationPrompt;
  errorAlert?: Excel.DataValidationErrorAlert;
}

/**
 * Excel-native validation for a column type (list, date, decimal, whole number), with a Chinese
 * input prompt and error alert; null when the column needs none. A paste bypasses it, so the add-in
 * and the CLI check every entry anyway.
 */
export function validationFor(
  type: ColumnType,
  title: string,
  help: string | undefined,
  values?: readonly string[],
): ValidationSpec | null {
  const prompt = (message: string): Excel.DataValidationPrompt => ({
    showPrompt: true,
    title: clip(title, PROMPT_TITLE),
    message: clip(message, PROMPT_MESSAGE),
  });
  const alert = (titleKey: string, messageKey: string, params = {}): Excel.DataValidationErrorAlert => ({
    showAlert: true,
    style: "Stop",
    title: clip(t(WORKBOOK_LOCALE, titleKey), PROMPT_TITLE),
    message: clip(t(WORKBOOK_LOCALE, messageKey, params), ALERT_MESSAGE),
  });
  switch (type) {
    case "enum":
    case "yesNo": {
      const choices = values && values.length > 0 ? values : type === "yesNo" ? [YES, NO] : [];
      if (choices.length === 0) break;
      const list = choices.join(",");
      return {
        rule: { list: { inCellDropDown: true, source: list } },
        prompt: prompt(help ?? t(WORKBOOK_LOCALE, "excel.dv.listMessage", { values: choices.join(" / ") })),
        errorAlert: alert("excel.dv.listTitle", "excel.dv.listMessage", { values: choices.join(" / ") }),
      };
    }
    case "date":
      return {
        rule: { date: { operator: "GreaterThanOrEqualTo", formula1: "1990-01-01" } },
        prompt: prompt(help ?? t(WORKBOOK_LOCALE, "excel.dv.dateMessage")),
        errorAlert: alert("excel.dv.dateTitle", "excel.dv.dateMessage"),
      };
    case "number":
      return {
        rule: { decimal: { operator: "GreaterThanOrEqualTo", formula1: 0 } },
        prompt: prompt(help ?? t(WORKBOOK_LOCALE, "excel.dv.numberMessage")),
        errorAlert: alert("excel.dv.numberTitle", "excel.dv.numberMessage"),
      };
    case "integer":
      return {
        rule: { wholeNumber: { operator: "GreaterThanOrEqualTo", formula1: 0 } },
        prompt: prompt(help ?? t(WORKBOOK_LOCALE, "excel.dv.integerMessage")),
        errorAlert: alert("excel.dv.integerTitle", "excel.dv.integerMessage"),
      };
    case "ratio":
      return {
        rule: { decimal: { operator: "Between", formula1: 0, formula2: 1 } },
        prompt: prompt(help ?? t(WORKBOOK_LOCALE, "excel.dv.ratioMessage")),
        errorAlert: alert("excel.dv.ratioTitle", "excel.dv.ratioMessage"),
      };
    default:
      break;
  }
  if (!help) return null;
  // Text with help: an always-true length rule carries the input prompt.
  return {
    rule: { textLength: { operator: "LessThanOrEqualTo", formula1: 32767 } },
    prompt: prompt(help),
    errorAlert: { showAlert: false, style: "Information", title: "", message: "" },
  };
}

export function applyValidation(range: XlRange, spec: ValidationSpec): void {
  range.dataValidation.clear();
  range.dataValidation.rule = spec.rule;
  if (spec.prompt) range.dataValidation.prompt = spec.prompt;
  if (spec.errorAlert) range.dataValidation.errorAlert = spec.errorAlert;
}

export function columnValidation(column: ColumnLayout): ValidationSpec | null {
  if (column.fixed || column.output) return null;
  return validationFor(column.type, column.header.zh, column.help?.zh, column.values);
}

/** Colours a table's failing rows from its 校验 column (works in Excel without the add-in too). */
export function addFailingRowFormats(body: XlRange, checkColumn: number, firstDataRow: number): void {
  const letter = columnLetters(checkColumn);
  const error = body.conditionalFormats.add("Custom");
  error.custom.rule.formula = failingRowFormula(letter, firstDataRow, CHECK_MARKS.error);
  error.custom.format.fill.color = FILLS.failingRow;
  const warning = body.conditionalFormats.add("Custom");
  warning.custom.rule.formula = failingRowFormula(letter, firstDataRow, CHECK_MARKS.warning);
  warning.custom.format.fill.color = FILLS.warningRow;
}

/** Fill of a 校验 cell from its text. */
export function checkFill(text: string): string | null {
  if (text.startsWith(CHECK_MARKS.error)) return FILLS.error;
  if (text.startsWith(CHECK_MARKS.warning)) return FILLS.warning;
  if (text.startsWith(CHECK_MARKS.ok)) return FILLS.ok;
  if (text.length > 0) return FILLS.retired;
  return null;
}
