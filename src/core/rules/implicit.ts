import type { Severity } from "../findings";
import { STATUS, type StatusValue } from "../layout/columns";
import type { LocalizedText } from "../pack/schema";
import { DATE_CODES, parseDate } from "../values/date";
import { excelSerialFromIso, type IsoDate } from "../values/isoDate";
import { displayValue } from "../values/normalize";
import { EMPTY_CODE } from "../values/result";
import { parseStatus } from "../values/status";
import { inFutureHit } from "./date";
import { evidenceRequiredRule } from "./evidenceRequired";
import { labelParams } from "./labels";
import type { ColumnInfo, RowView } from "./rowView";
import type { CheckContext, RuleHit } from "./types";
import { vetoWindowRule } from "./vetoWindow";

/** Codes of the checks every row of a kind gets without the pack asking (templates/README.md). */
export const IMPLICIT_CODES: Readonly<Record<string, Severity>> = {
  "value.date.invalid": "error",
  "value.date.impossible": "error",
  "value.number.invalid": "error",
  "value.integer.notWhole": "error",
  "value.number.negative": "error",
  "value.ratio.invalid": "error",
  "value.ratio.outOfRange": "error",
  "value.yesNo.invalid": "error",
  "value.enum.invalid": "error",
  "value.status.invalid": "error",
  "status.notApplicableNoReason": "error",
  "status.doneWithoutDate": "warning",
  [DATE_CODES.text]: "warning",
  "info.townshipMissing": "error",
  "info.assessmentDateMissing": "error",
  "info.assessmentDateInvalid": "error",
  "info.assessmentYearInvalid": "error",
  "info.assessmentYearAfterDate": "error",
  "declaration.withRecords": "warning",
  "date.inFuture": "error",
  "input.missing": "error",
  "table.missing": "error",
};

const CHECK_COLUMN_ID = "check";

/**
 * One finding per filled cell that cannot be read as its column's type, and per date after the
 * assessment date (a record cannot be dated after the day it is assessed), except in columns
 * that hold an expiry.
 */
const NONE: ReadonlySet<string> = new Set();

export function cellTypeHits(
  row: RowView,
  assessmentDate: IsoDate | null,
  /** Columns a rule reads in its own way (有效期: years or an end date), checked by that rule. */
  ownReading: ReadonlySet<string> = NONE,
): RuleHit[] {
  const hits: RuleHit[] = [];
  const list = row.reader.list;
  for (let i = 0; i < list.length; i++) {
    const column = list[i] as ColumnInfo;
    if (column.type === "text" || column.id === CHECK_COLUMN_ID || ownReading.has(column.id)) continue;
    const result = row.typedAtPosition(i);
    if (!result.ok && result.code !== EMPTY_CODE) {
      hits.push({
        code: result.code,
        severity: "error",
        column: column.id,
        params: { ...labelParams("field", column.header), ...result.params },
      });
    } else if (result.ok && column.type === "date" && typeof result.value === "string") {
      if (!column.future && assessmentDate !== null && result.value > assessmentDate) {
        hits.push(inFutureHit(column.id, labelParams("field", column.header), result.value, assessmentDate));
      }
      const raw = row.raw(column.id);
      if (typeof raw === "string") hits.push(dateTextHit(column.id, column.header, raw, result.value));
    }
  }
  return hits;
}

/**
 * A date cell holding text that reads as a date: a warning that leaves the date counted, with the
 * real date the pane's 转换为日期 writes (`date` as ISO, `serial` as Excel's day number).
 */
export function dateTextHit(column: string, header: LocalizedText, raw: string, date: IsoDate): RuleHit {
  return {
    code: DATE_CODES.text,
    severity: "warning",
    column,
    params: {
      ...labelParams("field", header),
      raw: displayValue(raw),
      date,
      serial: excelSerialFromIso(date),
    },
  };
}

export interface StatusRowCheck {
  /** Null when blank; "invalid" when unreadable. */
  status: StatusValue | null | "invalid";
  hits: RuleHit[];
}

/**
 * A checklist row: 状态 one of the four values, 完成日期 a date not after the assessment date, 完成
 * with 佐证材料, and — for status items — 完成 with a date, 不适用 with a reason in 备注.
 */
export function checkChecklistRow(row: RowView, ctx: CheckContext, statusItem: boolean): StatusRowCheck {
  const hits: RuleHit[] = [];
  const parsedStatus = parseStatus(row.raw("status"));
  const status = row.isBlank("status") ? null : parsedStatus.ok ? parsedStatus.value : "invalid";
  if (!parsedStatus.ok && status === "invalid") {
    hits.push({
      code: parsedStatus.code,
      severity: "error",
      column: "status",
      params: { ...labelParams("field", row.header("status")), ...parsedStatus.params },
    });
  }
  if (!row.isBlank("doneDate")) {
    const field = labelParams("field", row.header("doneDate"));
    const date = parseDate(row.raw("doneDate"));
    if (!date.ok) {
      hits.push({
        code: date.code,
        severity: "error",
        column: "doneDate",
        params: { ...field, ...date.params },
      });
    } else {
      if (ctx.assessmentDate && date.value > ctx.assessmentDate) {
        hits.push(inFutureHit("doneDate", field, date.value, ctx.assessmentDate));
      }
      const raw = row.raw("doneDate");
      if (typeof raw === "string")
        hits.push(dateTextHit("doneDate", row.header("doneDate"), raw, date.value));
    }
  }
  // 完成 names its 佐证材料 on every checklist row alike, ledger and indicator rows too (issue 12).
  hits.push(...evidenceRequiredRule.evaluate({ type: "evidenceRequired" }, row, ctx));
  if (statusItem) {
    if (status === STATUS.notApplicable && row.isBlank("note")) {
      hits.push({ code: "status.notApplicableNoReason", severity: "error", column: "note", params: {} });
    }
    if (status === STATUS.done && row.isBlank("doneDate")) {
      hits.push({ code: "status.doneWithoutDate", severity: "warning", column: "doneDate", params: {} });
    }
  }
  return { status, hits };
}

/** A veto row: 是否发生 a yes/no, 发生日期 a date, and the window check. */
export function checkVetoRow(row: RowView, ctx: CheckContext, years: number): RuleHit[] {
  return [
    ...cellTypeHits(row, ctx.assessmentDate),
    ...vetoWindowRule.evaluate({ type: "vetoWindow", years }, row, ctx),
  ];
}
