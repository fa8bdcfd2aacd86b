import type { Finding, Severity } from "../findings";

/** The marks that open each piece of a 校验 cell (the conditional format keys on the first one). */
export const CHECK_TEXT_MARKS = { error: "✗", warning: "!", ok: "✓" } as const;

/** Pieces of a 校验 cell are joined by this (no space: the cell is narrow). */
export const CHECK_TEXT_SEPARATOR = ";";

/**
 * Order of codes on one cell, when several rules find something there. The formula compiler
 * emits its pieces in the same order (src/core/formulas/pieces.ts sorts by `pieceOrder` too),
 * so that a row reads the same in the pane and in a spreadsheet without the add-in.
 */
const CODE_ORDER: readonly string[] = [
  "value.status.invalid",
  "value.date.invalid",
  "value.date.impossible",
  "value.number.invalid",
  "value.integer.notWhole",
  "value.number.negative",
  "value.ratio.invalid",
  "value.ratio.outOfRange",
  "value.yesNo.invalid",
  "value.enum.invalid",
  "required.missing",
  "enum.notAllowed",
  "enum.answerNotAllowed",
  "enum.optionNotAllowed",
  "date.afterDeadline",
  "date.inFuture",
  "date.textNotDate",
  "dateOrder.violated",
  "dateOrder.sameDay",
  "withinDays.exceeded",
  "withinDays.beforeStart",
  "withinDays.overdue",
  "withinDays.pending",
  "requiredReviews.notDone",
  "requiredReviews.undated",
  "requiredReviews.late",
  "when.mustBeBlank",
  "when.missing",
  "when.notAllowed",
  "when.forbidden",
  "notExpired.expired",
  "validity.missing",
  "validity.unreadable",
  "validity.tooLong",
  "validity.provisionalTooLong",
  "validity.endTooLate",
  "validity.provisionalEndTooLate",
  "validity.endBeforeIssue",
  "validity.overCapExplained",
  "validity.expiredInForce",
  "evidence.missing",
  "status.notApplicableNoReason",
  "status.doneWithoutDate",
  "veto.unanswered",
  "veto.undated",
  "veto.noWindow",
  "veto.inWindow",
];
const CODE_RANK = new Map(CODE_ORDER.map((code, i) => [code, i]));

/** Where a piece stands in a 校验 cell: severity, then the column's place in the table, then the code. */
export interface PieceKey {
  severity: Severity;
  /** Position of the finding's column in the table; columns outside it and none go last. */
  column: number;
  code: string;
  text: string;
}

/**
 * Findings about where a row sits rather than what it says (a record typed below the spreadsheet
 * table): a formula cannot see them, so the pane shows them and the 校验 cell does not.
 */
const NOT_IN_CHECK_TEXT: ReadonlySet<string> = new Set(["row.outsideTable"]);

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** The fixed order of pieces: errors, then warnings; left to right by column; then by CODE_ORDER. */
export function pieceOrder(a: PieceKey, b: PieceKey): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    a.column - b.column ||
    (CODE_RANK.get(a.code) ?? CODE_ORDER.length) - (CODE_RANK.get(b.code) ?? CODE_ORDER.length) ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)
  );
}

/** Column positions of a table by column id; unknown columns sort after every known one. */
export function columnPosition(columns: readonly string[]): (column: string | undefined) => number {
  const index = new Map(columns.map((c, i) => [c, i]));
  return (column) => (column === undefined ? columns.length : (index.get(column) ?? columns.length));
}

/**
 * The 校验 text of a row, as both the core and the workbook's formulas write it: "" for a row with
 * nothing entered and nothing found, "✓" for an entered row without findings, else each error as
 * "✗ message" then each warning as "! message", joined by ";". Info findings (a procedure noted as
 * 不适用 with its reason, a veto outside its window) are for the reviewer in the pane and make no
 * mark, nor does a record's place below the spreadsheet table. The same text twice on one row (one problem seen by two items) is shown once.
 */
export function rowCheckText(
  findings: readonly Finding[],
  entered: boolean,
  message: (finding: Finding) => string,
  columns: readonly string[] = [],
): string {
  const position = columnPosition(columns);
  const pieces: PieceKey[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    if (f.severity === "info" || NOT_IN_CHECK_TEXT.has(f.code)) continue;
    const text = message(f);
    const key = `${f.severity}|${text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    pieces.push({ severity: f.severity, column: position(f.column), code: f.code, text });
  }
  if (pieces.length === 0) return entered ? CHECK_TEXT_MARKS.ok : "";
  return pieces
    .sort(pieceOrder)
    .map((p) => `${p.severity === "error" ? CHECK_TEXT_MARKS.error : CHECK_TEXT_MARKS.warning} ${p.text}`)
    .join(CHECK_TEXT_SEPARATOR);
}
