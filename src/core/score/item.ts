import type { ScoreReason } from "../assessment";
import { STATUS } from "../layout/columns";
import type { ItemCheck } from "../rules/check";
import type { ReasonCode } from "./reasons";

export interface ItemScore {
  applicable: boolean;
  /** 0..1 */
  score: number;
  reason: ScoreReason;
}

const reason = (code: ReasonCode, params: ScoreReason["params"] = {}): ScoreReason => ({ code, params });
const scored = (score: number, code: ReasonCode, params: ScoreReason["params"] = {}): ItemScore => ({
  applicable: true,
  score,
  reason: reason(code, params),
});

const hasError = (check: ItemCheck): boolean => check.findings.some((f) => f.severity === "error");

/** An item's score and why (design.md §5). Only valid claims count: an error on the claim scores 0. */
export function scoreItem(check: ItemCheck): ItemScore {
  switch (check.item.kind) {
    case "status":
      return scoreStatus(check);
    case "indicator":
      return check.hasItemRules ? scoreIndicator(check) : scoreStatus(check);
    case "ledger":
      return scoreLedger(check);
    case "veto":
      return scoreVeto(check);
  }
}

function scoreStatus(check: ItemCheck): ItemScore {
  const { status } = check;
  if (status === null) return scored(0, "status.empty");
  if (status === "invalid") return scored(0, "status.invalid", { errors: errorCount(check) });
  if (hasError(check)) return scored(0, "status.invalid", { status, errors: errorCount(check) });
  switch (status) {
    case STATUS.done:
      return scored(1, "status.done");
    case STATUS.partial:
      return scored(0.5, "status.partial");
    case STATUS.notStarted:
      return scored(0, "status.notStarted");
    case STATUS.notApplicable:
      return { applicable: false, score: 0, reason: reason("status.notApplicable") };
  }
}

function scoreIndicator(check: ItemCheck): ItemScore {
  if (check.itemRulesMet === "unknown") return scored(0, "indicator.missing");
  if (check.itemRulesMet && !hasError(check)) return scored(1, "indicator.met");
  return scored(0, "indicator.notMet", { errors: errorCount(check) });
}

function scoreLedger(check: ItemCheck): ItemScore {
  const ledger = check.ledger ?? { total: 0, passed: 0, required: false };
  if (ledger.total === 0) {
    return ledger.required
      ? scored(0, "ledger.emptyRequired")
      : { applicable: false, score: 0, reason: reason("ledger.emptyOptional") };
  }
  const params = { passed: ledger.passed, total: ledger.total };
  if (check.itemRulesMet !== true) return scored(0, "ledger.ruleFailed", params);
  return scored(ledger.passed / ledger.total, "ledger.share", params);
}

function scoreVeto(check: ItemCheck): ItemScore {
  const notScored = (code: ReasonCode, params: ScoreReason["params"] = {}): ItemScore => ({
    applicable: false,
    score: 0,
    reason: reason(code, params),
  });
  const veto = check.veto;
  if (!veto || veto.state === "unanswered") return notScored("veto.unanswered");
  if (veto.state === "clear") return notScored("veto.clear");
  if (veto.state === "outsideWindow") return notScored("veto.outsideWindow", { date: veto.date });
  return veto.date === "" ? notScored("veto.undated") : notScored("veto.inWindow", { date: veto.date });
}

const errorCount = (check: ItemCheck): number => check.findings.filter((f) => f.severity === "error").length;
