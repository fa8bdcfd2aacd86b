import type { Severity } from "../findings";
import type { Rule } from "../pack/schema";
import { labelParams } from "../rules/labels";
import type { Params } from "../rules/types";
import { excelSerialFromIso } from "../values/isoDate";
import { normalizeText } from "../values/normalize";
import type { RowBuilder } from "./builder";
import type { Piece } from "./pieces";
import { READ } from "./valueCells";
import { validityPieces } from "./validityRule";
import { and, not, or } from "./expr";

/** The short 校验 text of a code with params known when compiling (src/i18n shortFindingMessage). */
export type ShortMessage = (code: string, params: Params) => string;

type Sev = Exclude<Severity, "info">;

// Families of one problem on one cell (src/core/rules/merge.ts SAME_PROBLEM), and their ranks.
const ORDER_FAMILY = 0;
const MISSING_FAMILY = 1;

/**
 * Each filled cell read as its column's type, and dates not after the assessment date unless the
 * column holds an expiry (src/core/rules/implicit.ts cellTypeHits).
 */
export function typeChecks(b: RowBuilder, message: ShortMessage, ownReading: ReadonlySet<string>): void {
  for (const column of b.columns) {
    if (column.type === "text" || column.id === "check" || ownReading.has(column.id)) continue;
    const field = labelParams("field", column.header);
    const at = b.position(column.id);
    const piece = (code: string, when: string) =>
      b.add({ severity: "error", column: at, code, text: message(code, field), when });
    switch (column.type) {
      case "date": {
        const d = b.date(column.id);
        piece("value.date.invalid", `${d}="${READ.invalid}"`);
        piece("value.date.impossible", `${d}="${READ.impossible}"`);
        if (!column.future) piece("date.inFuture", inFuture(b, d));
        b.add(dateTextPiece(b, column.id, at, message(DATE_TEXT, field)));
        break;
      }
      case "number":
      case "integer": {
        const v = b.number(column.id, column.type === "integer");
        piece("value.number.invalid", `${v}="${READ.invalid}"`);
        piece("value.integer.notWhole", `${v}="${READ.notWhole}"`);
        piece("value.number.negative", `${v}="${READ.negative}"`);
        break;
      }
      case "yesNo":
        piece("value.yesNo.invalid", `${b.yesNo(column.id)}="${READ.invalid}"`);
        break;
      case "enum":
        piece(
          "value.enum.invalid",
          and(b.filled(column.id), not(b.listed(column.id, column.values ?? [], normalizeText))),
        );
        break;
      default:
        throw new Unsupported(`column type ${column.type}`);
    }
  }
}

const DATE_TEXT = "date.textNotDate";

/** Text that the date helper read as a date: a warning (implicit.ts dateTextHit). */
export function dateTextPiece(b: RowBuilder, id: string, column: number, text: string): Piece {
  return {
    severity: "warning",
    column,
    code: DATE_TEXT,
    text,
    when: and(not(`ISNUMBER(${b.ref(id)})`), `ISNUMBER(${b.date(id)})`),
  };
}

const inFuture = (b: RowBuilder, d: string): string =>
  and(`ISNUMBER(${d})`, b.hasAssessmentDate, `${d}>${b.assessmentDate}`);

/** A rule the compiler cannot express exactly: the table's 校验 stays text. */
export class Unsupported extends Error {}

