import { labelParams } from "./labels";
import { REQUIRED_REVIEWS_CODES } from "./requiredReviews";
import type { RowRuleModule, RuleHit } from "./types";

export const REVIEW_EXEMPTION_CODES = { notApplicable: "requiredReviews.notApplicable" } as const;

/**
 * Procedures the texts tie to the matter (003 三(三)5: 专家论证 "对专业性、技术性较强的决策事项";
 * 三(三)7: 风险评估 for decisions "涉及经济社会发展和人民群众切身利益"; 公众参与 for matters of public
 * concern) may be 不适用 to a decision: not done, with the reason in the review's
 * `notApplicableReason` column, it is noted for the reviewer instead of failing. No reason: the
 * procedure is missing, as before.
 */
export function withReviewExemptions(
  base: RowRuleModule<"requiredReviews">,
): RowRuleModule<"requiredReviews"> {
  return {
    scope: "row",
    codes: { ...base.codes, [REVIEW_EXEMPTION_CODES.notApplicable]: "info" },
    evaluate(rule, row, ctx) {
      const hits = base.evaluate(rule, row, ctx);
      const exempt = new Map<string, RuleHit>();
      for (const review of rule.reviews) {
        const reasonColumn = review.notApplicableReason;
        if (!reasonColumn || row.isBlank(reasonColumn) || row.yesNo(review.done) === true) continue;
        exempt.set(review.done, {
          code: REVIEW_EXEMPTION_CODES.notApplicable,
          severity: "info",
          column: reasonColumn,
          params: { ...labelParams("review", review.label), reason: row.display(reasonColumn) },
        });
      }
      if (exempt.size === 0) return hits;
      const kept = hits.filter(
        (h) => !(h.code === REQUIRED_REVIEWS_CODES.notDone && h.column !== undefined && exempt.has(h.column)),
      );
      return [...kept, ...exempt.values()];
    },
  };
}
