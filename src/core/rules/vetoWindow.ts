import { addYearsIso, type IsoDate } from "../values/isoDate";
import { parseDate } from "../values/date";
import type { RowView } from "./rowView";
import type { RowRuleModule } from "./types";

export const VETO_CODES = {
  inWindow: "veto.inWindow",
  undated: "veto.undated",
  outsideWindow: "veto.outsideWindow",
  unanswered: "veto.unanswered",
  /** Dated, but with no assessment date the window cannot be placed: counted as inside. */
  noWindow: "veto.noWindow",
} as const;

export type VetoState =
  | { state: "unanswered" }
  | { state: "clear" }
  /** 是, dated inside the window, or undated (date ""), or dated with no assessment date to compare. */
  | { state: "inWindow"; date: IsoDate | ""; windowStart: IsoDate | "" }
  | { state: "outsideWindow"; date: IsoDate; windowStart: IsoDate };

/**
 * Whether a veto row bars recognition. 是 with a blank or unreadable date counts as inside the
 * window: a veto cannot be waved through on a typing slip.
 */
export function vetoState(row: RowView, years: number, assessmentDate: IsoDate | null): VetoState {
  if (row.isBlank("occurred")) return { state: "unanswered" };
  const occurred = row.yesNo("occurred");
  if (occurred === false) return { state: "clear" };
  if (occurred === null) return { state: "unanswered" };
  const date = parseDate(row.raw("eventDate"));
  if (!date.ok) return { state: "inWindow", date: "", windowStart: "" };
  if (!assessmentDate) return { state: "inWindow", date: date.value, windowStart: "" };
  const windowStart = addYearsIso(assessmentDate, -years);
  return date.value >= windowStart
    ? { state: "inWindow", date: date.value, windowStart }
    : { state: "outsideWindow", date: date.value, windowStart };
}

/** A veto event (一票否决情形) within the last `years` years before the assessment date. */
export const vetoWindowRule: RowRuleModule<"vetoWindow"> = {
  scope: "row",
  codes: {
    [VETO_CODES.inWindow]: "error",
    [VETO_CODES.undated]: "error",
    [VETO_CODES.outsideWindow]: "info",
    [VETO_CODES.unanswered]: "warning",
    [VETO_CODES.noWindow]: "error",
  },
  evaluate(rule, row, ctx) {
    const veto = vetoState(row, rule.years, ctx.assessmentDate);
    switch (veto.state) {
      case "clear":
        return [];
      case "unanswered":
        // An unreadable answer is reported by the cell's type check.
        return row.isBlank("occurred")
          ? [{ code: VETO_CODES.unanswered, severity: "warning", column: "occurred", params: {} }]
          : [];
      case "outsideWindow":
        return [
          {
            code: VETO_CODES.outsideWindow,
            severity: "info",
            column: "eventDate",
            params: { date: veto.date, windowStart: veto.windowStart, years: rule.years },
          },
        ];
      case "inWindow":
        if (veto.date === "") {
          // An unreadable date has its own finding from the cell's type check.
          return row.isBlank("eventDate")
            ? [{ code: VETO_CODES.undated, severity: "error", column: "eventDate", params: {} }]
            : [];
        }
        if (veto.windowStart === "") {
          return [
            {
              code: VETO_CODES.noWindow,
              severity: "error",
              column: "eventDate",
              params: { date: veto.date },
            },
          ];
        }
        return [
          {
            code: VETO_CODES.inWindow,
            severity: "error",
            column: "eventDate",
            params: { date: veto.date, windowStart: veto.windowStart, years: rule.years },
          },
        ];
    }
  },
};
