import { CHECKLIST_COLUMNS, VETO_COLUMNS, type ColumnLayout } from "../layout/columns";
import type { Indexed, PackParts } from "./parts";
import { problem, type PackPath, type PackProblem } from "./problems";
import { ruleColumnRefs, ruleSourceRefs, type SourceRef } from "./rule-refs";
import type { ColumnType, Input, Item, Ledger, Rule } from "./schema";

interface Table {
  /** How the table is named in messages: "checklist", "veto" or the ledger id. */
  name: string;
  columns: ReadonlyMap<string, ColumnType>;
}

const userColumns = (columns: readonly ColumnLayout[]): ReadonlyMap<string, ColumnType> =>
  new Map(columns.filter((c) => !c.fixed && !c.output).map((c) => [c.id, c.type]));

const CHECKLIST: Table = { name: "checklist", columns: userColumns(CHECKLIST_COLUMNS) };
const VETO: Table = { name: "veto", columns: userColumns(VETO_COLUMNS) };

/** Every column, input and ledger a rule names exists and has a type the rule can read. */
export function checkReferences(parts: PackParts): PackProblem[] {
  const ledgers = firstById(parts.ledgers.parts.map((l) => l.value));
  const inputs = firstById(parts.inputs.parts.map((i) => i.value));
  const out: PackProblem[] = [];
  for (const group of parts.groups) {
    for (const entry of group.items) {
      const at = ["groups", group.index, "items", entry.index];
      const table = tableOf(entry.value, ledgers);
      entry.value.rules.forEach((rule, r) => {
        const path = [...at, "rules", r];
        if (table) out.push(...checkColumns(entry, rule, path, table));
        for (const ref of ruleSourceRefs(rule)) {
          out.push(
            ...checkSource(entry.value, rule, [...path, ...ref.path], ref, { parts, ledgers, inputs }),
          );
        }
      });
    }
  }
  return out;
}

/** A duplicate id is reported once, where it is declared; references resolve to the first. */
function firstById<T extends { id: string }>(values: readonly T[]): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const value of values) if (!map.has(value.id)) map.set(value.id, value);
  return map;
}

function tableOf(item: Item, ledgers: ReadonlyMap<string, Ledger>): Table | undefined {
  if (item.kind === "veto") return VETO;
  if (item.kind !== "ledger") return CHECKLIST;
  const ledger = item.ledger === undefined ? undefined : ledgers.get(item.ledger);
  // An unknown or malformed ledger is reported once, on the item; its columns cannot be checked.
  if (!ledger) return undefined;
  const columns = new Map<string, ColumnType>();
  for (const c of ledger.columns) if (!columns.has(c.id)) columns.set(c.id, c.type);
  return { name: ledger.id, columns };
}

function checkColumns(entry: Indexed<Item>, rule: Rule, path: PackPath, table: Table): PackProblem[] {
  const out: PackProblem[] = [];
  for (const ref of ruleColumnRefs(rule)) {
    const params = { item: entry.value.id, rule: rule.type, column: ref.column };
    const type = table.columns.get(ref.column);
    if (type === undefined) {
      out.push(problem("rule.unknown_column", [...path, ...ref.path], { ...params, table: table.name }));
    } else if (ref.types && !ref.types.includes(type)) {
      out.push(
        problem("rule.column_type", [...path, ...ref.path], {
          ...params,
          expected: ref.types.join(" / "),
          actual: type,
        }),
      );
    }
  }
  return out;
}

interface Known {
  parts: PackParts;
  ledgers: ReadonlyMap<string, Ledger>;
  inputs: ReadonlyMap<string, Input>;
}

function checkSource(item: Item, rule: Rule, path: PackPath, ref: SourceRef, known: Known): PackProblem[] {
  const base = { item: item.id, rule: rule.type };
  const source = ref.source;
  if ("input" in source) {
    const input = known.inputs.get(source.input);
    const idPath = ref.direct ? path : [...path, "input"];
    if (!input) {
      return known.parts.inputs.complete
        ? [problem("source.unknown_input", idPath, { ...base, input: source.input })]
        : [];
    }
    return ref.inputTypes.includes(input.type)
      ? []
      : [
          problem("source.input_type", idPath, {
            ...base,
            input: input.id,
            expected: ref.inputTypes.join(" / "),
            actual: input.type,
          }),
        ];
  }
  const ledger = known.ledgers.get(source.ledger);
  if (!ledger) {
    return known.parts.ledgers.complete
      ? [problem("source.unknown_ledger", [...path, "ledger"], { ...base, ledger: source.ledger })]
      : [];
  }
  const out: PackProblem[] = [];
  const columnCheck = (column: string, columnPath: PackPath, types?: readonly ColumnType[]): void => {
    const found = ledger.columns.find((c) => c.id === column);
    const params = { ...base, ledger: ledger.id, column };
    if (!found) out.push(problem("source.unknown_column", columnPath, params));
    else if (types && !types.includes(found.type)) {
      out.push(
        problem("source.column_type", columnPath, {
          ...params,
          expected: types.join(" / "),
          actual: found.type,
        }),
      );
    }
  };
  if (source.where) columnCheck(source.where.column, [...path, "where", "column"]);
  if (source.inAssessmentYear !== undefined) {
    columnCheck(source.inAssessmentYear, [...path, "inAssessmentYear"], ["date"]);
  }
  return out;
}
