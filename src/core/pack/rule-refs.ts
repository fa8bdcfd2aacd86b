import type { ColumnType, Input, Rule, ValueSource } from "./schema";
import type { PackPath } from "./problems";

/** A column a rule reads, where in the rule it is named, and the column types that make sense. */
export interface ColumnRef {
  path: PackPath;
  column: string;
  /** Absent: any type. */
  types?: readonly ColumnType[];
}

/** A value a rule takes from outside the row: an input or a ledger count. */
export interface SourceRef {
  path: PackPath;
  source: ValueSource;
  /** Input types that make sense here. */
  inputTypes: readonly Input["type"][];
  /** The path names the input id itself rather than a source object. */
  direct?: boolean;
}

const DATE: readonly ColumnType[] = ["date"];
const COUNT_INPUTS: readonly Input["type"][] = ["integer", "number"];

/** The columns of the row (or record) a rule reads. */
export function ruleColumnRefs(rule: Rule): ColumnRef[] {
  switch (rule.type) {
    case "required":
      return [{ path: ["column"], column: rule.column }];
    case "enum":
      return [{ path: ["column"], column: rule.column, types: ["text", "enum", "yesNo"] }];
    case "date":
      return [{ path: ["column"], column: rule.column, types: DATE }];
    case "dateOrder":
      return rule.columns.map((column, i) => ({ path: ["columns", i], column, types: DATE }));
    case "withinDays":
      return [
        { path: ["from"], column: rule.from, types: DATE },
        { path: ["to"], column: rule.to, types: DATE },
      ];
    case "validity":
      return [
        { path: ["issueDate"], column: rule.issueDate, types: DATE },
        { path: ["validityYears"], column: rule.validityYears, types: ["number", "integer"] },
        ...rule.titleColumns.map((column, i) => ({
          path: ["titleColumns", i],
          column,
          types: ["text", "enum"] as const,
        })),
        ...(rule.reasonColumn ? [{ path: ["reasonColumn"], column: rule.reasonColumn }] : []),
        ...(rule.inForceColumn
          ? [{ path: ["inForceColumn"], column: rule.inForceColumn, types: ["yesNo"] as const }]
          : []),
      ];
    case "requiredReviews":
      return [
        ...rule.reviews.flatMap((review, i): ColumnRef[] => [
          { path: ["reviews", i, "done"], column: review.done, types: ["yesNo"] },
          { path: ["reviews", i, "date"], column: review.date, types: DATE },
          ...(review.notApplicableReason
            ? [{ path: ["reviews", i, "notApplicableReason"], column: review.notApplicableReason }]
            : []),
        ]),
        { path: ["before"], column: rule.before, types: DATE },
      ];
    case "when":
      return [
        { path: ["if", "column"], column: rule.if.column, types: ["text", "enum", "yesNo"] },
        { path: ["then", "column"], column: rule.then.column },
      ];
    case "notExpired":
      return [{ path: ["column"], column: rule.column, types: DATE }];
    default:
      return [];
  }
}

/** The inputs and ledger counts an item-level rule reads, and the 单位类型 input of `appliesTo`. */
export function ruleSourceRefs(rule: Rule): SourceRef[] {
  const applies: SourceRef[] = rule.appliesTo
    ? [
        {
          path: ["appliesTo", "input"],
          source: { input: rule.appliesTo.input },
          inputTypes: ["enum", "text"],
          direct: true,
        },
      ]
    : [];
  return [...ownSourceRefs(rule), ...applies];
}

function ownSourceRefs(rule: Rule): SourceRef[] {
  switch (rule.type) {
    case "ratioAtLeast":
      return [
        { path: ["numerator"], source: rule.numerator, inputTypes: COUNT_INPUTS },
        { path: ["denominator"], source: rule.denominator, inputTypes: COUNT_INPUTS },
      ];
    case "countBetween":
    case "countAtLeast":
      return [{ path: ["source"], source: rule.source, inputTypes: COUNT_INPUTS }];
    case "quarterDeadline":
      return [{ path: ["input"], source: { input: rule.input }, inputTypes: ["date"], direct: true }];
    case "countMatches":
      return [
        { path: ["input"], source: { input: rule.input }, inputTypes: COUNT_INPUTS, direct: true },
        { path: ["source"], source: rule.source, inputTypes: COUNT_INPUTS },
      ];
    case "published":
      return [
        { path: ["date"], source: { input: rule.date }, inputTypes: ["date"], direct: true },
        { path: ["channel"], source: { input: rule.channel }, inputTypes: ["text", "enum"], direct: true },
        ...(rule.after
          ? [{ path: ["after"], source: { input: rule.after }, inputTypes: ["date"] as const, direct: true }]
          : []),
      ];
    default:
      return [];
  }
}
