import type { ItemKind, RuleType } from "./schema";

/** Rules that run once per item, on inputs or ledger counts (templates/README.md). */
export const ITEM_LEVEL_RULES: ReadonlySet<RuleType> = new Set([
  "ratioAtLeast",
  "countBetween",
  "countAtLeast",
  "quarterDeadline",
  "published",
  "countMatches",
]);

/** Which item kinds each rule may sit on. Row rules run on the row or records of the item. */
export const RULE_KINDS: Readonly<Record<RuleType, readonly ItemKind[]>> = {
  required: ["status", "ledger", "veto"],
  enum: ["status", "ledger", "veto"],
  date: ["status", "ledger", "veto"],
  dateOrder: ["status", "ledger", "veto"],
  withinDays: ["status", "ledger", "veto"],
  validity: ["status", "ledger", "veto"],
  requiredReviews: ["status", "ledger", "veto"],
  // The checklist's 完成 / 佐证材料 pair; ledgers and veto rows have neither.
  evidenceRequired: ["status"],
  vetoWindow: ["veto"],
  // Clauses binding cells of one record, and expiry dates: ledger records (and checklist rows).
  when: ["status", "ledger", "veto"],
  notExpired: ["status", "ledger", "veto"],
  // An indicator is scored by these alone; a ledger item's score is zeroed when one fails.
  // On a status item too: a 完成 claim whose coverage falls short is an error on the row (000 三(三)).
  ratioAtLeast: ["status", "indicator", "ledger"],
  countBetween: ["indicator", "ledger"],
  countAtLeast: ["indicator", "ledger"],
  quarterDeadline: ["indicator", "ledger"],
  published: ["indicator", "ledger"],
  countMatches: ["indicator", "ledger"],
};

export function isItemLevelRule(type: RuleType): boolean {
  return ITEM_LEVEL_RULES.has(type);
}
