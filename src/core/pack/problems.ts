import type { Pack } from "./schema";

/** A location inside the pack data: object keys and array indexes from the root. */
export type PackPath = readonly (string | number)[];

/**
 * One thing wrong with a pack, as data. Text comes from src/i18n by key `pack.<code>`; params fill
 * the message. Nothing here builds a sentence.
 */
export interface PackProblem {
  code: PackProblemCode;
  path: PackPath;
  params: Readonly<Record<string, string | number>>;
}

export type PackLoadResult = { ok: true; pack: Pack } | { ok: false; problems: PackProblem[] };

/** Every code a pack problem can have, with the params its message may use. */
export const PACK_PROBLEM_PARAMS = {
  // Shape (from the schema).
  "schema.required": ["expected"],
  "schema.invalid_type": ["expected", "received"],
  "schema.not_integer": ["received"],
  "schema.empty": [],
  "schema.too_few": ["minimum"],
  "schema.too_many": ["maximum"],
  "schema.text_too_long": ["maximum"],
  "schema.number_below": ["minimum"],
  "schema.number_not_above": ["minimum"],
  "schema.number_above": ["maximum"],
  "schema.invalid_value": ["expected", "received"],
  "schema.unknown_rule_type": ["expected", "received"],
  "schema.unknown_key": ["key"],
  "schema.invalid": ["zodCode"],
  "schema.format.identifier": ["value"],
  "schema.format.date": ["value"],
  "schema.format.month_day": ["value"],
  "schema.format.item_id": ["value"],
  "schema.format.group_id": ["value"],
  "schema.format.pack_id": ["value"],
  "schema.format.semver": ["value"],
  "schema.format.sheet_name": ["value"],
  "schema.format.other": ["value", "pattern"],
  // Meaning (checks the schema cannot express).
  "date.invalid": ["value"],
  "item.duplicate_id": ["id", "first"],
  "group.duplicate_id": ["id", "first"],
  "ledger.duplicate_id": ["id", "first"],
  "input.duplicate_id": ["id", "first"],
  "input.reserved_id": ["id"],
  "column.duplicate_id": ["ledger", "id", "first"],
  "band.duplicate_id": ["id", "first"],
  "review.duplicate_id": ["item", "id"],
  "sheet.duplicate": ["sheet", "first"],
  "sheet.reserved": ["sheet"],
  "sheet.invalid_name": ["sheet"],
  "band.not_descending": ["id", "min", "previous"],
  "band.last_not_zero": ["id", "min"],
  "column.enum_without_values": ["ledger", "column"],
  "column.values_unexpected": ["ledger", "column", "type"],
  "points.sum_mismatch": ["sum", "total"],
  "item.veto_points": ["item", "points"],
  "item.scoring_unexpected": ["item", "kind"],
  "basis.local_without_note": [],
  "band.pass_unknown": ["band"],
  "settings.pack_mismatch": ["pack", "expected"],
  "settings.unknown_item": ["item"],
  "settings.unknown_band": ["band"],
  "settings.unknown_rule": ["item", "rule"],
  "settings.unknown_parameter": ["rule", "parameter", "allowed"],
  "settings.unreadable": ["detail"],
  "item.ledger_missing": ["item"],
  "item.ledger_unknown": ["item", "ledger"],
  "item.ledger_unexpected": ["item", "kind"],
  "item.indicator_without_rule": ["item"],
  "rule.misplaced": ["item", "rule", "kind"],
  "rule.unknown_column": ["item", "rule", "column", "table"],
  "rule.column_type": ["item", "rule", "column", "expected", "actual"],
  "rule.count_range": ["item", "min", "max"],
  "source.unknown_input": ["item", "rule", "input"],
  "source.input_type": ["item", "rule", "input", "expected", "actual"],
  "source.unknown_ledger": ["item", "rule", "ledger"],
  "source.unknown_column": ["item", "rule", "ledger", "column"],
  "source.column_type": ["item", "rule", "ledger", "column", "expected", "actual"],
} as const satisfies Record<string, readonly string[]>;

export type PackProblemCode = keyof typeof PACK_PROBLEM_PARAMS;
export const PACK_PROBLEM_CODES = Object.keys(PACK_PROBLEM_PARAMS) as PackProblemCode[];

export function problem(
  code: PackProblemCode,
  path: PackPath,
  params: Readonly<Record<string, string | number>> = {},
): PackProblem {
  return { code, path, params };
}

/** A path as pack authors read it: `groups[0].items[3].rules[1].column`. */
export function formatPackPath(path: PackPath): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out || "(root)";
}
