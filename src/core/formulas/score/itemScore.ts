import { STATUS } from "../../layout/columns";
import { isItemLevelRule } from "../../pack/rule-kinds";
import type { Item, Pack, Rule } from "../../pack/schema";
import { roundTo } from "../../score/round";
import { notBlank } from "./blank";
import type { ChecklistRowRefs } from "./rowContext";
import { pendingFormula, type DateCells } from "./due";
import { indicatorRules, itemRulesMet, ruleSkipped, type RuleInputs } from "./itemRules";
import type { LedgerRuleCompiler, LedgerRulesAt } from "./yearCounts";
import { numberLiteral, roundFormula } from "./refs";

/** Why an item's score is not a formula (then nothing that sums it is one either). */
export type NotCompiledReason =
  /** Indicator items whose rules count ledger records or read dates (only 基本信息 figures compile). */
  | "indicator"
  /** Item-level rules (ratios, counts, quarter deadlines) are not compiled. */
  | "itemRules"
  /** A due date makes the item 待完成 by the 评估年度, which the formulas do not derive. */
  | "due"
  /** Rules bound to a 单位类型 (appliesTo). */
  | "unitType"
  /** Another item checks the same ledger with its own row rules: a record's ✗ may be theirs. */
  | "sharedLedger";

export type ItemPlan =
  /** `met`: the item-level rules over 基本信息 figures hold (formula); absent when there are none. */
  | { kind: "status"; item: Item; met?: string }
  /** `exempt`: the unit type frees it (out of 应得); `pending`: 待完成. Both formulas, "FALSE" when never. */
  | { kind: "indicator"; item: Item; met: string; exempt: string; pending: string; error?: string }
  | {
      kind: "ledger";
      item: Item;
      ledgerId: string;
      declarable: boolean;
      shared: boolean;
      /** Item-level rules over the ledger's records: TRUE when met, and TRUE when one is an error. */
      rules?: LedgerRulesAt;
      /** 待完成 (its due date after the assessment date), "FALSE" when never. */
      pending: string;
    }
  | { kind: "veto"; item: Item }
  | { kind: "none"; item: Item; reason: NotCompiledReason };

const hasRowRules = (item: Item): boolean => item.rules.some((r) => !isItemLevelRule(r.type));

/** Item-level rules of a ledger item as formulas (counts of records in the 评估年度). */
export interface LedgerRules {
  met: string;
  error: string;
}

export interface PlanContext {
  pack: Pack;
  /** The item-level rules as formulas, or null when one of them cannot be one. */
  ledgerRules?: LedgerRuleCompiler;
  /** The item has its own record mark column in its ledger. */
  ownMarks: boolean;
  inputs?: RuleInputs;
  dates?: DateCells;
}

/**
 * Decides, from the pack alone, whether and how an item's 应得 / 实得 become formulas. A ledger
 * another item checks too compiles only when the item has its own record mark column.
 */
export function planItem(item: Item, ctx: PlanContext): ItemPlan {
  const none = (reason: NotCompiledReason): ItemPlan => ({ kind: "none", item, reason });
  if (item.kind === "veto") return item.rules.length > 0 ? none("itemRules") : { kind: "veto", item };
  const itemRules = item.rules.filter((r) => isItemLevelRule(r.type));
  if (item.kind === "indicator" && itemRules.length > 0) return planIndicator(item, itemRules, ctx);
  if (item.due !== undefined && (item.kind !== "ledger" || !ctx.dates)) return none("due");
  if (
    item.rules.some((r) => r.appliesTo !== undefined && !(item.kind === "ledger" && isItemLevelRule(r.type)))
  )
    return none("unitType");
  // An indicator without item-level rules is scored as a status item (score/item.ts fraction).
  if (item.kind === "indicator") return { kind: "status", item };
  if (item.kind === "status") {
    if (itemRules.length === 0) return { kind: "status", item };
    const met = ctx.inputs ? itemRulesMet(itemRules, ctx.inputs) : null;
    return met === null ? none("itemRules") : { kind: "status", item, met };
  }
  const pending = ctx.dates ? pendingFormula(item, ctx.dates) : "FALSE";
  const env = {
    pending,
    ownRecords: true,
    ...(ctx.inputs ? { inputs: ctx.inputs } : {}),
    ...(item.due ? { due: item.due } : {}),
  };
  const rules = itemRules.length > 0 ? (ctx.ledgerRules?.(itemRules, env) ?? null) : undefined;
  if (rules === null) return none("itemRules");
  const ledgerId = item.ledger;
  const ledger = ctx.pack.ledgers.find((l) => l.id === ledgerId);
  if (!ledgerId || !ledger) return none("itemRules");
  const shared = ctx.pack.groups.some((g) =>
    g.items.some((other) => other !== item && other.ledger === ledgerId && hasRowRules(other)),
  );
  if (shared && !ctx.ownMarks) return none("sharedLedger");
  return {
    kind: "ledger",
    item,
    ledgerId,
    declarable: ledger.declarable !== false,
    shared,
    pending,
    ...(rules ? { rules } : {}),
  };
}

