import type { ValueSource } from "../pack/schema";
import { labelParams } from "./labels";
import { resolveSource } from "./sources";
import type { CheckContext, ItemRuleModule, Params } from "./types";

export const COUNT_CODES = {
  belowRange: "count.belowRange",
  aboveRange: "count.aboveRange",
  belowMin: "count.belowMin",
  belowMinInYear: "count.belowMinInYear",
  /** Records of one kind (培训类别 法治专题讲座) short in the year: the kind is named. */
  belowMinOfKindInYear: "count.belowMinOfKindInYear",
} as const;

/** min ≤ count ≤ max (执法记录仪 5–10 台). */
export const countBetweenRule: ItemRuleModule<"countBetween"> = {
  scope: "item",
  codes: { [COUNT_CODES.belowRange]: "error", [COUNT_CODES.aboveRange]: "error" },
  evaluate(rule, ctx) {
    const source = resolveSource(rule.source, ctx);
    if (source.state !== "value") return { met: "unknown", hits: [] };
    const count = source.value;
    if (count >= rule.min && count <= rule.max) return { met: true, hits: [] };
    return {
      met: false,
      hits: [
        {
          code: count < rule.min ? COUNT_CODES.belowRange : COUNT_CODES.aboveRange,
          severity: "error",
          params: { ...labelParams("what", source.label), count, min: rule.min, max: rule.max },
        },
      ],
    };
  },
};

/** count ≥ min (法制工作人员 ≥ 2; 培训 ≥ 1 a year). */
export const countAtLeastRule: ItemRuleModule<"countAtLeast"> = {
  scope: "item",
  codes: {
    [COUNT_CODES.belowMin]: "error",
    [COUNT_CODES.belowMinInYear]: "error",
    [COUNT_CODES.belowMinOfKindInYear]: "error",
  },
  evaluate(rule, ctx) {
    const source = resolveSource(rule.source, ctx);
    if (source.state !== "value") return { met: "unknown", hits: [] };
    if (source.value >= rule.min) return { met: true, hits: [] };
    const params: Params = { ...labelParams("what", source.label), count: source.value, min: rule.min };
    const year = yearlyOf(rule.source, ctx);
    const kind = "ledger" in rule.source && rule.source.where ? rule.source.where.equals.join("/") : null;
    return {
      met: false,
      hits: [
        year === null
          ? { code: COUNT_CODES.belowMin, severity: "error", params }
          : kind === null
            ? { code: COUNT_CODES.belowMinInYear, severity: "error", params: { ...params, year } }
            : {
                code: COUNT_CODES.belowMinOfKindInYear,
                severity: "error",
                params: { ...params, year, kind },
              },
      ],
    };
  },
};

function yearlyOf(source: ValueSource, ctx: CheckContext): number | null {
  return "ledger" in source && source.inAssessmentYear ? ctx.assessmentYear : null;
}
