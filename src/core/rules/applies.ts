import { isItemLevelRule } from "../pack/rule-kinds";
import type { Item, Rule } from "../pack/schema";
import { normalizeText } from "../values/normalize";
import { labelParams } from "./labels";
import type { CheckContext, ItemHit } from "./types";

export const APPLIES_CODES = { notApplicable: "appliesTo.notApplicable" } as const;

export const APPLIES_SEVERITY = { [APPLIES_CODES.notApplicable]: "info" } as const;

export interface Applicability {
  /** The rules that bind this unit. */
  rules: Rule[];
  /** Rules the text puts on other kinds of body, each with the note saying so. */
  skipped: { rule: Rule; hit: ItemHit }[];
}

/**
 * Splits an item's rules by the bodies their clause names (003 七(二)4: the leaders' class falls on
 * 市级部门、县区政府、园区管委会, the lectures on 市、县两级人民政府, the trainings on 其他行政机关).
 * A rule binds when it names no bodies, or when the unit type is blank or unreadable (every
 * threshold then applies, as before the unit said what it is).
 */
export function splitByUnitType(rules: readonly Rule[], ctx: CheckContext): Applicability {
  const out: Applicability = { rules: [], skipped: [] };
  for (const rule of rules) {
    const applies = rule.appliesTo;
    const input = applies ? ctx.inputs.get(applies.input) : undefined;
    if (!applies || input?.state !== "value") {
      out.rules.push(rule);
      continue;
    }
    const unitType = String(input.value);
    if (applies.values.some((v) => normalizeText(v) === normalizeText(unitType))) {
      out.rules.push(rule);
      continue;
    }
    out.skipped.push({
      rule,
      hit: {
        code: APPLIES_CODES.notApplicable,
        severity: "info",
        input: applies.input,
        params: { unitType, ...labelParams("requirement", applies.requirement) },
      },
    });
  }
  return out;
}

/**
 * An item whose every item-level rule names other bodies (003 二(二)4's yearly inspection is the
 * 县(市)区人民政府's) does not bind this unit at all: it leaves 应得, with the unit type as reason.
 */
export function unitTypeExemption(item: Item, split: Applicability): { unitType: string } | null {
  if (split.skipped.length === 0 || item.kind !== "indicator") return null;
  if (split.rules.some((rule) => isItemLevelRule(rule.type))) return null;
  const unitType = split.skipped[0]?.hit.params.unitType;
  return typeof unitType === "string" ? { unitType } : null;
}
