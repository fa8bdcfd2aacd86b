import type { Finding } from "./findings";
import type { Basis, ItemKind, LocalizedText } from "./pack/schema";

/** Why an item scored what it scored, as data (text from src/i18n by `code`). */
export interface ScoreReason {
  /** One of REASON_CODES (src/core/score/reasons.ts). */
  code: string;
  params: Readonly<Record<string, string | number | boolean>>;
}

/**
 * How an item stands: all its points earned, some, none, out of 应得 (不适用 with a reason, a
 * declared empty ledger, a veto condition), or 待完成 (due after the assessment date).
 */
export type ItemState = "earned" | "partial" | "lost" | "notApplicable" | "pending";

/** 分值, 应得 and 实得 of some items, in points. */
export interface PointsTotal {
  /** Σ 分值. */
  points: number;
  /** Σ 分值 of the items that count (应得). */
  applicable: number;
  /** Σ 实得. */
  earned: number;
}

export interface ItemResult {
  itemId: string;
  groupId: string;
  kind: ItemKind;
  /** 分值. */
  points: number;
  /** Counts in 应得. */
  applicable: boolean;
  /** 实得, in points (0 when the item does not count). */
  earned: number;
  /** 失分: 分值 − 实得 when the item counts, else 0. */
  lost: number;
  state: ItemState;
  /** Whether the points are the document's or local. */
  basis: Basis;
  reason: ScoreReason;
  /** Findings that count against this item. */
  findings: readonly Finding[];
  owner?: string;
  /** ISO date (YYYY-MM-DD), from the pack's due date or the user's plan. */
  due?: string;
}

export interface GroupResult extends PointsTotal {
  groupId: string;
  title: LocalizedText;
  /** 失分: 应得 − 实得. */
  lost: number;
  /** 实得 / 应得 as a percentage (one decimal), or null when no item of the group counts. */
  score: number | null;
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
  /** 分值 and 实得 of the item; 失分 = the difference (out of the pack's total before 折算). */
  points: number;
  earned: number;
  pointsLost: number;
  /** 评分标准. */
  criteria: LocalizedText;
  /** Finding codes against the item, in order. */
  findingCodes: readonly string[];
  reason: ScoreReason;
  owner?: string;
  due?: string;
  /** Due before the assessment date and not fully scored. */
  overdue: boolean;
}

/** An item not yet due on the assessment date (待完成): listed apart, neither earned nor lost. */
export interface PendingItem {
  itemId: string;
  groupId: string;
  clause: string;
  title: LocalizedText;
  points: number;
  due: string;
  findingCodes: readonly string[];
}

/** A ledger declared 本评估年度无此类事项, for the reviewer to verify (声明事项). */
export interface Declaration {
  ledgerId: string;
  title: LocalizedText;
  reason: string;
  sheet: string;
  cell: string;
  /** The items it takes out of 应得. */
  itemIds: readonly string[];
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
  /** 评估年度: entered, or the default from the assessment date; null when neither is known. */
  assessmentYear: number | null;
  findings: readonly Finding[];
  items: readonly ItemResult[];
  groups: readonly GroupResult[];
  /** Σ 分值 / 应得 / 实得 of all items; points is the pack's total. */
  total: PointsTotal;
  /** 实得 / 应得 × total (缺项折算), rounded to one decimal. */
  score: number;
  /** True when some points are out of 应得, so the score is scaled (折算). */
  scaled: boolean;
  band: BandResult;
  /** The pack has veto conditions (一票否决); without them neither veto nor recognition is shown. */
  hasVeto: boolean;
  /** No veto inside the window. */
  eligible: boolean;
  /** 可予认定: the pack has veto conditions, none is inside the window, and the band is at least the pass band. */
  recognized: boolean;
  vetoes: readonly VetoHit[];
  pending: readonly PendingItem[];
  declarations: readonly Declaration[];
  /** Sorted by points lost (most first), then due date (earliest first, none last), then item id. */
  gaps: readonly Gap[];
}
