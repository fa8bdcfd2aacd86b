import { labelParams } from "./labels";
import type { RowRuleModule, RuleHit } from "./types";

export const DATE_ORDER_CODES = {
  /** An earlier step is dated after a later one. */
  violated: "dateOrder.violated",
  /** Strict order: the two steps fall on the same day. */
  sameDay: "dateOrder.sameDay",
} as const;

/** Each present date on or before the next present one (审查 ≤ 讨论 ≤ 决定 ≤ 公布). */
export const dateOrderRule: RowRuleModule<"dateOrder"> = {
  scope: "row",
  codes: { [DATE_ORDER_CODES.violated]: "error", [DATE_ORDER_CODES.sameDay]: "error" },
  evaluate(rule, row) {
    const hits: RuleHit[] = [];
    let previous: { column: string; date: string } | null = null;
    for (const column of rule.columns) {
      const date = row.date(column);
      if (date === null) continue;
      if (previous) {
        const code =
          previous.date > date
            ? DATE_ORDER_CODES.violated
            : rule.strict && previous.date === date
              ? DATE_ORDER_CODES.sameDay
              : null;
        if (code) {
          hits.push({
            code,
            severity: "error",
            column: previous.column,
            params: {
              ...labelParams("earlier", row.header(previous.column)),
              ...labelParams("later", row.header(column)),
              earlierDate: previous.date,
              laterDate: date,
            },
          });
        }
      }
      previous = { column, date };
    }
    return hits;
  },
};
