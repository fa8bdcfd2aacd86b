import type { TablePlacement } from "../../layout/placement";
import type { Item, Rule, ValueSource } from "../../pack/schema";
import type { LedgerRules } from "./itemScore";
import { normalizeText } from "../../values/normalize";
import { ruleSkipped, type RuleInputs } from "./itemRules";
import { columnRange, numberLiteral, textLiteral } from "./refs";

interface YearCountOptions {
  ledgerDateOffset?: (ledgerId: string, columnId: string) => number | undefined;
  ledgerTextOffset?: (ledgerId: string, columnId: string) => number | undefined;
  ledgerYesNoOffset?: (ledgerId: string, columnId: string) => number | undefined;
  assessmentDate?: string;
  assessmentYear?: string;
  ledgerLastRow?: (placement: TablePlacement) => number;
}

/** What the item's rules are compiled against: its 待完成 formula and the 基本信息 cells. */
export interface LedgerRuleEnv {
  /** TRUE while the item's due date is after the assessment date: rule hits are warnings then. */
  pending: string;
  inputs?: RuleInputs;
  /** The item has its own record count helper (a ledger item): a ratio may fall back on an input. */
  ownRecords: boolean;
  /** The item's due date, when it has one. */
  due?: Item["due"];
}

/** The rules as formulas, given the cell holding the item's record count. */
export type LedgerRulesAt = (records: string) => LedgerRules;

export type LedgerRuleCompiler = (rules: readonly Rule[], env: LedgerRuleEnv) => LedgerRulesAt | null;

/** One rule: met, a hit that is an error (a warning while 待完成), an error on an input it reads. */
interface Parts {
  met: string;
  ruleError: string;
  inputError: string;
}

/**
 * Item-level rules over a ledger's records (sources.ts resolveSource): countAtLeast over records
 * dated in the 评估年度, optionally of one kind; ratioAtLeast of records of one answer to a typed
 * figure (the figure on 基本信息 standing in while the ledger is empty), with its `by` date; and
 * countMatches, which only ever warns. A rule bound to other unit types is left out (applies.ts).
 * Without a 评估年度 a yearly count is unknown: not met, and no error (counts.ts). Others: null.
 */
