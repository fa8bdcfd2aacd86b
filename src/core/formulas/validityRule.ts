import type { RuleOf } from "../rules/types";
import { labelParams } from "../rules/labels";
import { excelSerialFromIso } from "../values/isoDate";
import type { RowBuilder } from "./builder";
import { and, not, or, str } from "./expr";
import type { ShortMessage } from "./ledgerRules";
import { numberBodyFormula, numberFormula, numberTextFormula } from "./valueCells";

/**
 * 规范性文件 validity (src/core/rules/validity.ts and validityTerm.ts): 有效期 read as years (5,
 * "5年", ≤ 100) or as the last day; at most `maxYears` (暂行/试行: `provisionalMaxYears`, found in
 * the title columns); stated on documents issued from `statedFrom`. A longer term with its reason
 * is a warning; a term over on the assessment date while marked 现行有效 is an error. N years from
 * the issue date end the day before the N-th anniversary: EDATE(issue, 12·N) − 1, which moves 29
 * February as addYearsIso does.
 */
export function validityPieces(b: RowBuilder, rule: RuleOf<"validity">, message: ShortMessage): void {
  const column = rule.validityYears;
  const at = b.position(column);
  const header = (id: string) => b.column(id)?.header ?? { zh: id, en: id };
  const field = labelParams("field", header(column));
  const issue = b.date(rule.issueDate);
  const issued = `ISNUMBER(${issue})`;
  const provisional = or(
    ...rule.titleColumns.flatMap((c) =>
      rule.provisionalMarkers.map((m) => `ISNUMBER(FIND(${str(m)},${b.text(c)}))`),
    ),
  );
  // Years: the text without a closing "年", read as a number; else the cell read as a date.
  const n = b.text(column);
  const yearsText = b.helperCell(
    `validityText:${column}`,
    () => `=IF(RIGHT(${n},1)="年",TRIM(LEFT(${n},LEN(${n})-1)),${n})`,
  );
  const t = b.helperCell(`validityNumberText:${column}`, () => numberTextFormula(yearsText));
  const body = b.helperCell(`validityNumberBody:${column}`, () => numberBodyFormula(t));
  const value = b.helperCell(`validityNumber:${column}`, () =>
    numberFormula(b.ref(column), yearsText, t, body, false),
  );
  const years = b.helperCell(
    `validityYears:${column}`,
    () => `=IF(ISNUMBER(${value}),IF(AND(${value}>0,${value}<=100),${value},""),"")`,
  );
  const until = b.date(column);
  const isYears = `ISNUMBER(${years})`;
  const isUntil = and(not(isYears), `ISNUMBER(${until})`);
  const filled = not(b.blank(column));
  const reason = rule.reasonColumn ? not(b.blank(rule.reasonColumn)) : "FALSE";

  const add = (severity: "error" | "warning", code: string, params: object, when: string, where = at) =>
    b.add({ severity, column: where, code, text: message(code, { ...params }), when });
  add(
    "error",
    "validity.missing",
    field,
    and(b.blank(column), issued, `${issue}>=${excelSerialFromIso(rule.statedFrom)}`),
  );
  add("error", "validity.unreadable", field, and(filled, not(isYears), not(`ISNUMBER(${until})`)));
  const over = (max: number) => ({
    years: and(filled, isYears, `${years}>${max}`),
    // EDATE errs on text: it runs only on a date (AND evaluates every argument).
    end: and(
      filled,
      isUntil,
      issued,
      `${until}>=${issue}`,
      `${until}>IF(${issued},EDATE(${issue},${12 * max})-1,0)`,
    ),
  });
  const normal = over(rule.maxYears);
  const short = over(rule.provisionalMaxYears);
  const overCap = [
    { code: "validity.tooLong", max: rule.maxYears, when: and(not(provisional), normal.years) },
    {
      code: "validity.provisionalTooLong",
      max: rule.provisionalMaxYears,
      when: and(provisional, short.years),
    },
    { code: "validity.endTooLate", max: rule.maxYears, when: and(not(provisional), normal.end) },
    {
      code: "validity.provisionalEndTooLate",
      max: rule.provisionalMaxYears,
      when: and(provisional, short.end),
    },
  ];
  for (const o of overCap) add("error", o.code, { max: o.max }, and(not(reason), o.when));
  if (rule.reasonColumn)
    add("warning", "validity.overCapExplained", {}, and(reason, or(...overCap.map((o) => o.when))));
  add("error", "validity.endBeforeIssue", {}, and(filled, isUntil, issued, `${until}<${issue}`));

  if (rule.inForceColumn) {
    const end = `IF(${isYears},IF(AND(${issued},INT(${years})=${years}),EDATE(${issue},12*${years})-1,""),IF(ISNUMBER(${until}),${until},""))`;
    const termEnd = b.helperCell(`validityEnd:${column}`, () => `=${end}`);
    add(
      "error",
      "validity.expiredInForce",
      labelParams("field", header(rule.inForceColumn)),
      and(
        b.hasAssessmentDate,
        `${b.yesNo(rule.inForceColumn)}=1`,
        `ISNUMBER(${termEnd})`,
        `${termEnd}<${b.assessmentDate}`,
      ),
      b.position(rule.inForceColumn),
    );
  }
}
