import type { Rule, ValueSource } from "../../pack/schema";
import { cleanText, foldFullWidth } from "./blank";
import { numberLiteral, textArray } from "./refs";

/** The cell holding a 基本信息 input as the core reads it: a number, or anything else when it does not. */
export type InputCell = (inputId: string) => string | undefined;

/** What an item's rules read on 基本信息 besides figures: the 单位类型 by its defined name. */
export interface RuleInputs {
  number: InputCell;
  /** Defined name of an input's value cell (TZ_unitType). */
  name: (inputId: string) => string | undefined;
  /** The dropdown values of an enum input (单位类型). */
  values: (inputId: string) => readonly string[] | undefined;
  /** A 基本信息 date input as the core reads it: its serial, "" blank, anything else unreadable. */
  date?: InputCell;
}

/**
 * TRUE when the unit type reads as one of its values and the rule does not name it: the rule binds
 * other bodies (applies.ts splitByUnitType). A blank or unreadable unit type binds every rule.
 */
export function ruleSkipped(rule: Rule, inputs: RuleInputs): string | null {
  const applies = rule.appliesTo;
  if (!applies) return "FALSE";
  const name = inputs.name(applies.input);
  const values = inputs.values(applies.input);
  if (!name || !values) return null;
  const named = new Set(applies.values.map((v) => v.trim()));
  const others = values.filter((v) => !named.has(v.trim()));
  if (others.length === 0) return "FALSE";
  // EXACT: the core compares the normalised text case and all (values.ts parseEnum).
  return `OR(EXACT(${foldFullWidth(cleanText(name), values)},${textArray(others)}))`;
}

const inputOf = (source: ValueSource): string | undefined => ("input" in source ? source.input : undefined);

/**
 * TRUE when every item-level rule is met, as a formula; null when one cannot be compiled (a count of
 * ledger records, a deadline). Only rules over 基本信息 figures compile: for them "not met" and "an
 * error charged to the item" coincide, as a blank or unreadable counted input is an error itself
 * (check.ts countedInputs) and a shortfall is one (counts.ts, ratioAtLeast.ts without `by`).
 */
export function itemRulesMet(rules: readonly Rule[], inputs: RuleInputs): string | null {
  const parts: string[] = [];
  for (const rule of rules) {
    const part = ruleMet(rule, inputs.number);
    const skipped = ruleSkipped(rule, inputs);
    if (part === null || skipped === null) return null;
    // A rule that binds other bodies is left out of the item's rules.
    parts.push(skipped === "FALSE" ? part : `IF(${skipped},TRUE,${part})`);
  }
  return parts.length === 0 ? "TRUE" : parts.length === 1 ? (parts[0] as string) : `AND(${parts.join(",")})`;
}

function ruleMet(rule: Rule, cell: InputCell): string | null {
  const ref = (source: ValueSource): string | undefined => {
    const input = inputOf(source);
    return input === undefined ? undefined : cell(input);
  };
  // IF, not AND: AND evaluates every argument, and text in a comparison or a division is an error.
  switch (rule.type) {
    case "countAtLeast": {
      const n = ref(rule.source);
      return n ? `IF(ISNUMBER(${n}),${n}>=${numberLiteral(rule.min)},FALSE)` : null;
    }
    case "countBetween": {
      const n = ref(rule.source);
      return n
        ? `IF(ISNUMBER(${n}),AND(${n}>=${numberLiteral(rule.min)},${n}<=${numberLiteral(rule.max)}),FALSE)`
        : null;
    }
    case "ratioAtLeast": {
      // With `by`, a shortfall before the date is a warning: that needs the assessment date.
      const a = ref(rule.numerator);
      const b = ref(rule.denominator);
      if (!a || !b || rule.by) return null;
      // The core's 1e-9 slack, so that 1/3 meets a 1/3 threshold.
      return `IF(AND(ISNUMBER(${a}),ISNUMBER(${b})),IF(${b}=0,FALSE,${a}/${b}+1E-9>=${numberLiteral(rule.min)}),FALSE)`;
    }
    default:
      return null;
  }
}

/** Cells of the assessment date and 评估年度 (numbers when the core has them). */
export interface RuleDates {
  date: string;
  year: string;
}

/** An item's rules over 基本信息 as formulas: all met, and an error charged to the item. */
export interface RulesOutcome {
  met: string;
  error: string;
}

const orOf = (parts: readonly string[]): string =>
  parts.length === 0 ? "FALSE" : parts.length === 1 ? (parts[0] as string) : `OR(${parts.join(",")})`;
const andOf = (parts: readonly string[]): string =>
  parts.length === 0 ? "TRUE" : parts.length === 1 ? (parts[0] as string) : `AND(${parts.join(",")})`;

/** One rule: met, a hit of the rule that is an error (a warning while 待完成), an error on its input. */
interface RuleParts {
  met: string;
  ruleError: string;
  inputError: string;
}

/**
 * Item-level rules over 基本信息 figures and dates (check.ts checkItem) with the errors they charge
 * to the item: the rules' own hits, which a due date not yet reached turns into warnings
 * (`pending`), and the findings on the inputs they read (an unreadable date, one after the
 * assessment date, a blank counted figure), which it does not. Null when a rule cannot be compiled.
 */
