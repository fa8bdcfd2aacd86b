import { READ_CODE_SEVERITY } from "../read/codes";
import type { Severity } from "../findings";
import type { Rule, RuleType } from "../pack/schema";
import { APPLIES_SEVERITY } from "./applies";
import { countAtLeastRule, countBetweenRule } from "./counts";
import { dateRule } from "./date";
import { dateOrderRule } from "./dateOrder";
import { enumRule } from "./enum";
import { evidenceRequiredRule } from "./evidenceRequired";
import { IMPLICIT_CODES } from "./implicit";
import { quarterDeadlineRule } from "./quarterDeadline";
import { ratioAtLeastRule } from "./ratioAtLeast";
import { requiredRule } from "./required";
import { requiredReviewsRule } from "./requiredReviews";
import { withReviewExemptions } from "./reviewExemptions";
import type { ItemRuleModule, RowRuleModule, RuleModule } from "./types";
import { validityRule } from "./validity";
import { withValidityTerm } from "./validityTerm";
import { vetoWindowRule } from "./vetoWindow";
import { whenRule } from "./when";
import { notExpiredRule } from "./notExpired";
import { publishedRule } from "./published";
import { countMatchesRule } from "./countMatches";
import { withinDaysRule } from "./withinDays";

/** Every rule type of the pack schema, keyed by type: a new type in the schema fails to compile here. */
export const RULES: { readonly [T in RuleType]: RuleModule<T> } = {
  required: requiredRule,
  enum: enumRule,
  date: dateRule,
  dateOrder: dateOrderRule,
  withinDays: withinDaysRule,
  validity: withValidityTerm(validityRule),
  requiredReviews: withReviewExemptions(requiredReviewsRule),
  ratioAtLeast: ratioAtLeastRule,
  countBetween: countBetweenRule,
  countAtLeast: countAtLeastRule,
  quarterDeadline: quarterDeadlineRule,
  evidenceRequired: evidenceRequiredRule,
  vetoWindow: vetoWindowRule,
  when: whenRule,
  notExpired: notExpiredRule,
  published: publishedRule,
  countMatches: countMatchesRule,
};

// The registry is exhaustive by type, but TypeScript cannot correlate RULES[rule.type] with `rule`,
// so the lookups below widen the module once, here.
export function moduleFor(rule: Rule): RuleModule<RuleType> {
  return RULES[rule.type] as RuleModule<RuleType>;
}

export function rowModule(rule: Rule): RowRuleModule<RuleType> | null {
  const module = moduleFor(rule);
  return module.scope === "row" ? module : null;
}

export function itemModule(rule: Rule): ItemRuleModule<RuleType> | null {
  const module = moduleFor(rule);
  return module.scope === "item" ? module : null;
}

/** Every finding code the core can emit, with its severity, for catalogs and tests. */
export const FINDING_CODES: Readonly<Record<string, Severity>> = Object.assign(
  {},
  ...Object.values(RULES).map((module) => module.codes),
  IMPLICIT_CODES,
  APPLIES_SEVERITY,
  READ_CODE_SEVERITY,
);
