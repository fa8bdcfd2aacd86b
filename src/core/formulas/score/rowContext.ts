import { CHECKLIST_COLUMNS, VETO_COLUMNS } from "../../layout/columns";
import { textArray } from "./refs";
import { rowCell } from "./refs";
import { cleanText, notBlank } from "./blank";
import type { StatusValue } from "../../layout/columns";
import { STATUS_WORDS } from "./statusWords";

const columnOf = (id: string): number => CHECKLIST_COLUMNS.findIndex((c) => c.id === id);
const vetoColumnOf = (id: string): number => VETO_COLUMNS.findIndex((c) => c.id === id);

/**
 * TRUE when the text equals one of the words, ignoring case. "=" against an array constant, not
 * MATCH: MATCH reads * and ? in the typed text as wildcards, so "*" would match the first word.
 */
const isOneOf = (text: string, words: readonly string[]): string => `OR(${text}=${textArray(words)})`;

/** What the core reads as 是 (src/core/values/yesNo.ts), lower-case; numbers 1 and TRUE show as these. */
export const YES_WORDS: readonly string[] = ["是", "有", "√", "✓", "✔", "☑", "y", "yes", "true", "1"];

/** References to the cells of one checklist row that an item's score reads. */
export interface ChecklistRowRefs {
  /** The 校验 cell holds an error (A's formula or the add-in's text starts with ✗). */
  hasError: string;
  /** The 状态 cell reads as `status`. */
  statusIs(status: StatusValue): string;
  /** 备注 holds a reason. */
  hasNote: string;
}

/** `rowErrors`: a helper of the row's found pieces (";✗ …" first on an error), used instead of 校验. */
export function checklistRowRefs(firstColumn: number, row: number, rowErrors?: string): ChecklistRowRefs {
  const cell = (id: string): string => rowCell(firstColumn + columnOf(id), row);
  const status = cleanText(cell("status"));
  return {
    hasError: rowErrors === undefined ? `LEFT(${cell("check")},1)="✗"` : `LEFT(${rowErrors},2)=";✗"`,
    statusIs: (value) => isOneOf(status, STATUS_WORDS[value]),
    hasNote: notBlank(cell("note")),
  };
}

/** References to the cells of one veto row. */
export interface VetoRowRefs {
  /** 是否发生 reads as 是. */
  occurred: string;
  /** The 校验 cell holds an error. */
  hasError: string;
}

export function vetoRowRefs(firstColumn: number, row: number): VetoRowRefs {
  const cell = (id: string): string => rowCell(firstColumn + vetoColumnOf(id), row);
  return {
    occurred: isOneOf(cleanText(cell("occurred")), YES_WORDS),
    hasError: `LEFT(${cell("check")},1)="✗"`,
  };
}
