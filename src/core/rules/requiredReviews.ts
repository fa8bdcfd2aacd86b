import type { LocalizedText } from "../pack/schema";
import { labelParams } from "./labels";
import type { RowRuleModule, RuleHit } from "./types";

export const REQUIRED_REVIEWS_CODES = {
  notDone: "requiredReviews.notDone",
  undated: "requiredReviews.undated",
  late: "requiredReviews.late",
} as const;

/**
 * Every legal procedure of a major decision (公众参与, 专家论证, 风险评估, 合法性审查, 集体讨论决定)
 * done, dated, and dated on or before the decision.
 */
export const requiredReviewsRule: RowRuleModule<"requiredReviews"> = {
  scope: "row",
  codes: {
    [REQUIRED_REVIEWS_CODES.notDone]: "error",
    [REQUIRED_REVIEWS_CODES.undated]: "error",
    [REQUIRED_REVIEWS_CODES.late]: "error",
  },
  evaluate(rule, row) {
    const hits: RuleHit[] = [];
    const before = row.date(rule.before);
    for (const review of rule.reviews) {
      const label = labelParams("review", review.label);
      const done = row.yesNo(review.done);
      // A filled but unreadable answer is reported by the cell's type check, not again here.
      if (done === null && !row.isBlank(review.done)) continue;
      if (done !== true) {
        hits.push({
          code: REQUIRED_REVIEWS_CODES.notDone,
          severity: "error",
          column: review.done,
          params: label,
        });
        continue;
      }
      if (row.isBlank(review.date)) {
        hits.push({
          code: REQUIRED_REVIEWS_CODES.undated,
          severity: "error",
          column: review.date,
          params: label,
        });
        continue;
      }
      const date = row.date(review.date);
      if (date !== null && before !== null && date > before) {
        hits.push({
          code: REQUIRED_REVIEWS_CODES.late,
          severity: "error",
          column: review.date,
          params: {
            ...label,
            ...labelParams("decision", row.header(rule.before)),
            ...stepParams(row.header(rule.before)),
            reviewDate: date,
            decisionDate: before,
          },
        });
      }
    }
    return hits;
  },
};

/** The step a review must precede, named from its date column: 签订日期 → 签订, Signing date → signing. */
function stepParams(header: LocalizedText): Record<string, string> {
  return {
    step: header.zh.replace(/日期$/, ""),
    step_en: header.en.replace(/\s*date$/i, "").toLowerCase(),
  };
}
