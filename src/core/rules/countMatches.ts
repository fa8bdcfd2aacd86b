import { labelParams } from "./labels";
import { resolveSource } from "./sources";
import type { ItemRuleModule } from "./types";

export const COUNT_MATCHES_CODES = { mismatch: "countMatches.mismatch" } as const;

/**
 * A figure typed on 基本信息 against what the ledger counts (持证人数 vs 执法人员台账): when the
 * ledger has records and they disagree, the ledger is what is scored and the typed figure is
 * flagged. A warning: it never decides the score by itself.
 */
export const countMatchesRule: ItemRuleModule<"countMatches"> = {
  scope: "item",
  codes: { [COUNT_MATCHES_CODES.mismatch]: "warning" },
  evaluate(rule, ctx) {
    const typed = ctx.inputs.get(rule.input);
    if ("ledger" in rule.source && (ctx.ledgers.get(rule.source.ledger)?.records.length ?? 0) === 0) {
      return { met: true, hits: [] };
    }
    const counted = resolveSource({ ...rule.source, orInput: undefined }, ctx);
    if (typed?.state !== "value" || typeof typed.value !== "number" || counted.state !== "value") {
      return { met: true, hits: [] };
    }
    if (typed.value === counted.value) return { met: true, hits: [] };
    const label = ctx.pack.inputs.find((i) => i.id === rule.input)?.label ?? {
      zh: rule.input,
      en: rule.input,
    };
    return {
      met: true,
      hits: [
        {
          code: COUNT_MATCHES_CODES.mismatch,
          severity: "warning",
          input: rule.input,
          params: {
            ...labelParams("field", label),
            ...labelParams("ledger", counted.label),
            typed: typed.value,
            counted: counted.value,
          },
        },
      ],
    };
  },
};
