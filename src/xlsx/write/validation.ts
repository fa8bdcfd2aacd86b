import { type ColumnLayout, WORKBOOK_LOCALE } from "../../core/layout";
import type { ColumnType, LocalizedText } from "../../core/pack/schema";
import { t } from "../../i18n";
import type { ExcelJS } from "../exceljs";

/** Excel caps an inline list at 255 characters and prompts at 255 (title 32). */
const MAX_LIST_CHARS = 255;
const MAX_PROMPT_CHARS = 255;
const MAX_TITLE_CHARS = 32;

const EARLIEST_DATE = new Date(Date.UTC(1900, 0, 1));

/** The check of each typed column; its message is `xlsx.validation.<type>`. */
const TYPE_CHECKS: Record<
  "date" | "integer" | "number" | "ratio",
  Pick<ExcelJS.DataValidation, "type" | "operator" | "formulae">
> = {
  date: { type: "date", operator: "greaterThan", formulae: [EARLIEST_DATE] },
  integer: { type: "whole", operator: "greaterThanOrEqual", formulae: [0] },
  number: { type: "decimal", operator: "greaterThanOrEqual", formulae: [0] },
  ratio: { type: "decimal", operator: "between", formulae: [0, 1] },
};

export interface ValidationSpec {
  type: ColumnType;
  values?: readonly string[];
  title: LocalizedText;
  help?: LocalizedText;
}

export const specForColumn = (column: ColumnLayout): ValidationSpec => ({
  type: column.type,
  ...(column.values ? { values: column.values } : {}),
  title: column.header,
  ...(column.help ? { help: column.help } : {}),
});

/**
 * The native validation for a column: a dropdown for lists, date/number checks, and the help text
 * as the input message. Type checks warn rather than stop, because people type dates as text
 * (2018年4月3日) that the checker accepts; lists stop, as the choices are fixed.
 * Null when the column needs neither a check nor a prompt.
 */
export function validationFor(spec: ValidationSpec): ExcelJS.DataValidation | null {
  const prompt = spec.help
    ? {
        showInputMessage: true,
        promptTitle: clip(spec.title.zh, MAX_TITLE_CHARS),
        prompt: clip(spec.help.zh, MAX_PROMPT_CHARS),
      }
    : {};
  const error = (text: string, style: "stop" | "warning") => ({
    showErrorMessage: true,
    errorStyle: style,
    errorTitle: clip(spec.title.zh, MAX_TITLE_CHARS),
    error: clip(text, MAX_PROMPT_CHARS),
  });
  switch (spec.type) {
    case "enum":
    case "yesNo": {
      const list = (spec.values ?? []).join(",");
      if (list.length === 0 || list.length > MAX_LIST_CHARS - 2) break;
      return {
        type: "list",
        allowBlank: true,
        formulae: [`"${list}"`],
        ...prompt,
        ...error(t(WORKBOOK_LOCALE, "xlsx.validation.list", { values: list }), "stop"),
      };
    }
    case "text":
      break;
    default: {
      const check = TYPE_CHECKS[spec.type];
      return {
        ...check,
        formulae: [...check.formulae],
        allowBlank: true,
        ...prompt,
        ...error(t(WORKBOOK_LOCALE, `xlsx.validation.${spec.type}`), "warning"),
      };
    }
  }
  // ExcelJS writes "any" (a prompt without a check) but its typings leave it out.
  const promptOnly = "any" as ExcelJS.DataValidation["type"];
  return spec.help ? { type: promptOnly, allowBlank: true, formulae: [], ...prompt } : null;
}

/** Number format for a column type, when it needs one. */
export function numberFormatFor(type: ColumnType): string | undefined {
  if (type === "date") return "yyyy-mm-dd";
  if (type === "ratio") return "0%";
  if (type === "integer") return "0";
  return undefined;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