/** An indicator: its rules over 基本信息 figures, its 单位类型 exemption and its due date. */
function planIndicator(item: Item, itemRules: readonly Rule[], ctx: PlanContext): ItemPlan {
  const none = (reason: NotCompiledReason): ItemPlan => ({ kind: "none", item, reason });
  if (item.rules.some((r) => r.appliesTo !== undefined && !isItemLevelRule(r.type))) return none("unitType");
  if (item.due !== undefined && !ctx.dates) return none("due");
  const pending = ctx.dates ? pendingFormula(item, ctx.dates) : "FALSE";
  const env = { pending, ownRecords: false, ...(ctx.inputs ? { inputs: ctx.inputs } : {}) };
  // Counts of ledger records need no record count of the item's own: any cell stands for it.
  const counts = ctx.ledgerRules?.(itemRules, env)?.("0") ?? null;
  // Deadlines and publication read 基本信息 dates, and their errors are not simply "not met".
  const dated = itemRules.some((r) => r.type === "quarterDeadline" || r.type === "published");
  const outcome =
    !counts && dated && ctx.inputs ? indicatorRules(itemRules, ctx.inputs, ctx.dates, pending) : null;
  const met = counts
    ? counts.met
    : outcome
      ? outcome.met
      : ctx.inputs && !dated
        ? itemRulesMet(itemRules, ctx.inputs)
        : null;
  if (met === null || !ctx.inputs) return none("indicator");
  const inputs = ctx.inputs;
  // Exempt when every item-level rule binds other bodies (applies.ts unitTypeExemption).
  const skipped = itemRules.map((r) => (r.appliesTo ? ruleSkipped(r, inputs) : "FALSE"));
  const exempt = skipped.some((s) => s === "FALSE" || s === null)
    ? "FALSE"
    : skipped.length === 1
      ? (skipped[0] as string)
      : `AND(${skipped.join(",")})`;
  const error = counts?.error ?? outcome?.error;
  return { kind: "indicator", item, met, exempt, pending, ...(error !== undefined ? { error } : {}) };
}

/** 应得 and 实得 of one item as formula bodies (without "="). */
export interface ItemScoreExprs {
  applicable: string;
  earned: string;
}

/**
 * A status item (src/core/score/item.ts statusFraction): 完成 = all, 部分完成 = half, otherwise 0;
 * an error on the row earns 0; 不适用 without an error leaves 应得 (its missing reason is an error).
 */
export function statusScore(item: Item, row: ChecklistRowRefs, met?: string): ItemScoreExprs {
  const points = numberLiteral(item.points);
  const half = numberLiteral(roundTo(item.points * 0.5, 2));
  // A rule over 基本信息 figures that is not met is an error charged to the item: the claim fails.
  const error = met ? `OR(${row.hasError},NOT(${met}))` : row.hasError;
  return {
    applicable: `IF(AND(NOT(${error}),${row.statusIs(STATUS.notApplicable)}),0,${points})`,
    earned: `IF(${error},0,IF(${row.statusIs(STATUS.done)},${points},IF(${row.statusIs(STATUS.partial)},${half},0)))`,
  };
}

