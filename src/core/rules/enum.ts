import { parseEnum } from "../values/cell";
import { labelParams } from "./labels";
import type { RowRuleModule } from "./types";

export const ENUM_RULE_CODES = { notAllowed: "enum.notAllowed" } as const;

/** A filled cell must be one of the listed values. */
export const enumRule: RowRuleModule<"enum"> = {
  scope: "row",
  codes: { [ENUM_RULE_CODES.notAllowed]: "error" },
  evaluate(rule, row) {
    if (row.isBlank(rule.column)) return [];
    if (parseEnum(row.raw(rule.column), rule.values).ok) return [];
    return [
      {
        code: ENUM_RULE_CODES.notAllowed,
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
