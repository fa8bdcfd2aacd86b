import { addDaysIso, addYearsIso, type IsoDate } from "../values/isoDate";
import { labelParams } from "./labels";
import type { RowView } from "./rowView";
import type { CheckContext, RowRuleModule, RuleHit, RuleOf } from "./types";
import { parseValidity } from "./validity";

export const VALIDITY_TERM_CODES = {
  overCapExplained: "validity.overCapExplained",
  expiredInForce: "validity.expiredInForce",
} as const;

export const VALIDITY_TERM_SEVERITY = {
  [VALIDITY_TERM_CODES.overCapExplained]: "warning",
  [VALIDITY_TERM_CODES.expiredInForce]: "error",
} as const;

const OVER_CAP = new Set([
  "validity.tooLong",
  "validity.provisionalTooLong",
  "validity.endTooLate",
  "validity.provisionalEndTooLate",
]);

/**
 * 003 二(三)6 reads "有效期一般不超过 5 年": a longer term with its reason recorded is for the
 * reviewer to weigh (a warning), without one an error. And "有效期届满的规范性文件自行失效": a
 * document past its term still marked 现行有效 is an error.
 */
export function adjustValidity(
  rule: RuleOf<"validity">,
  row: RowView,
  ctx: CheckContext,
  hits: readonly RuleHit[],
): RuleHit[] {
  const reasonColumn = rule.reasonColumn;
  const reason = reasonColumn && !row.isBlank(reasonColumn) ? row.display(reasonColumn) : null;
  const out = hits.map((h): RuleHit =>
    reason !== null && OVER_CAP.has(h.code)
      ? {
          ...h,
          code: VALIDITY_TERM_CODES.overCapExplained,
          severity: "warning",
          params: { ...h.params, reason, overCode: h.code },
        }
      : h,
  );
  const expired = rule.inForceColumn ? expiredInForce(rule, rule.inForceColumn, row, ctx) : null;
  if (expired) out.push(expired);
  return out;
}

function expiredInForce(
  rule: RuleOf<"validity">,
  inForceColumn: string,
  row: RowView,
  ctx: CheckContext,
): RuleHit | null {
  if (ctx.assessmentDate === null || row.yesNo(inForceColumn) !== true) return null;
  const end = termEnd(row.date(rule.issueDate), parseValidity(row.raw(rule.validityYears)));
  if (end === null || end >= ctx.assessmentDate) return null;
  return {
    code: VALIDITY_TERM_CODES.expiredInForce,
    severity: "error",
    column: inForceColumn,
    params: {
      ...labelParams("field", row.header(inForceColumn)),
      end,
      assessmentDate: ctx.assessmentDate,
    },
  };
}

/** The last day of the term: the stated end, or the day before the N-th anniversary of issue. */
function termEnd(issueDate: IsoDate | null, stated: ReturnType<typeof parseValidity>): IsoDate | null {
  if (stated === null) return null;
  if ("until" in stated) return stated.until;
  if (issueDate === null || !Number.isInteger(stated.years)) return null;
  return addDaysIso(addYearsIso(issueDate, stated.years), -1);
}

/** The validity rule with the two readings above; the registry serves this one. */
export function withValidityTerm(base: RowRuleModule<"validity">): RowRuleModule<"validity"> {
  return {
    scope: "row",
    codes: { ...base.codes, ...VALIDITY_TERM_SEVERITY },
    evaluate: (rule, row, ctx) => adjustValidity(rule, row, ctx, base.evaluate(rule, row, ctx)),
  };
}
