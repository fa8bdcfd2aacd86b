import type { ItemState, ScoreReason } from "../assessment";
import { STATUS } from "../layout/columns";
import type { ItemCheck } from "../rules/check";
import type { ReasonCode } from "./reasons";
import { roundTo } from "./round";

export interface ItemScore {
  /** Counts in 应得: false for 不适用 (with a reason), a declared empty ledger, 待完成 and vetoes. */
  applicable: boolean;
  /** 实得 in points, to two decimals so that sums add up by hand. */
  earned: number;
  state: ItemState;
  reason: ScoreReason;
}

type Params = ScoreReason["params"];

const hasError = (check: ItemCheck): boolean => check.findings.some((f) => f.severity === "error");
const errorCount = (check: ItemCheck): number => check.findings.filter((f) => f.severity === "error").length;

/** The item's 实得 and why (design.md §5). Only valid claims count: an error on the claim earns 0. */
export function scoreItem(check: ItemCheck): ItemScore {
  const score = fraction(check);
  if (score.kind === "out") return outOfScore(score.code, score.params);
  if (score.share < 1 && check.pending) {
    return outOfScore("item.pending", { due: check.pending }, "pending");
  }
  const earned = roundTo(check.item.points * Math.max(0, Math.min(1, score.share)), 2);
  const state: ItemState = earned >= check.item.points ? "earned" : earned <= 0 ? "lost" : "partial";
  return { applicable: true, earned, state, reason: { code: score.code, params: score.params } };
}

type Fraction =
  | { kind: "share"; share: number; code: ReasonCode; params: Params }
  | { kind: "out"; code: ReasonCode; params: Params };

const share = (value: number, code: ReasonCode, params: Params = {}): Fraction => ({
  kind: "share",
  share: value,
  code,
  params,
});
const out = (code: ReasonCode, params: Params = {}): Fraction => ({ kind: "out", code, params });

function outOfScore(code: ReasonCode, params: Params, state: ItemState = "notApplicable"): ItemScore {
  return { applicable: false, earned: 0, state, reason: { code, params } };
}

function fraction(check: ItemCheck): Fraction {
  if (check.exempt) return out("item.unitTypeExempt", { unitType: check.exempt.unitType });
  switch (check.item.kind) {
    case "status":
      return statusFraction(check);
    case "indicator":
      return check.hasItemRules ? indicatorFraction(check) : statusFraction(check);
    case "ledger":
      return ledgerFraction(check);
    case "veto":
      return vetoFraction(check);
  }
}

/** 不适用 with its reason and no error on the row: the item leaves 应得. */
const declaredNotApplicable = (check: ItemCheck): boolean =>
  check.status === STATUS.notApplicable && check.hasNote && !hasError(check);

function statusFraction(check: ItemCheck): Fraction {
  const { status } = check;
  if (status === null) return share(0, "status.empty");
  if (status === "invalid") return share(0, "status.invalid", { errors: errorCount(check) });
  if (hasError(check)) return share(0, "status.invalid", { status, errors: errorCount(check) });
  switch (status) {
    case STATUS.done:
      return share(1, "status.done");
    case STATUS.partial:
      return share(0.5, "status.partial");
    case STATUS.notStarted:
      return share(0, "status.notStarted");
    case STATUS.notApplicable:
      return out("status.notApplicable");
  }
}

function indicatorFraction(check: ItemCheck): Fraction {
  if (declaredNotApplicable(check)) return out("status.notApplicable");
  if (check.itemRulesMet === "unknown") return share(0, "indicator.missing");
  if (check.itemRulesMet && !hasError(check)) return share(1, "indicator.met");
  return share(0, "indicator.notMet", { errors: errorCount(check) });
}

function ledgerFraction(check: ItemCheck): Fraction {
  const ledger = check.ledger ?? { total: 0, passed: 0, declared: false };
  if (ledger.total === 0) {
    if (ledger.declared) return out("ledger.declared");
    if (declaredNotApplicable(check)) return out("status.notApplicable");
    return share(0, "ledger.empty");
  }
  const params = { passed: ledger.passed, total: ledger.total };
  if (check.itemRulesMet !== true) return share(0, "ledger.ruleFailed", params);
  const scoring = check.item.scoring ?? { method: "share" };
  if (scoring.method === "share") return share(ledger.passed / ledger.total, "ledger.share", params);
  const failed = ledger.total - ledger.passed;
  const points = check.item.points;
  const deducted = Math.min(points, failed * scoring.perRecord);
  return share(points > 0 ? (points - deducted) / points : 0, "ledger.deduct", {
    ...params,
    failed,
    perRecord: scoring.perRecord,
    deducted,
  });
}

function vetoFraction(check: ItemCheck): Fraction {
  const veto = check.veto;
  if (!veto || veto.state === "unanswered") return out("veto.unanswered");
  if (veto.state === "clear") return out("veto.clear");
  if (veto.state === "outsideWindow") return out("veto.outsideWindow", { date: veto.date });
  return veto.date === "" ? out("veto.undated") : out("veto.inWindow", { date: veto.date });
}
