import { parseEnum } from "../values/cell";
import { parseYesNo } from "../values/yesNo";
import type { RowView } from "./rowView";

/** Whether a filled cell is one of `values`: by text, and in a yes/no column by answer (√ is 是). */
export function isListedValue(row: RowView, column: string, values: readonly string[]): boolean {
  if (parseEnum(row.raw(column), values).ok) return true;
  if (row.columns.get(column)?.type !== "yesNo") return false;
  const answer = row.yesNo(column);
  return (
    answer !== null &&
    values.some((v) => {
      const wanted = parseYesNo(v);
      return wanted.ok && wanted.value === answer;
    })
  );
}
