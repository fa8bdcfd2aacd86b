import type { z } from "zod";
import { problem, type PackPath, type PackProblem } from "./problems";

type Issue = z.core.$ZodIssue;

/**
 * Regex sources of the schema's string formats, so a bad id or date gets a message that says what
 * was expected rather than a pattern. A test keeps this in step with the schema.
 */
export const FORMAT_PATTERNS: Readonly<Record<string, string>> = {
  "^[A-Za-z][A-Za-z0-9_]*$": "identifier",
  "^\\d{4}-\\d{2}-\\d{2}$": "date",
  "^\\d{2}-\\d{2}$": "month_day",
  "^[A-Z][A-Za-z0-9]*(\\.[0-9A-Za-z]+)+$": "item_id",
  "^G[0-9A-Za-z.]+$": "group_id",
  "^[a-z][a-z0-9-]*$": "pack_id",
  "^\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.]+)?$": "semver",
  "^[^[\\]:*?/\\\\]+$": "sheet_name",
};

/** Zod's issues as pack problems with message-free params. `base` is where the parsed value sits. */
export function problemsFromZod(issues: readonly Issue[], base: PackPath = []): PackProblem[] {
  return issues.flatMap((issue) => fromIssue(issue, [...base, ...issue.path.map(pathKey)]));
}

function fromIssue(issue: Issue, path: PackPath): PackProblem[] {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case "invalid_type":
      if (issue.expected === "int") return [problem("schema.not_integer", path, { received: show(input) })];
      if (input === undefined) return [problem("schema.required", path, { expected: issue.expected })];
      return [problem("schema.invalid_type", path, { expected: issue.expected, received: typeName(input) })];
    case "too_small":
      if (issue.origin === "string") return [problem("schema.empty", path)];
      if (issue.origin === "array")
        return [problem("schema.too_few", path, { minimum: Number(issue.minimum) })];
      return [
        problem(issue.inclusive === false ? "schema.number_not_above" : "schema.number_below", path, {
          minimum: Number(issue.minimum),
        }),
      ];
    case "too_big":
      if (issue.origin === "string")
        return [problem("schema.text_too_long", path, { maximum: Number(issue.maximum) })];
      if (issue.origin === "array")
        return [problem("schema.too_many", path, { maximum: Number(issue.maximum) })];
      return [problem("schema.number_above", path, { maximum: Number(issue.maximum) })];
    case "invalid_format": {
      const pattern =
        "pattern" in issue && typeof issue.pattern === "string" ? stripSlashes(issue.pattern) : "";
      const format = FORMAT_PATTERNS[pattern];
      return format
        ? [problem(`schema.format.${format}` as PackProblem["code"], path, { value: show(input) })]
        : [problem("schema.format.other", path, { value: show(input), pattern: pattern || issue.format })];
    }
    case "invalid_value":
      return [
        problem("schema.invalid_value", path, {
          expected: issue.values.map(String).join(" / "),
          received: show(input),
        }),
      ];
    case "invalid_union":
      if (issue.errors.length === 0 && issue.discriminator) {
        return [
          problem("schema.unknown_rule_type", path, {
            expected: ("options" in issue ? (issue.options ?? []) : []).map(String).join(" / "),
            received: show(discriminatorValue(input, issue.discriminator)),
          }),
        ];
      }
      return fromUnion(issue.errors, path);
    case "unrecognized_keys":
      return issue.keys.map((key) => problem("schema.unknown_key", [...path, key], { key }));
    default:
      return [problem("schema.invalid", path, { zodCode: issue.code })];
  }
}

/**
 * A plain union (a value source) failed every branch. Report the branch the author most likely
 * meant: the one that is not missing its keys. Branch issue paths are relative to the union.
 */
function fromUnion(branches: readonly (readonly Issue[])[], unionPath: PackPath): PackProblem[] {
  let best: readonly Issue[] | undefined;
  let bestScore = Infinity;
  for (const branch of branches) {
    const missing = branch.filter(
      (i) => i.code === "invalid_type" && (i as { input?: unknown }).input === undefined,
    ).length;
    const score = missing * 100 + branch.length;
    if (score < bestScore) {
      best = branch;
      bestScore = score;
    }
  }
  return best
    ? problemsFromZod(best, unionPath)
    : [problem("schema.invalid", unionPath, { zodCode: "invalid_union" })];
}

function pathKey(key: PropertyKey): string | number {
  return typeof key === "number" ? key : String(key);
}

function stripSlashes(pattern: string): string {
  const m = /^\/(.*)\/[a-z]*$/s.exec(pattern);
  return m?.[1] ?? pattern;
}

function discriminatorValue(input: unknown, key: string): unknown {
  return input !== null && typeof input === "object" ? (input as Record<string, unknown>)[key] : undefined;
}

/** JSON type of a value, as pack authors know the types. */
export function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** A short rendering of a bad value for a message. */
function show(value: unknown): string {
  if (typeof value === "string") return value.length > 40 ? `${value.slice(0, 40)}…` : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return typeName(value);
}
