import { labelParams } from "./labels";
import { resolveSource } from "./sources";
import type { ItemRuleModule } from "./types";

export const RATIO_RULE_CODES = {
  below: "ratio.below",
  /** The deadline (`by`) has passed and the ratio is still short. */
  belowAfterDeadline: "ratio.belowAfterDeadline",
  /** Short of the ratio, but its deadline has not come yet. */
  belowBeforeDeadline: "ratio.belowBeforeDeadline",
  zeroDenominator: "ratio.zeroDenominator",
} as const;

// Shares like 1/3 must not fail a 1/3 threshold by a rounding hair.
const EPSILON = 1e-9;

const percent = (ratio: number): number => Math.round(ratio * 1000) / 10;

/** numerator / denominator ≥ min (持证 / 在编 ≥ 50 %), from `by` on. */
export const ratioAtLeastRule: ItemRuleModule<"ratioAtLeast"> = {
  scope: "item",
  codes: {
    [RATIO_RULE_CODES.below]: "error",
    [RATIO_RULE_CODES.belowAfterDeadline]: "error",
    [RATIO_RULE_CODES.belowBeforeDeadline]: "warning",
    [RATIO_RULE_CODES.zeroDenominator]: "error",
  },
  evaluate(rule, ctx) {
    const numerator = resolveSource(rule.numerator, ctx);
    const denominator = resolveSource(rule.denominator, ctx);
    if (numerator.state !== "value" || denominator.state !== "value") return { met: "unknown", hits: [] };
    const labels = {
      ...labelParams("numeratorLabel", numerator.label),
      ...labelParams("denominatorLabel", denominator.label),
    };
    if (denominator.value === 0) {
      return {
        met: false,
        hits: [{ code: RATIO_RULE_CODES.zeroDenominator, severity: "error", params: labels }],
      };
    }
    const ratio = numerator.value / denominator.value;
    if (ratio + EPSILON >= rule.min) return { met: true, hits: [] };
    const params = {
      ...labels,
      numerator: numerator.value,
      denominator: denominator.value,
      ratio: percent(ratio),
      min: percent(rule.min),
    };
    if (!rule.by || !ctx.assessmentDate) {
      return { met: false, hits: [{ code: RATIO_RULE_CODES.below, severity: "error", params }] };
    }
    const due = ctx.assessmentDate >= rule.by;
    return {
      met: false,
      hits: [
        {
          code: due ? RATIO_RULE_CODES.belowAfterDeadline : RATIO_RULE_CODES.belowBeforeDeadline,
          severity: due ? "error" : "warning",
          params: { ...params, by: rule.by },
        },
      ],
    };
  },
};
