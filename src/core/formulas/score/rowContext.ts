import { CHECKLIST_COLUMNS } from "../../layout/columns";
import { textArray } from "./refs";
import { rowCell } from "./refs";
import { cleanText, notBlank } from "./blank";
import type { StatusValue } from "../../layout/columns";
import { STATUS_WORDS } from "./statusWords";

const columnOf = (id: string): number => CHECKLIST_COLUMNS.findIndex((c) => c.id === id);

/** References to the cells of one checklist row that an item's score reads. */
export interface ChecklistRowRefs {
  /** The 校验 cell holds an error (A's formula or the add-in's text starts with ✗). */
  hasError: string;
  /** The 状态 cell reads as `status`. */
  statusIs(status: StatusValue): string;
  /** 备注 holds a reason. */
  hasNote: string;
}

export function checklistRowRefs(firstColumn: number, row: number): ChecklistRowRefs {
  const cell = (id: string): string => rowCell(firstColumn + columnOf(id), row);
  const status = cleanText(cell("status"));
  return {
    hasError: `LEFT(${cell("check")},1)="✗"`,
    statusIs: (value) => `ISNUMBER(MATCH(${status},${textArray(STATUS_WORDS[value])},0))`,
    hasNote: notBlank(cell("note")),
  };
}
