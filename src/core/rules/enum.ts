import { parseEnum } from "../values/cell";
import type { RowView } from "./rowView";
import { labelParams } from "./labels";
import { isListedValue } from "./listed";
import type { RowRuleModule } from "./types";

export const ENUM_RULE_CODES = {
  notAllowed: "enum.notAllowed",
  /** A yes/no answer the dropdown offers, but the requirement wants the other (是否归档 否). */
  answerNotAllowed: "enum.answerNotAllowed",
  /** An option the dropdown offers that the requirement excludes (仅委托律师出庭, 审核意见 未通过). */
  optionNotAllowed: "enum.optionNotAllowed",
} as const;

/** A filled cell must be one of the listed values. */
export const enumRule: RowRuleModule<"enum"> = {
  scope: "row",
  codes: {
    [ENUM_RULE_CODES.notAllowed]: "error",
    [ENUM_RULE_CODES.answerNotAllowed]: "error",
    [ENUM_RULE_CODES.optionNotAllowed]: "error",
  },
  evaluate(rule, row) {
    if (row.isBlank(rule.column)) return [];
    if (isListedValue(row, rule.column, rule.values)) return [];
    return [
      {
        code: offered(row, rule.column),
        severity: "error",
        column: rule.column,
        params: {
          ...labelParams("field", row.header(rule.column)),
          raw: row.display(rule.column),
          allowed: rule.values.join("/"),
        },
      },
    ];
  },
};

/**
 * Which kind of refusal: a value the column's own dropdown offers breaks the requirement the rule
 * encodes, which is not the same as a value outside the dropdown.
 */
function offered(row: RowView, column: string): string {
  const info = row.columns.get(column);
  if (info?.type === "yesNo" && row.yesNo(column) !== null) return ENUM_RULE_CODES.answerNotAllowed;
  if (info?.values && parseEnum(row.raw(column), info.values).ok) return ENUM_RULE_CODES.optionNotAllowed;
  return ENUM_RULE_CODES.notAllowed;
}
