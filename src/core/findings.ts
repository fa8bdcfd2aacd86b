/**
 * A problem found in a workbook, as data. Text comes from src/i18n by code; nothing in core
 * builds a sentence.
 */
export type Severity = "error" | "warning" | "info";

export type FindingParam = string | number | boolean;

export interface Finding {
  /** Stable code, e.g. "date.invalid", "dateOrder.violated". Every code has zh-CN and en-US text. */
  code: string;
  severity: Severity;
  /** Sheet name as the workbook currently has it. */
  sheet: string;
  /** 1-based sheet row, when the finding is about one row. */
  row?: number;
  /** Layout column id, when the finding is about one cell. */
  column?: string;
  /** A1 address, when known, e.g. "F12". */
  cell?: string;
  /** The pack item the finding counts against (the first of `items`). */
  itemId?: string;
  /**
   * Every item the problem counts against, in pack order: one finding per problem per cell, however
   * many items read that cell (src/core/rules/merge.ts).
   */
  items?: readonly string[];
  /** Layout table key, when the finding is about a table row. */
  tableKey?: string;
  params: Readonly<Record<string, FindingParam>>;
}
