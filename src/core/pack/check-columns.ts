import type { PackParts } from "./parts";
import { problem, type PackProblem } from "./problems";

/** An enum column needs its dropdown values; other columns have none to offer. */
export function checkLedgerColumns(parts: PackParts): PackProblem[] {
  const out: PackProblem[] = [];
  for (const { index, value: ledger } of parts.ledgers.parts) {
    ledger.columns.forEach((column, c) => {
      const path = ["ledgers", index, "columns", c];
      const params = { ledger: ledger.id, column: column.id };
      if (column.type === "enum" && !column.values?.length) {
        out.push(problem("column.enum_without_values", path, params));
      }
      if (column.type !== "enum" && column.values !== undefined) {
        out.push(problem("column.values_unexpected", [...path, "values"], { ...params, type: column.type }));
      }
    });
  }
  return out;
}
