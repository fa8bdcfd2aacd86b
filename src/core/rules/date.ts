import { parseDate } from "../values/date";
import { labelParams } from "./labels";
import type { RowRuleModule, RuleHit } from "./types";

export const DATE_RULE_CODES = {
  afterDeadline: "date.afterDeadline",
  inFuture: "date.inFuture",
} as const;

/** A filled cell must be a date; optionally not after a fixed date or the assessment date. */
export const dateRule: RowRuleModule<"date"> = {
  scope: "row",
  codes: {
    [DATE_RULE_CODES.afterDeadline]: "error",
    [DATE_RULE_CODES.inFuture]: "error",
    "value.date.invalid": "error",
    "value.date.impossible": "error",
  },
  evaluate(rule, row, ctx) {
    if (row.isBlank(rule.column)) return [];
    const field = labelParams("field", row.header(rule.column));
    const parsedDate = parseDate(row.raw(rule.column));
    if (!parsedDate.ok) {
      return [
        {
          code: parsedDate.code,
          severity: "error",
          column: rule.column,
          params: { ...field, ...parsedDate.params },
        },
      ];
    }
    const date = parsedDate.value;
    const hits: RuleHit[] = [];
    if (rule.notAfter && date > rule.notAfter) {
      hits.push({
        code: DATE_RULE_CODES.afterDeadline,
        severity: "error",
        column: rule.column,
        params: { ...field, date, deadline: rule.notAfter },
      });
    }
    if (rule.notInFuture && ctx.assessmentDate && date > ctx.assessmentDate) {
      hits.push(inFutureHit(rule.column, field, date, ctx.assessmentDate));
    }
    return hits;
  },
};

export function inFutureHit(
  column: string,
  field: RuleHit["params"],
  date: string,
  assessmentDate: string,
): RuleHit {
  return {
    code: DATE_RULE_CODES.inFuture,
    severity: "error",
    column,
    params: { ...field, date, assessmentDate },
  };
}