/**
 * An indicator item (indicatorFraction): all its points when its rules are met and nothing on it is
 * an error; 不适用 with a reason leaves 应得 only when nothing is an error (so its rules hold). When
 * it is 待完成, anything short of all its points leaves 应得 instead; an exempt one never counts.
 */
export function indicatorScore(
  item: Item,
  row: ChecklistRowRefs,
  plan: { met: string; exempt: string; pending: string; error?: string },
): ItemScoreExprs {
  const points = numberLiteral(item.points);
  const clean = `AND(${plan.met},NOT(${row.hasError}))`;
  // A count that cannot be made (no 评估年度) is not met yet no error: 不适用 still holds then.
  const noError = plan.error ? `AND(NOT(${plan.error}),NOT(${row.hasError}))` : clean;
  const declared = `AND(${row.statusIs(STATUS.notApplicable)},${row.hasNote},${noError})`;
  const earned = `IF(AND(${clean},NOT(${declared})),${points},0)`;
  const applicable = `IF(${declared},0,${points})`;
  const gate = (expr: string): string => (plan.exempt === "FALSE" ? expr : `IF(${plan.exempt},0,${expr})`);
  return {
    applicable: gate(plan.pending === "FALSE" ? applicable : `IF(${plan.pending},${earned},${applicable})`),
    earned: gate(earned),
  };
}

export interface LedgerCells {
  /** The item's own helper cells holding the ledger's record count and failing count. */
  records: string;
  failing: string;
  /** The 基本信息 cell of the ledger's 本评估年度无此类事项 reason, when the ledger is declarable. */
  declaration?: string;
}

/**
 * A ledger item (ledgerFraction): an empty ledger earns 0 unless declared (or the row is 不适用 with a
 * reason and no error), which leaves 应得; otherwise the share of passing records, or the points
 * less a deduction per failing record, down to 0.
 */
export function ledgerScore(
  item: Item,
  row: ChecklistRowRefs,
  cells: LedgerCells,
  rules?: LedgerRules,
  pending = "FALSE",
): ItemScoreExprs {
  const p = item.points;
  const points = numberLiteral(p);
  const declared = cells.declaration ? notBlank(cells.declaration) : "FALSE";
  // A broken item-level rule is an error charged to the item: 不适用 then does not hold either.
  const error = rules ? `OR(${row.hasError},${rules.error})` : row.hasError;
  const rowNotApplicable = `AND(${row.statusIs(STATUS.notApplicable)},${row.hasNote},NOT(${error}))`;
  const { records, failing } = cells;
  const scoring = item.scoring ?? { method: "share" as const };
  const share =
    scoring.method === "share"
      ? `(${records}-${failing})/${records}`
      : p > 0
        ? `(${points}-MIN(${points},${failing}*${numberLiteral(scoring.perRecord)}))/${points}`
        : "0";
  const earned = `IF(${records}=0,0,${rules ? `IF(NOT(${rules.met}),0,` : ""}${roundFormula(
    `${points}*MAX(0,MIN(1,${share}))`,
    2,
  )}${rules ? ")" : ""})`;
  const applicable = `IF(AND(${records}=0,OR(${declared},${rowNotApplicable})),0,${points})`;
  if (pending === "FALSE") return { applicable, earned };
  // scoreItem: short of all its points while 待完成, the item is out of 应得 (the share, not the rounding).
  const lost =
    scoring.method === "share"
      ? `${failing}>0`
      : p > 0
        ? `${failing}*${numberLiteral(scoring.perRecord)}>0`
        : "TRUE";
  const short = `AND(${pending},OR(${records}=0,${rules ? `NOT(${rules.met}),` : ""}${lost}))`;
  return {
    applicable: `IF(AND(${records}=0,OR(${declared},${rowNotApplicable})),0,IF(${short},0,${points}))`,
    // ledgerFraction: records whose item-level rules are not met earn nothing.
    earned: `IF(${short},0,${earned})`,
  };
}
