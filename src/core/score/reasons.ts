/** Score reason codes (ScoreReason.code); each has text under `reason.<code>` in src/i18n. */
export const REASON_CODES = [
  "status.done",
  "status.partial",
  "status.notStarted",
  "status.empty",
  "status.invalid",
  "status.notApplicable",
  "indicator.met",
  "indicator.notMet",
  "indicator.missing",
  "ledger.share",
  "ledger.deduct",
  "ledger.ruleFailed",
  "ledger.empty",
  "ledger.declared",
  "item.pending",
  "item.unitTypeExempt",
  "veto.clear",
  "veto.unanswered",
  "veto.inWindow",
  "veto.undated",
  "veto.outsideWindow",
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];
