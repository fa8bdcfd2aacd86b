import type { Finding } from "./findings";
import type { ItemKind, LocalizedText } from "./pack/schema";

/** Why an item scored what it scored, as data (text from src/i18n by `code`). */
export interface ScoreReason {
  /**
   * One of: status.done, status.partial, status.notStarted, status.empty, status.invalid,
   * status.notApplicable, indicator.met, indicator.notMet, indicator.missing,
   * ledger.share, ledger.emptyRequired, ledger.emptyOptional, veto.clear, veto.inWindow, veto.outsideWindow.
   */
  code: string;
  params: Readonly<Record<string, string | number | boolean>>;
}

export interface ItemResult {
  itemId: string;
  groupId: string;
  kind: ItemKind;
  weight: number;
  /** False for 不适用 (with a reason) and for veto items, which leave the denominator. */
  applicable: boolean;
  /** 0..1 */
  score: number;
  reason: ScoreReason;
  /** Findings that count against this item. */
  findings: readonly Finding[];
  owner?: string;
  /** ISO date (YYYY-MM-DD), from the pack's due date or the user's plan. */
  due?: string;
}

export interface GroupResult {
  groupId: string;
  title: LocalizedText;
  weight: number;
  /** 0..100, or null when no item of the group applies. */
  score: number | null;
  /** Σ weight·score and Σ applicable weight, for explaining the score. */
  earned: number;
  possible: number;
}

export interface VetoHit {
  itemId: string;
  title: LocalizedText;
  /** ISO date of the event. */
  date: string;
  sheet: string;
  row: number;
}

export interface Gap {
  itemId: string;
  groupId: string;
  clause: string;
  title: LocalizedText;
  /** Overall points (0..100 scale) this item loses. */
  pointsLost: number;
  /** Finding codes against the item, in order. */
  findingCodes: readonly string[];
  reason: ScoreReason;
  owner?: string;
  due?: string;
  /** Due before the assessment date and not fully scored. */
  overdue: boolean;
}

export interface BandResult {
  id: string;
  label: LocalizedText;
}

export interface Assessment {
  packId: string;
  packVersion: string;
  township: string;
  /** ISO date, or null when 评估基准日 is missing or unreadable (a finding says so). */
  assessmentDate: string | null;
  findings: readonly Finding[];
  items: readonly ItemResult[];
  groups: readonly GroupResult[];
  /** 0..100, rounded to one decimal. */
  score: number;
  band: BandResult;
  /** False when any veto falls inside the window. */
  eligible: boolean;
  vetoes: readonly VetoHit[];
  /** Sorted by points lost (most first), then due date (earliest first, none last), then item id. */
  gaps: readonly Gap[];
}
