import { addDaysIso, daysBetween } from "../values/isoDate";
import { labelParams } from "./labels";
import type { RowView } from "./rowView";
import type { Params, RowRuleModule } from "./types";

export const WITHIN_DAYS_CODES = {
  exceeded: "withinDays.exceeded",
  beforeStart: "withinDays.beforeStart",
  /** Not done and the time limit has passed. */
  overdue: "withinDays.overdue",
  /** Not done yet, still within the time limit. */
  pending: "withinDays.pending",
} as const;

/** `to` within `days` calendar days of `from` (备案 within 30 days of 公布). */
export const withinDaysRule: RowRuleModule<"withinDays"> = {
  scope: "row",
  codes: {
    [WITHIN_DAYS_CODES.exceeded]: "error",
    [WITHIN_DAYS_CODES.beforeStart]: "error",
    [WITHIN_DAYS_CODES.overdue]: "error",
    [WITHIN_DAYS_CODES.pending]: "warning",
  },
  evaluate(rule, row, ctx) {
    const fromDate = row.date(rule.from);
    if (fromDate === null) return [];
    if (row.isBlank(rule.to)) {
      if (!ctx.assessmentDate) return [];
      const deadline = addDaysIso(fromDate, rule.days);
      const overdue = ctx.assessmentDate > deadline;
      return [
        {
          code: overdue ? WITHIN_DAYS_CODES.overdue : WITHIN_DAYS_CODES.pending,
          severity: overdue ? "error" : "warning",
          column: rule.to,
          params: { ...labels(row, rule.from, rule.to), fromDate, days: rule.days, deadline },
        },
      ];
    }
    const toDate = row.date(rule.to);
    if (toDate === null) return [];
    const actual = daysBetween(fromDate, toDate);
    if (actual < 0) {
      return [
        {
          code: WITHIN_DAYS_CODES.beforeStart,
          severity: "error",
          column: rule.to,
          params: { ...labels(row, rule.from, rule.to), fromDate, toDate },
        },
      ];
    }
    if (actual > rule.days) {
      return [
        {
          code: WITHIN_DAYS_CODES.exceeded,
          severity: "error",
          column: rule.to,
          params: { ...labels(row, rule.from, rule.to), fromDate, toDate, days: rule.days, actual },
        },
      ];
    }
    return [];
  },
};

function labels(row: RowView, from: string, to: string): Params {
  return { ...labelParams("from", row.header(from)), ...labelParams("to", row.header(to)) };
}
