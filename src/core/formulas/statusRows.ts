import { labelParams } from "../rules/labels";
import type { RowBuilder } from "./builder";
import { and, not, or, str } from "./expr";
import { dateTextPiece, type ShortMessage } from "./ledgerRules";
import { READ } from "./valueCells";

// src/core/values/status.ts, by the status each word means; compared without case, as it lowercases.
const STATUS_WORDS: Readonly<Record<"D" | "H" | "N" | "A", readonly string[]>> = {
  D: ["完成", "已完成", "done", "complete", "completed"],
  H: ["部分完成", "partial", "partly done", "partially done", "partially complete", "partially completed"],
  N: ["未开始", "not started", "not begun"],
  A: ["不适用", "n/a", "na", "not applicable"],
};

/** The 状态 cell read as parseStatus does: "" blank, "D"/"H"/"N"/"A", or "I" (numbers and dates too). */
function statusFormula(x: string, n: string): string {
  const of = (k: keyof typeof STATUS_WORDS) => or(...STATUS_WORDS[k].map((w) => `${n}=${str(w)}`));
  return `=IF(${n}="","",IF(OR(ISNUMBER(${x}),ISLOGICAL(${x})),"${READ.invalid}",IF(${of("D")},"D",IF(${of(
    "H",
  )},"H",IF(${of("N")},"N",IF(${of("A")},"A","${READ.invalid}"))))))`;
}

/**
 * A status item's checklist row (src/core/rules/implicit.ts checkChecklistRow): 状态 one of the
 * four, 完成日期 a date not after the assessment date, 完成 with 佐证材料 and a date, 不适用 with a
 * reason in 备注.
 */
export function statusRowPieces(b: RowBuilder, message: ShortMessage, statusItem = true): void {
  const header = (id: string) => b.column(id)?.header ?? { zh: id, en: id };
  const s = b.helperCell("status", () => statusFormula(b.ref("status"), b.text("status")));
  const d = b.date("doneDate");
  const add = (severity: "error" | "warning", column: string, code: string, params: object, when: string) =>
    b.add({ severity, column: b.position(column), code, text: message(code, { ...params }), when });
  add(
    "error",
    "status",
    "value.status.invalid",
    labelParams("field", header("status")),
    `${s}="${READ.invalid}"`,
  );
  const field = labelParams("field", header("doneDate"));
  add("error", "doneDate", "value.date.invalid", field, `${d}="${READ.invalid}"`);
  add("error", "doneDate", "value.date.impossible", field, `${d}="${READ.impossible}"`);
  add(
    "error",
    "doneDate",
    "date.inFuture",
    field,
    and(`ISNUMBER(${d})`, b.hasAssessmentDate, `${d}>${b.assessmentDate}`),
  );
  b.add(dateTextPiece(b, "doneDate", b.position("doneDate"), message("date.textNotDate", field)));
  add("error", "evidence", "evidence.missing", {}, and(`${s}="D"`, b.blank("evidence")));
  // Indicator and ledger rows are judged by their figures or records, not by a reason or a date.
  if (!statusItem) return;
  add("error", "note", "status.notApplicableNoReason", {}, and(`${s}="A"`, b.blank("note")));
  add("warning", "doneDate", "status.doneWithoutDate", {}, and(`${s}="D"`, b.blank("doneDate")));
}

/**
 * A veto row (src/core/rules/implicit.ts checkVetoRow, vetoWindow.ts): 是否发生 a yes/no, 发生日期 a
 * date, and 是 inside the window of `years` before the assessment date (EDATE moves 29 February to
 * the 28th, as addYearsIso does) — undated or without an assessment date it counts as inside.
 */
export function vetoRowPieces(b: RowBuilder, message: ShortMessage, years: number): void {
  const y = b.yesNo("occurred");
  const d = b.date("eventDate");
  const add = (severity: "error" | "warning", code: string, params: object, when: string) =>
    b.add({ severity, column: b.position("eventDate"), code, text: message(code, { ...params }), when });
  const yes = `${y}=1`;
  const dated = `ISNUMBER(${d})`;
  b.add({
    severity: "warning",
    column: b.position("occurred"),
    code: "veto.unanswered",
    text: message("veto.unanswered", {}),
    when: b.blank("occurred"),
  });
  add("error", "veto.undated", {}, and(yes, not(dated), b.blank("eventDate")));
  add("error", "veto.noWindow", {}, and(yes, dated, not(b.hasAssessmentDate)));
  add(
    "error",
    "veto.inWindow",
    { years },
    and(
      yes,
      dated,
      b.hasAssessmentDate,
      `${d}>=IF(${b.hasAssessmentDate},EDATE(${b.assessmentDate},-12*${years}),0)`,
    ),
  );
}
