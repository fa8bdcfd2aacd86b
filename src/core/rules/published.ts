import { labelParams } from "./labels";
import type { CheckContext, ItemHit, ItemRuleModule } from "./types";

export const PUBLISHED_CODES = {
  missing: "published.missing",
  channelMissing: "published.channelMissing",
  beforeReport: "published.beforeReport",
} as const;

/**
 * A report made public as the text asks ("要通过报刊、区政府网站等媒介向社会公开"): its 公开日期 and
 * 公开渠道 recorded on 基本信息, and not before the report itself.
 */
export const publishedRule: ItemRuleModule<"published"> = {
  scope: "item",
  codes: {
    [PUBLISHED_CODES.missing]: "error",
    [PUBLISHED_CODES.channelMissing]: "error",
    [PUBLISHED_CODES.beforeReport]: "error",
  },
  evaluate(rule, ctx) {
    const date = ctx.inputs.get(rule.date);
    const channel = ctx.inputs.get(rule.channel);
    if (date?.state === "unreadable") return { met: "unknown", hits: [] };
    const requirement = labelParams("requirement", rule.requirement);
    const hits: ItemHit[] = [];
    const miss = (code: string, input: string): ItemHit => ({
      code,
      severity: "error",
      input,
      params: { ...labelParams("field", labelOf(ctx, input)), ...requirement },
    });
    if (date?.state !== "value") hits.push(miss(PUBLISHED_CODES.missing, rule.date));
    if (channel?.state !== "value") hits.push(miss(PUBLISHED_CODES.channelMissing, rule.channel));
    const report = rule.after ? ctx.inputs.get(rule.after) : undefined;
    if (
      date?.state === "value" &&
      report?.state === "value" &&
      typeof date.value === "string" &&
      typeof report.value === "string" &&
      date.value < report.value
    ) {
      hits.push({
        code: PUBLISHED_CODES.beforeReport,
        severity: "error",
        input: rule.date,
        params: { published: date.value, reported: report.value, ...requirement },
      });
    }
    return { met: hits.length === 0, hits };
  },
};

function labelOf(ctx: CheckContext, inputId: string) {
  return ctx.pack.inputs.find((i) => i.id === inputId)?.label ?? { zh: inputId, en: inputId };
}
