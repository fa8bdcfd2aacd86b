import { labelParams } from "./labels";
import type { RowRuleModule } from "./types";

export const REQUIRED_CODES = { missing: "required.missing" } as const;

/** The cell must be filled. */
export const requiredRule: RowRuleModule<"required"> = {
  scope: "row",
  codes: { [REQUIRED_CODES.missing]: "error" },
  evaluate(rule, row) {
    if (!row.isBlank(rule.column)) return [];
    return [
      {
        code: REQUIRED_CODES.missing,
        severity: "error",
        column: rule.column,
        params: labelParams("field", row.header(rule.column)),
      },
    ];
  },
};
