import { isoFromParts, type IsoDate } from "../values/isoDate";
import type { ItemHit, ItemRuleModule } from "./types";

export const QUARTER_DEADLINE_CODES = {
  late: "quarterDeadline.late",
  missed: "quarterDeadline.missed",
  pending: "quarterDeadline.pending",
  notThisYear: "quarterDeadline.notThisYear",
  notThisYearPending: "quarterDeadline.notThisYearPending",
} as const;

/** Last day of a quarter of a year: Q1 → 03-31. */
export function quarterEnd(year: number, quarter: number): IsoDate {
  const month = quarter * 3;
  return isoFromParts(year, month, month === 3 || month === 12 ? 31 : 30) ?? `${year}-12-31`;
}

/**
 * The report on the year before the 评估年度, dated within `quarter` of the 评估年度 (年度报告 by
 * 3-31), and never after the assessment date.
 */
export const quarterDeadlineRule: ItemRuleModule<"quarterDeadline"> = {
  scope: "item",
  codes: {
    [QUARTER_DEADLINE_CODES.late]: "error",
    [QUARTER_DEADLINE_CODES.missed]: "error",
    [QUARTER_DEADLINE_CODES.pending]: "warning",
    [QUARTER_DEADLINE_CODES.notThisYear]: "error",
    [QUARTER_DEADLINE_CODES.notThisYearPending]: "warning",
  },
  evaluate(rule, ctx) {
    if (!ctx.assessmentDate || ctx.assessmentYear === null) return { met: "unknown", hits: [] };
    const year = ctx.assessmentYear;
    const deadline = quarterEnd(year, rule.quarter);
    const passed = ctx.assessmentDate > deadline;
    const base = { year, previousYear: year - 1, deadline };
    const hit = (code: string, severity: ItemHit["severity"], extra = {}): ItemHit => ({
      code,
      severity,
      input: rule.input,
      params: { ...base, ...extra },
    });
    const input = ctx.inputs.get(rule.input);
    if (input?.state === "unreadable") return { met: "unknown", hits: [] };
    if (input?.state !== "value" || typeof input.value !== "string") {
      return {
        met: false,
        hits: [
          passed
            ? hit(QUARTER_DEADLINE_CODES.missed, "error")
            : hit(QUARTER_DEADLINE_CODES.pending, "warning"),
        ],
      };
    }
    const date = input.value;
    // A date after the assessment date is already an error on the input itself: not credited.
    if (date > ctx.assessmentDate) return { met: false, hits: [] };
    if (date < `${year}-01-01`) {
      return {
        met: false,
        hits: [
          passed
            ? hit(QUARTER_DEADLINE_CODES.notThisYear, "error", { date })
            : hit(QUARTER_DEADLINE_CODES.notThisYearPending, "warning", { date }),
        ],
      };
    }
    if (date > deadline) return { met: false, hits: [hit(QUARTER_DEADLINE_CODES.late, "error", { date })] };
    return { met: true, hits: [] };
  },
};
