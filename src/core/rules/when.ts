import type { Severity } from "../findings";
import { labelParams } from "./labels";
import { isListedValue } from "./listed";
import type { RowView } from "./rowView";
import type { RowRuleModule, RuleHit } from "./types";

export const WHEN_CODES = {
  mustBeBlank: "when.mustBeBlank",
  missing: "when.missing",
  notAllowed: "when.notAllowed",
  forbidden: "when.forbidden",
} as const;

/**
 * A clause that binds one cell of a record to another: "经审查不合法的,不得提交会议讨论",
 * "审核未通过的,不得作出决定", "不一致的,应当在会上说明理由". The finding quotes the clause.
 */
export const whenRule: RowRuleModule<"when"> = {
  scope: "row",
  codes: {
    [WHEN_CODES.mustBeBlank]: "error",
    [WHEN_CODES.missing]: "error",
    [WHEN_CODES.notAllowed]: "error",
    [WHEN_CODES.forbidden]: "error",
  },
  evaluate(rule, row) {
    if (!matches(row, rule.if.column, rule.if.equals)) return [];
    const severity: Severity = rule.severity ?? "error";
    const params = {
      ...labelParams("condition", row.header(rule.if.column)),
      conditionValue: row.display(rule.if.column),
      ...labelParams("requirement", rule.requirement),
    };
    const then = rule.then;
    const out = (code: string, extra: RuleHit["params"] = {}): RuleHit[] => [
      {
        code,
        severity,
        column: then.column,
        params: { ...params, ...labelParams("field", row.header(then.column)), ...extra },
      },
    ];
    if ("forbidden" in then) return out(WHEN_CODES.forbidden);
    if ("blank" in then) {
      return row.isBlank(then.column) ? [] : out(WHEN_CODES.mustBeBlank, { raw: row.display(then.column) });
    }
    if (row.isBlank(then.column)) return out(WHEN_CODES.missing);
    if (!("equals" in then) || matches(row, then.column, then.equals)) return [];
    return out(WHEN_CODES.notAllowed, { raw: row.display(then.column), allowed: then.equals.join("/") });
  },
};

function matches(row: RowView, column: string, values: readonly string[]): boolean {
  return !row.isBlank(column) && isListedValue(row, column, values);
}
