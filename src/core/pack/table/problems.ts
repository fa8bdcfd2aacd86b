import type { PackProblemCode } from "../problems";

/** Problems only a table can have; text from src/i18n by key `packTable.problem.<code>`. */
export const TABLE_PROBLEM_PARAMS = {
  sheet_missing: ["sheet"],
  header_missing: ["header"],
  no_header: [],
  no_items: [],
  number_invalid: ["value"],
  kind_unknown: ["value", "expected"],
  type_unknown: ["value", "expected"],
  basis_unknown: ["value", "expected"],
  yes_no_invalid: ["value"],
  scoring_invalid: ["value"],
  item_before_group: [],
  group_points: ["group", "points", "sum"],
  rule_unreadable: ["line", "text", "detail"],
  setting_unknown: ["value"],
  setting_missing: ["setting"],
  column_without_ledger: ["ledger"],
  criteria_empty: [],
  title_empty: [],
} as const satisfies Record<string, readonly string[]>;

export type TableProblemCode = keyof typeof TABLE_PROBLEM_PARAMS;

/** Where in the workbook: the sheet, the 1-based row and the column's header (null for a whole row or sheet). */
export interface TablePlace {
  sheet: string;
  row: number | null;
  column: string | null;
}

/**
 * One thing wrong with a 细则 workbook, with its place. `table` problems are the reader's own;
 * `pack` problems come from the pack loader (src/core/pack) and were traced back to their cell.
 */
export type TableProblem = TablePlace & {
  /** For a duplicate: where the first use is, in place of the pack path the loader names. */
  firstPlace?: TablePlace;
} & (
    | { kind: "table"; code: TableProblemCode; params: Readonly<Record<string, string | number>> }
    | { kind: "pack"; code: PackProblemCode; params: Readonly<Record<string, string | number>> }
  );

export function tableProblem(
  place: TablePlace,
  code: TableProblemCode,
  params: Readonly<Record<string, string | number>> = {},
): TableProblem {
  return { ...place, kind: "table", code, params };
}
