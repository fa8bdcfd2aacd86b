/**
 * Formulas the workbook carries so that it checks itself where no add-in runs (WPS, Excel
 * without add-ins, LibreOffice): design.md §4 and §6. Both writers (`taizhang init` and the
 * add-in's install/upgrade) render exactly these.
 */

import type { ScoreCoverage } from "./score/scoreFormulas";

/** A formula cell of a table row, placed relative to the table's first column. */
export interface RowFormula {
  /** Column relative to the table's first column: the 校验 column, or a helper column right of the table. */
  offset: number;
  /** With the leading "=", English function names and "," separators (OOXML / `Range.formulas`). */
  formula: string;
}

/** Where a table is in its sheet now: 0-based sheet row of a data row, 0-based first column. */
export interface RowPosition {
  row: number;
  firstColumn: number;
  /** Checklist and veto rows: the item of the row (编号). Their formulas depend on the item. */
  itemId?: string;
}

export interface TableFormulas {
  tableKey: string;
  /**
   * The formula cells of one data row (its 校验 cell and the helper cells it reads). Empty when
   * the row's 校验 cannot be a formula: the add-in and the CLI then write it as text.
   */
  rowFormulas(position: RowPosition): readonly RowFormula[];
  /** Offsets of helper columns (right of the table): hidden, number format ";;;". */
  helperOffsets: readonly number[];
  /** Checklist and veto tables: the helpers holding each row's item's 应得 and 实得 (when compiled). */
  scoreOffsets?: { applicable: number; earned: number };
}

/** A single formula cell outside the tables (e.g. a helper on 基本信息). */
export interface FixedFormula {
  sheet: string;
  /** 0-based sheet row and column. */
  row: number;
  column: number;
  formula: string;
  /** Hidden helper: number format ";;;". */
  helper: boolean;
}

/** A table, or one item's row of it, whose 校验 stays text written by the add-in and the CLI. */
export interface WithoutFormula {
  tableKey: string;
  itemId?: string;
  /** Why, for people: the rule kind or check that no formula expresses exactly. */
  reason: string;
}

export interface WorkbookFormulas {
  /** By table key ("ledger:decisions"…); a table without formulas is absent. */
  tables: ReadonlyMap<string, TableFormulas>;
  cells: readonly FixedFormula[];
  /** Tables and checklist rows left without formulas, in layout order. */
  without: readonly WithoutFormula[];
  /**
   * Which items' 应得 / 实得 and which 自评结果 figures are formulas (`cells` holds exactly those;
   * the writers leave the other figures to the add-in and the CLI as values).
   */
  score?: ScoreCoverage;
}
