import type { FindingParam, Severity } from "../findings";
import type { Ledger, Pack, Rule, RuleType } from "../pack/schema";
import type { IsoDate } from "../values/isoDate";
import type { RowView } from "./rowView";

export type RuleOf<T extends RuleType> = Extract<Rule, { type: T }>;

export type Params = Record<string, FindingParam>;

/** A finding before it is placed on a sheet: the rule knows the column, the engine the rest. */
export interface RuleHit {
  code: string;
  severity: Severity;
  column?: string;
  params: Params;
}

/** An item-level rule's hit; `input` places it on that input's cell of 基本信息. */
export interface ItemHit extends RuleHit {
  input?: string;
}

/** An input of 基本信息 read as its declared type. */
export type InputValue =
  | { state: "value"; value: number | string }
  | { state: "blank" }
  | { state: "unreadable" }
  | { state: "absent" };

export interface LedgerRecords {
  ledger: Ledger;
  /** Non-blank rows, in sheet order. Empty when the table is missing. */
  records: readonly RowView[];
}

/** Everything a rule may look at besides its own row. */
export interface CheckContext {
  pack: Pack;
  /** Null when 评估基准日 is missing or unreadable (a finding says so). */
  assessmentDate: IsoDate | null;
  /**
   * 评估年度: the year whose work is assessed (yearly counts, the report on the year before it).
   * Null when neither it nor the assessment date can be read.
   */
  assessmentYear: number | null;
  inputs: ReadonlyMap<string, InputValue>;
  ledgers: ReadonlyMap<string, LedgerRecords>;
}

export interface ItemRuleOutcome {
  /** "unknown" when a value the rule needs is missing or unreadable. */
  met: boolean | "unknown";
  hits: ItemHit[];
}

export interface RowRuleModule<T extends RuleType> {
  scope: "row";
  /** Every code the rule can emit, with its severity. */
  codes: Readonly<Record<string, Severity>>;
  evaluate(rule: RuleOf<T>, row: RowView, ctx: CheckContext): RuleHit[];
}

export interface ItemRuleModule<T extends RuleType> {
  scope: "item";
  codes: Readonly<Record<string, Severity>>;
  evaluate(rule: RuleOf<T>, ctx: CheckContext): ItemRuleOutcome;
}

export type RuleModule<T extends RuleType> = RowRuleModule<T> | ItemRuleModule<T>;
