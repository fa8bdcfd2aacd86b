import type { Validation } from "../../sim";
import type { ExcelJS } from "../../xlsx/exceljs";
import type { RawValidation } from "./packageParts";
import { isoFromSerial, serialFromIso } from "./units";

/** SpreadsheetML operator names ↔ Office.js DataValidationOperator. */
type Operator = Excel.BasicDataValidation["operator"];
type AlertStyle = NonNullable<Excel.DataValidationErrorAlert["style"]>;

const OPERATORS: Record<string, Operator> = {
  between: "Between",
  notBetween: "NotBetween",
  equal: "EqualTo",
  notEqual: "NotEqualTo",
  greaterThan: "GreaterThan",
  lessThan: "LessThan",
  greaterThanOrEqual: "GreaterThanOrEqualTo",
  lessThanOrEqual: "LessThanOrEqualTo",
};
const FILE_OPERATORS = Object.fromEntries(Object.entries(OPERATORS).map(([k, v]) => [v, k]));

const RULE_KINDS: Record<string, "wholeNumber" | "decimal" | "date" | "time" | "textLength"> = {
  whole: "wholeNumber",
  decimal: "decimal",
  date: "date",
  time: "time",
  textLength: "textLength",
};
const FILE_KINDS = Object.fromEntries(Object.entries(RULE_KINDS).map(([k, v]) => [v, k]));

const STYLES: Record<string, AlertStyle> = {
  stop: "Stop",
  warning: "Warning",
  information: "Information",
};

/** A file's validation as Office.js reports it (what the fake stores per cell); null if unknown. */
export function validationFromFile(raw: RawValidation): Validation | null {
  const rule = ruleFromFile(raw);
  if (!rule) return null;
  const validation: Validation = { rule };
  if (raw.showInputMessage || raw.prompt || raw.promptTitle) {
    validation.prompt = {
      showPrompt: raw.showInputMessage ?? false,
      title: raw.promptTitle ?? "",
      message: raw.prompt ?? "",
    };
  }
  if (raw.showErrorMessage || raw.error || raw.errorTitle) {
    validation.errorAlert = {
      showAlert: raw.showErrorMessage ?? false,
      style: STYLES[raw.errorStyle ?? "stop"] ?? "Stop",
      title: raw.errorTitle ?? "",
      message: raw.error ?? "",
    };
  }
  return validation;
}

function ruleFromFile(raw: RawValidation): Excel.DataValidationRule | null {
  const type = raw.type ?? "none";
  if (type === "none" || type === "any") return {};
  if (type === "list") {
    const formula = raw.formula1 ?? "";
    const literal = /^"([\s\S]*)"$/.exec(formula);
    const source = literal ? (literal[1] ?? "").replace(/""/g, '"') : `=${formula}`;
    return { list: { inCellDropDown: !raw.showDropDown, source } };
  }
  if (type === "custom") return { custom: { formula: `=${raw.formula1 ?? ""}` } };
  const kind = RULE_KINDS[type];
  if (!kind) return null;
  const operand = (text: string | undefined): string | number | undefined => {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (text.trim() === "" || Number.isNaN(n)) return `=${text}`;
    return kind === "date" ? isoFromSerial(n) : n;
  };
  const f1 = operand(raw.formula1);
  const f2 = operand(raw.formula2);
  const basic: Excel.BasicDataValidation = {
    operator: OPERATORS[raw.operator ?? "between"] ?? "Between",
    formula1: f1 ?? "",
    ...(f2 !== undefined ? { formula2: f2 } : {}),
  };
  return { [kind]: basic } as Excel.DataValidationRule;
}

/** What ExcelJS writes for a stored validation. */
export function validationToFile(validation: Validation): ExcelJS.DataValidation {
  const out: Record<string, unknown> = { allowBlank: true, ...ruleToFile(validation.rule) };
  const { prompt, errorAlert } = validation;
  if (prompt) {
    out.showInputMessage = prompt.showPrompt;
    if (prompt.title) out.promptTitle = prompt.title;
    if (prompt.message) out.prompt = prompt.message;
  }
  // A switched-off alert with no text is no alert: the file says nothing, as the reader expects.
  if (errorAlert && (errorAlert.showAlert || errorAlert.title || errorAlert.message)) {
    out.showErrorMessage = errorAlert.showAlert;
    out.errorStyle = (errorAlert.style ?? "Stop").toLowerCase();
    if (errorAlert.title) out.errorTitle = errorAlert.title;
    if (errorAlert.message) out.error = errorAlert.message;
  }
  // ExcelJS's DataValidation typing lacks "any" and showDropDown, both of which it writes.
  return out as unknown as ExcelJS.DataValidation;
}

function ruleToFile(rule: Excel.DataValidationRule): Record<string, unknown> {
  if (rule.list) {
    const source = String(rule.list.source ?? "");
    const formula = source.startsWith("=") ? source.slice(1) : `"${source.replace(/"/g, '""')}"`;
    return {
      type: "list",
      formulae: [formula],
      ...(rule.list.inCellDropDown === false ? { showDropDown: true } : {}),
    };
  }
  if (rule.custom) return { type: "custom", formulae: [String(rule.custom.formula).replace(/^=/, "")] };
  for (const [kind, type] of Object.entries(FILE_KINDS)) {
    const basic = (rule as Record<string, Excel.BasicDataValidation | undefined>)[kind];
    if (!basic) continue;
    const formulae = [basic.formula1, basic.formula2]
      .filter((f) => f !== undefined && f !== null)
      .map((f) => operandToFile(f as string | number, kind === "date"));
    return { type, operator: FILE_OPERATORS[String(basic.operator)] ?? "between", formulae };
  }
  return { type: "any" };
}

/** ExcelJS writes a Date as a serial for date rules and a number as itself; text is a formula. */
function operandToFile(operand: string | number, isDate: boolean): unknown {
  if (typeof operand === "number") return isDate ? dateOfSerial(operand) : operand;
  if (isDate) {
    const serial = serialFromIso(operand);
    if (serial !== null) return dateOfSerial(serial);
  }
  return operand.replace(/^=/, "");
}

const dateOfSerial = (serial: number): Date => new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
