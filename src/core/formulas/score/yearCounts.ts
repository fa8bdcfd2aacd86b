import type { TablePlacement } from "../../layout/placement";
import type { Rule } from "../../pack/schema";
import type { LedgerRules } from "./itemScore";
import { normalizeText } from "../../values/normalize";
import { columnRange, numberLiteral, textLiteral } from "./refs";

interface YearCountOptions {
  ledgerDateOffset?: (ledgerId: string, columnId: string) => number | undefined;
  ledgerTextOffset?: (ledgerId: string, columnId: string) => number | undefined;
  assessmentYear?: string;
  ledgerLastRow?: (placement: TablePlacement) => number;
}

/**
 * countAtLeast over a ledger's records dated in the 评估年度 (sources.ts resolveSource): COUNTIFS
 * over the records' date helpers, which hold a serial only for a cell read as a date. Without a
 * 评估年度 the count is unknown: not met, and no error (counts.ts). Other item rules: null.
 */
export function ledgerYearCounts(
  placements: readonly TablePlacement[],
  firstColumn: number,
  options: YearCountOptions,
): ((rules: readonly Rule[]) => LedgerRules | null) | null {
  const { ledgerDateOffset, assessmentYear: year } = options;
  if (!ledgerDateOffset || !year) return null;
  return (rules) => {
    const met: string[] = [];
    const errors: string[] = [];
    for (const rule of rules) {
      if (rule.type !== "countAtLeast" || rule.appliesTo) return null;
      const source = rule.source;
      if (!("ledger" in source) || source.orInput || !source.inAssessmentYear) return null;
      const placement = placements.find((p) => p.table.key === `ledger:${source.ledger}`);
      const offset = ledgerDateOffset(source.ledger, source.inAssessmentYear);
      if (!placement || offset === undefined) return null;
      const rangeAt = (at: number) =>
        columnRange(
          placement.table.sheet,
          firstColumn + at,
          placement.firstDataRow,
          options.ledgerLastRow?.(placement) ?? placement.lastFormattedRow,
        );
      const range = rangeAt(offset);
      const inYear = `${range},">="&DATE(${year},1,1),${range},"<"&DATE(${year}+1,1,1)`;
      let count = `COUNTIFS(${inYear})`;
      if (source.where) {
        const where = source.where;
        const column = placement.table.columns.find((c) => c.id === where.column);
        const text = options.ledgerTextOffset?.(source.ledger, where.column);
        // The normalised text (A's helper) equals a value: COUNTIFS reads * ? ~ and a leading
        // comparison as patterns, and a yes/no column matches by answer, so those stay out.
        if (!column || column.type === "yesNo" || text === undefined) return null;
        const values = [...new Set(where.equals.map(normalizeText))];
        if (values.some((v) => v === "" || /[*?~]|^[=<>]|^[-+.\d]/.test(v))) return null;
        count = `(${values.map((v) => `COUNTIFS(${rangeAt(text)},${textLiteral(v)},${inYear})`).join("+")})`;
      }
      const min = numberLiteral(rule.min);
      met.push(`IF(ISNUMBER(${year}),${count}>=${min},FALSE)`);
      errors.push(`IF(ISNUMBER(${year}),${count}<${min},FALSE)`);
    }
    if (met.length === 0) return null;
    return {
      met: met.length === 1 ? (met[0] as string) : `AND(${met.join(",")})`,
      error: errors.length === 1 ? (errors[0] as string) : `OR(${errors.join(",")})`,
    };
  };
}
