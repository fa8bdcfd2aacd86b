import { parseEnum } from "../values/cell";
import { parseYesNo } from "../values/yesNo";
import type { RowView } from "./rowView";
import { labelParams } from "./labels";
import type { RowRuleModule } from "./types";

export const ENUM_RULE_CODES = { notAllowed: "enum.notAllowed" } as const;

/** A filled cell must be one of the listed values. */
export const enumRule: RowRuleModule<"enum"> = {
  scope: "row",
  codes: { [ENUM_RULE_CODES.notAllowed]: "error" },
  evaluate(rule, row) {
    if (row.isBlank(rule.column)) return [];
    if (allowed(row, rule.column, rule.values)) return [];
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

/** A yes/no column matches by answer (√ is 是); others by text. */
function allowed(row: RowView, column: string, values: readonly string[]): boolean {
  if (parseEnum(row.raw(column), values).ok) return true;
  if (row.columns.get(column)?.type !== "yesNo") return false;
  const answer = row.yesNo(column);
  return (
    answer !== null &&
    values.some((v) => {
      const wanted = parseYesNo(v);
      return wanted.ok && wanted.value === answer;
    })
  );
}
