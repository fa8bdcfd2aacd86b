import type { PackParts } from "./parts";
import { problem, type PackProblem } from "./problems";
import { isItemLevelRule, RULE_KINDS } from "./rule-kinds";

/** Each item's kind fits its ledger link and its rules (templates/README.md, "Items"). */
export function checkItems(parts: PackParts): PackProblem[] {
  const out: PackProblem[] = [];
  const ledgerIds = new Set(parts.ledgers.parts.map((l) => l.value.id));
  for (const group of parts.groups) {
    for (const { index, value: item } of group.items) {
      const at = ["groups", group.index, "items", index];
      if (item.scoring && item.kind !== "ledger") {
        out.push(problem("item.scoring_unexpected", [...at, "scoring"], { item: item.id, kind: item.kind }));
      }
      if (item.kind === "ledger") {
        if (item.ledger === undefined) out.push(problem("item.ledger_missing", at, { item: item.id }));
        else if (parts.ledgers.complete && !ledgerIds.has(item.ledger)) {
          out.push(problem("item.ledger_unknown", [...at, "ledger"], { item: item.id, ledger: item.ledger }));
        }
      } else if (item.ledger !== undefined) {
        out.push(problem("item.ledger_unexpected", [...at, "ledger"], { item: item.id, kind: item.kind }));
      }
      if (item.kind === "indicator" && !item.rules.some((rule) => isItemLevelRule(rule.type))) {
        out.push(problem("item.indicator_without_rule", [...at, "rules"], { item: item.id }));
      }
      item.rules.forEach((rule, r) => {
        const path = [...at, "rules", r];
        if (!RULE_KINDS[rule.type].includes(item.kind)) {
          out.push(
            problem("rule.misplaced", [...path, "type"], { item: item.id, rule: rule.type, kind: item.kind }),
          );
        }
        if (rule.type === "countBetween" && rule.min > rule.max) {
          out.push(problem("rule.count_range", path, { item: item.id, min: rule.min, max: rule.max }));
        }
      });
    }
  }
  return out;
}