export function ledgerYearCounts(
  placements: readonly TablePlacement[],
  firstColumn: number,
  options: YearCountOptions,
): LedgerRuleCompiler | null {
  const { ledgerDateOffset, assessmentYear: year } = options;
  if (!ledgerDateOffset || !year) return null;
  const placementOf = (ledgerId: string) => placements.find((p) => p.table.key === `ledger:${ledgerId}`);
  const rangeAt = (placement: TablePlacement, at: number): string =>
    columnRange(
      placement.table.sheet,
      firstColumn + at,
      placement.firstDataRow,
      options.ledgerLastRow?.(placement) ?? placement.lastFormattedRow,
    );

  /** COUNTIFS criteria for the records a ledger source counts: one set per `where` value, or null. */
  const whereCriteria = (source: Extract<ValueSource, { ledger: string }>): string[][] | null => {
    const placement = placementOf(source.ledger);
    if (!placement) return null;
    if (!source.where) return [[]];
    const where = source.where;
    const column = placement.table.columns.find((c) => c.id === where.column);
    if (!column) return null;
    if (column.type === "yesNo") {
      // By answer (√ matches 是): the yes/no helper holds 1 for a yes.
      const helper = options.ledgerYesNoOffset?.(source.ledger, where.column);
      const answers = new Set(where.equals.map((e) => normalizeText(e)));
      if (helper === undefined || answers.size !== 1 || !answers.has("是")) return null;
      return [[`${rangeAt(placement, helper)},1`]];
    }
    const text = options.ledgerTextOffset?.(source.ledger, where.column);
    // The normalised text (A's helper) equals a value: COUNTIFS reads * ? ~ and a leading
    // comparison as patterns, so those stay out.
    if (text === undefined) return null;
    const values = [...new Set(where.equals.map(normalizeText))];
    if (values.some((v) => v === "" || /[*?~]|^[=<>]|^[-+.\d]/.test(v))) return null;
    return values.map((v) => [`${rangeAt(placement, text)},${textLiteral(v)}`]);
  };

  /** The number of records a ledger source counts, or null when it cannot be a formula. */
  const ledgerCount = (source: Extract<ValueSource, { ledger: string }>): string | null => {
    const placement = placementOf(source.ledger);
    const sets = whereCriteria(source);
    if (!placement || sets === null) return null;
    const inYear: string[] = [];
    if (source.inAssessmentYear) {
      const offset = ledgerDateOffset(source.ledger, source.inAssessmentYear);
      if (offset === undefined) return null;
      const range = rangeAt(placement, offset);
      inYear.push(`${range},">="&DATE(${year},1,1)`, `${range},"<"&DATE(${year}+1,1,1)`);
    }
    const counts = sets.map((set) => [...set, ...inYear]);
    if (counts.some((c) => c.length === 0)) return null;
    const each = counts.map((c) => `COUNTIFS(${c.join(",")})`);
    return each.length === 1 ? (each[0] as string) : `(${each.join("+")})`;
  };

  return (rules, env) => {
    const parts: ((records: string) => Parts)[] = [];
    for (const rule of rules) {
      const one = ruleParts(rule, env);
      if (one === null) return null;
      const skipped = rule.appliesTo ? (env.inputs ? ruleSkipped(rule, env.inputs) : null) : "FALSE";
      if (skipped === null) return null;
      const unless = (expr: string, value: string): string =>
        skipped === "FALSE" || expr === "FALSE" ? expr : `IF(${skipped},${value},${expr})`;
      parts.push((records) => {
        const p = one(records);
        return {
          met: unless(p.met, "TRUE"),
          ruleError: unless(p.ruleError, "FALSE"),
          inputError: unless(p.inputError, "FALSE"),
        };
      });
    }
    if (parts.length === 0) return null;
    return (records) => {
      const all = parts.map((p) => p(records));
      const met = all.map((p) => p.met).filter((m) => m !== "TRUE");
      const hits = all.map((p) => p.ruleError).filter((e) => e !== "FALSE");
      const inputs = all.map((p) => p.inputError).filter((e) => e !== "FALSE");
      const hit =
        hits.length === 0 ? "FALSE" : hits.length === 1 ? (hits[0] as string) : `OR(${hits.join(",")})`;
      // check.ts: before the due date a rule's error is a reminder (warning), not a failure.
      const shown = env.pending === "FALSE" || hit === "FALSE" ? hit : `IF(${env.pending},FALSE,${hit})`;
      const errors = [...inputs, ...(shown === "FALSE" ? [] : [shown])];
      return {
        met: met.length === 0 ? "TRUE" : met.length === 1 ? (met[0] as string) : `AND(${met.join(",")})`,
        error:
          errors.length === 0
            ? "FALSE"
            : errors.length === 1
              ? (errors[0] as string)
              : `OR(${errors.join(",")})`,
      };
    };
  };

  function ruleParts(rule: Rule, env: LedgerRuleEnv): ((records: string) => Parts) | null {
    if (rule.type === "countMatches") {
      // A warning at most (countMatches.ts): never met = false, never an error.
      return () => ({ met: "TRUE", ruleError: "FALSE", inputError: "FALSE" });
    }
    if (rule.type === "countAtLeast") {
      const source = rule.source;
      if (!("ledger" in source) || source.orInput || !source.inAssessmentYear) return null;
      const count = ledgerCount(source);
      if (count === null) return null;
      const min = numberLiteral(rule.min);
      return () => ({
        met: `IF(ISNUMBER(${year}),${count}>=${min},FALSE)`,
        ruleError: `IF(ISNUMBER(${year}),${count}<${min},FALSE)`,
        inputError: "FALSE",
      });
    }
    if (rule.type === "ratioAtLeast") return ratioParts(rule, env);
    return null;
  }

  /**
   * ratioAtLeast.ts with a ledger numerator: unknown (not met, silent) when either side has no
   * number; a zero denominator or a shortfall is an error, a warning before `by` (check.ts turns
   * it so while the item is 待完成, and an item whose due date is `by` is exactly that).
   */
  function ratioParts(rule: Extract<Rule, { type: "ratioAtLeast" }>, env: LedgerRuleEnv) {
    const { numerator, denominator } = rule;
    const inputs = env.inputs;
    if (!inputs || !("ledger" in numerator) || !("input" in denominator)) return null;
    if (numerator.inAssessmentYear || (numerator.orInput && !env.ownRecords)) return null;
    const b = inputs.number(denominator.input);
    const fallback = numerator.orInput ? inputs.number(numerator.orInput) : undefined;
    const count = ledgerCount(numerator);
    if (!b || count === null || (numerator.orInput && !fallback)) return null;
    // The ratio's own date must be the item's due date: only then is `pending` its warning window.
    if (rule.by && (rule.by !== env.due || env.pending === "FALSE")) return null;
    const min = numberLiteral(rule.min);
    return (records: string): Parts => {
      const a = fallback ? `IF(${records}=0,${fallback},${count})` : count;
      const known = fallback
        ? `AND(ISNUMBER(${b}),OR(${records}>0,ISNUMBER(${fallback})))`
        : `ISNUMBER(${b})`;
      const reached = `${a}/${b}+1E-9>=${min}`;
      return {
        met: `IF(${known},IF(${b}=0,FALSE,${reached}),FALSE)`,
        ruleError: `IF(${known},IF(${b}=0,TRUE,NOT(${reached})),FALSE)`,
        // A blank or unreadable denominator typed on 基本信息 is an error of its own (countedInputs).
        inputError: `NOT(ISNUMBER(${b}))`,
      };
    };
  }
}
