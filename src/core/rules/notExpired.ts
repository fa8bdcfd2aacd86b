import { labelParams } from "./labels";
import type { RowRuleModule } from "./types";

export const NOT_EXPIRED_CODES = { expired: "notExpired.expired" } as const;

/**
 * An expiry date (执法证件有效期至) that has passed on the assessment date: the certificate no
 * longer qualifies its holder. Unchecked without an assessment date or a readable expiry (the
 * cell's type check reports that).
 */
export const notExpiredRule: RowRuleModule<"notExpired"> = {
  scope: "row",
  codes: { [NOT_EXPIRED_CODES.expired]: "error" },
  evaluate(rule, row, ctx) {
    const expiry = row.date(rule.column);
    if (expiry === null || ctx.assessmentDate === null || expiry >= ctx.assessmentDate) return [];
    return [
      {
        code: NOT_EXPIRED_CODES.expired,
        severity: "error",
        column: rule.column,
        params: {
          ...labelParams("field", row.header(rule.column)),
          ...labelParams("requirement", rule.requirement),
          date: expiry,
          assessmentDate: ctx.assessmentDate,
        },
      },
    ];
  },
};
