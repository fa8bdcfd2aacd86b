import { parse, stringify } from "yaml";
import type { Rule } from "../schema";

/**
 * The 规则 cell: one rule a line, its type then its parameters as a YAML flow map, e.g.
 * `required {column: name}` or `countAtLeast {source: {input: legalStaff}, min: 2}`. A bare type
 * (`evidenceRequired`) is a rule without parameters. Readable and editable in a cell, and exact.
 */
export function rulesText(rules: readonly Rule[]): string {
  return rules.map(ruleLine).join("\n");
}

function ruleLine(rule: Rule): string {
  // The basis and its note read best after the rule's own parameters.
  const { type, basis, note, ...own } = rule;
  const params = { ...own, ...(basis ? { basis } : {}), ...(note ? { note } : {}) };
  if (Object.keys(params).length === 0) return type;
  const flow = stringify(params, {
    collectionStyle: "flow",
    flowCollectionPadding: false,
    lineWidth: 0,
  }).trim();
  return `${type} ${flow}`;
}

export type RuleLine =
  | { ok: true; line: number; rule: Record<string, unknown> }
  | { ok: false; line: number; text: string; detail: string };

/** Each non-blank line of a 规则 cell as rule data (left to the pack schema to judge), or why not. */
export function parseRulesText(text: string): RuleLine[] {
  const out: RuleLine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const match = /^([A-Za-z][A-Za-z0-9_]*)\s*(\{.*\})?$/s.exec(line);
    if (!match) {
      out.push({ ok: false, line: index + 1, text: line, detail: "" });
      return;
    }
    const type = match[1] ?? "";
    if (!match[2]) {
      out.push({ ok: true, line: index + 1, rule: { type } });
      return;
    }
    try {
      const params: unknown = parse(match[2]);
      if (params === null || typeof params !== "object" || Array.isArray(params)) {
        out.push({ ok: false, line: index + 1, text: line, detail: "" });
        return;
      }
      out.push({ ok: true, line: index + 1, rule: { type, ...(params as Record<string, unknown>) } });
    } catch (error) {
      const detail = error instanceof Error ? (error.message.split("\n")[0] ?? "") : "";
      out.push({ ok: false, line: index + 1, text: line, detail });
    }
  });
  return out;
}
