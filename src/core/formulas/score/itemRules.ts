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