/** The pieces of one row rule of a ledger (every rule kind that looks at one row). */
export function rulePieces(b: RowBuilder, rule: Rule, message: ShortMessage): void {
  if (rule.appliesTo) throw new Unsupported("appliesTo on a row rule");
  const label = (name: string, column: string) =>
    labelParams(name, b.column(column)?.header ?? { zh: column, en: column });
  const add = (
    severity: Sev,
    column: string,
    code: string,
    params: Params,
    when: string,
    family?: number,
    rank = 0,
  ) =>
    b.add(
      { severity, column: b.position(column), code, text: message(code, params), when },
      family === undefined ? undefined : { column, family, rank },
    );
  switch (rule.type) {
    case "required":
      add(
        "error",
        rule.column,
        "required.missing",
        label("field", rule.column),
        b.blank(rule.column),
        MISSING_FAMILY,
        0,
      );
      return;
    case "enum":
      add(
        "error",
        rule.column,
        "enum.notAllowed",
        { ...label("field", rule.column), allowed: rule.values.join("/") },
        and(b.filled(rule.column), not(b.listed(rule.column, rule.values, normalizeText))),
      );
      return;
    case "date": {
      const d = b.date(rule.column);
      const field = label("field", rule.column);
      add("error", rule.column, "value.date.invalid", field, `${d}="${READ.invalid}"`);
      add("error", rule.column, "value.date.impossible", field, `${d}="${READ.impossible}"`);
      if (rule.notAfter)
        add(
          "error",
          rule.column,
          "date.afterDeadline",
          { ...field, deadline: rule.notAfter },
          and(`ISNUMBER(${d})`, `${d}>${excelSerialFromIso(rule.notAfter)}`),
        );
      if (rule.notInFuture) add("error", rule.column, "date.inFuture", field, inFuture(b, d));
      return;
    }
    case "dateOrder": {
      // Each present date against the last present one before it.
      rule.columns.forEach((later, j) => {
        for (let i = j - 1; i >= 0; i--) {
          const earlier = rule.columns[i] as string;
          const between = rule.columns.slice(i + 1, j).map((c) => not(b.validDate(c)));
          const pair = and(b.validDate(earlier), b.validDate(later), ...between);
          const params = { ...label("earlier", earlier), ...label("later", later) };
          const de = b.date(earlier);
          const dl = b.date(later);
          add("error", earlier, "dateOrder.violated", params, and(pair, `${de}>${dl}`), ORDER_FAMILY, 0);
          if (rule.strict) add("error", earlier, "dateOrder.sameDay", params, and(pair, `${de}=${dl}`));
        }
      });
      return;
    }
    case "withinDays": {
      const from = b.date(rule.from);
      const to = b.date(rule.to);
      const params = { ...label("from", rule.from), ...label("to", rule.to), days: rule.days };
      const start = `ISNUMBER(${from})`;
      // N() reads text as 0: arithmetic on a blank or unreadable date would err, and AND evaluates it.
      const due = `${b.assessmentDate}>N(${from})+${rule.days}`;
      const open = and(start, b.blank(rule.to), b.hasAssessmentDate);
      add("error", rule.to, "withinDays.overdue", params, and(open, due));
      add("warning", rule.to, "withinDays.pending", params, and(open, not(due)));
      const both = and(start, `ISNUMBER(${to})`);
      add("error", rule.to, "withinDays.beforeStart", params, and(both, `${to}<${from}`));
      add("error", rule.to, "withinDays.exceeded", params, and(both, `N(${to})-N(${from})>${rule.days}`));
      return;
    }
    case "requiredReviews": {
      const before = b.date(rule.before);
      for (const review of rule.reviews) {
        const params = labelParams("review", review.label);
        const y = b.yesNo(review.done);
        const exempt = review.notApplicableReason ? b.filled(review.notApplicableReason) : null;
        const notDone = or(`${y}=""`, `${y}=0`);
        add(
          "error",
          review.done,
          "requiredReviews.notDone",
          params,
          exempt ? and(notDone, not(exempt)) : notDone,
          MISSING_FAMILY,
          1,
        );
        add(
          "error",
          review.date,
          "requiredReviews.undated",
          params,
          and(`${y}=1`, b.blank(review.date)),
          MISSING_FAMILY,
          2,
        );
        const d = b.date(review.date);
        add(
          "error",
          review.date,
          "requiredReviews.late",
          { ...params, ...label("decision", rule.before) },
          and(`${y}=1`, `ISNUMBER(${d})`, `ISNUMBER(${before})`, `${d}>${before}`),
          ORDER_FAMILY,
          1,
        );
      }
      return;
    }
    case "when": {
      const severity: Sev = rule.severity === "warning" ? "warning" : "error";
      const matches = and(b.filled(rule.if.column), b.listed(rule.if.column, rule.if.equals, normalizeText));
      const then = rule.then;
      const params = {
        ...label("condition", rule.if.column),
        ...labelParams("requirement", rule.requirement),
        ...label("field", then.column),
      };
      if ("forbidden" in then) add(severity, then.column, "when.forbidden", params, matches);
      else if ("blank" in then)
        add(severity, then.column, "when.mustBeBlank", params, and(matches, b.filled(then.column)));
      else {
        add(severity, then.column, "when.missing", params, and(matches, b.blank(then.column)));
        if ("equals" in then)
          add(
            severity,
            then.column,
            "when.notAllowed",
            params,
            and(matches, b.filled(then.column), not(b.listed(then.column, then.equals, normalizeText))),
          );
      }
      return;
    }
    case "notExpired": {
      const d = b.date(rule.column);
      add(
        "error",
        rule.column,
        "notExpired.expired",
        label("field", rule.column),
        and(`ISNUMBER(${d})`, b.hasAssessmentDate, `${d}<${b.assessmentDate}`),
      );
      return;
    }
    case "validity":
      validityPieces(b, rule, message);
      return;
    default:
      throw new Unsupported(`rule ${rule.type}`);
  }
}
