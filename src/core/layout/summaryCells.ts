import type { ScoreReason } from "../assessment";
import type { ConsolidationNote } from "../consolidate";
import type { SheetLang } from "./resultSheets";
import { columnLetter } from "./layout";

/** A cell that links to a cell of another sheet of the same workbook: 1-based row, 0-based column. */
export interface CellLink {
  row: number;
  column: number;
  /** The target sheet's name. */
  sheet: string;
  /** The target cell, "A5". */
  cell: string;
}

/** A static background colour: 1-based row, 0-based column. */
export interface CellFill {
  row: number;
  column: number;
  /** "#RRGGBB" */
  color: string;
}

/**
 * "'乡镇详情'!A5": a link target inside the workbook, as Office.js `documentReference` takes it and
 * as an .xlsx `<hyperlink location>` stores it. The name is always quoted (a quote inside doubled),
 * so names with spaces, dashes or a leading digit resolve too.
 */
export function linkReference(link: Pick<CellLink, "sheet" | "cell">): string {
  return `'${link.sheet.replace(/'/g, "''")}'!${link.cell}`;
}

/** "A5" from a 1-based row and a 0-based column. */
export const cellName = (row: number, column: number): string => `${columnLetter(column)}${row}`;

/**
 * Words for the summary sheets, from the caller (src/i18n, keys `xlsx.summary.*`); pack texts are
 * picked by `lang`.
 */
export interface SummaryTexts {
  lang: SheetLang;
  /** The text of `xlsx.summary.<key>` in the workbook's language. */
  label(key: string, params?: Readonly<Record<string, string | number>>): string;
  /** The sentence of a consolidation note (text by its code). */
  note(note: ConsolidationNote): string;
  /** Why a gap lost its points (text of `reason.<code>`). */
  reason(reason: ScoreReason): string;
}