export function indicatorRules(
  rules: readonly Rule[],
  inputs: RuleInputs,
  dates: RuleDates | undefined,
  pending: string,
): RulesOutcome | null {
  const met: string[] = [];
  const ruleErrors: string[] = [];
  const inputErrors: string[] = [];
  for (const rule of rules) {
    const parts = ruleParts(rule, inputs, dates);
    const skipped = ruleSkipped(rule, inputs);
    if (parts === null || skipped === null) return null;
    // A rule that binds other bodies is left out, with the inputs it reads (check.ts referencedInputs).
    const unless = (expr: string, value: string): string =>
      skipped === "FALSE" || expr === "FALSE" ? expr : `IF(${skipped},${value},${expr})`;
    met.push(unless(parts.met, "TRUE"));
    ruleErrors.push(unless(parts.ruleError, "FALSE"));
    inputErrors.push(unless(parts.inputError, "FALSE"));
  }
  const hits = orOf(ruleErrors.filter((e) => e !== "FALSE"));
  const shown = pending === "FALSE" || hits === "FALSE" ? hits : `IF(${pending},FALSE,${hits})`;
  return {
    met: andOf(met),
    error: orOf([
      ...new Set(inputErrors.filter((e) => e !== "FALSE")),
      ...(shown === "FALSE" ? [] : [shown]),
    ]),
  };
}

function ruleParts(rule: Rule, inputs: RuleInputs, dates: RuleDates | undefined): RuleParts | null {
  const number = (source: ValueSource): string | undefined => {
    const input = inputOf(source);
    return input === undefined ? undefined : inputs.number(input);
  };
  const missing = (n: string): string => `NOT(ISNUMBER(${n}))`;
  switch (rule.type) {
    case "countAtLeast": {
      const n = number(rule.source);
      if (!n) return null;
      const min = numberLiteral(rule.min);
      return {
        met: `IF(ISNUMBER(${n}),${n}>=${min},FALSE)`,
        ruleError: `IF(ISNUMBER(${n}),${n}<${min},FALSE)`,
        inputError: missing(n),
      };
    }
    case "countBetween": {
      const n = number(rule.source);
      if (!n) return null;
      const within = `AND(${n}>=${numberLiteral(rule.min)},${n}<=${numberLiteral(rule.max)})`;
      return {
        met: `IF(ISNUMBER(${n}),${within},FALSE)`,
        ruleError: `IF(ISNUMBER(${n}),NOT(${within}),FALSE)`,
        inputError: missing(n),
      };
    }
    case "ratioAtLeast": {
      const a = number(rule.numerator);
      const b = number(rule.denominator);
      if (!a || !b || rule.by) return null;
      const known = `AND(ISNUMBER(${a}),ISNUMBER(${b}))`;
      const reached = `${a}/${b}+1E-9>=${numberLiteral(rule.min)}`;
      return {
        met: `IF(${known},IF(${b}=0,FALSE,${reached}),FALSE)`,
        ruleError: `IF(${known},IF(${b}=0,TRUE,NOT(${reached})),FALSE)`,
        inputError: `OR(${missing(a)},${missing(b)})`,
      };
    }
    case "quarterDeadline":
      return quarterDeadlineParts(rule, inputs, dates);
    case "published":
      return publishedParts(rule, inputs);
    default:
      return null;
  }
}

/**
 * quarterDeadline.ts: the input dated from 1 January of the 评估年度 to the quarter's end and not
 * after the assessment date. Without both dates the rule is unknown and says nothing. A blank
 * date, or one of an earlier year, is an error once the quarter has passed; a late one always.
 */
function quarterDeadlineParts(
  rule: Extract<Rule, { type: "quarterDeadline" }>,
  inputs: RuleInputs,
  dates: RuleDates | undefined,
): RuleParts | null {
  const r = inputs.date?.(rule.input);
  if (!r || !dates) return null;
  const { date: d, year: y } = dates;
  const month = rule.quarter * 3;
  const end = `DATE(${y},${month},${month === 3 || month === 12 ? 31 : 30})`;
  const start = `DATE(${y},1,1)`;
  const known = `AND(ISNUMBER(${d}),ISNUMBER(${y}))`;
  const passed = `${d}>${end}`;
  return {
    met: `IF(${known},IF(ISNUMBER(${r}),AND(${r}<=${d},${r}>=${start},${r}<=${end}),FALSE),FALSE)`,
    ruleError: `IF(${known},IF(ISNUMBER(${r}),IF(${r}>${d},FALSE,IF(${r}<${start},${passed},${r}>${end})),IF(${r}="",${passed},FALSE)),FALSE)`,
    // check.ts: an unreadable date, or one after the assessment date, is an error on the input.
    inputError: `IF(ISNUMBER(${r}),IF(ISNUMBER(${d}),${r}>${d},FALSE),${r}<>"")`,
  };
}

/**
 * published.ts: a 公开日期 and a 公开渠道, the date not before the report's. An unreadable 公开日期
 * leaves the rule unknown and silent (its own finding is not the item's: no rule counts it).
 */
function publishedParts(rule: Extract<Rule, { type: "published" }>, inputs: RuleInputs): RuleParts | null {
  const p = inputs.date?.(rule.date);
  const channelName = inputs.name(rule.channel);
  const r = rule.after ? inputs.date?.(rule.after) : undefined;
  if (!p || !channelName || (rule.after && !r)) return null;
  const channel = `LEN(${cleanText(channelName)})>0`;
  const before = r ? `IF(AND(ISNUMBER(${p}),ISNUMBER(${r})),${p}<${r},FALSE)` : "FALSE";
  return {
    met: `IF(ISNUMBER(${p}),AND(${channel},NOT(${before})),FALSE)`,
    ruleError: `IF(OR(ISNUMBER(${p}),${p}=""),OR(NOT(ISNUMBER(${p})),NOT(${channel}),${before}),FALSE)`,
    inputError: "FALSE",
  };
}
