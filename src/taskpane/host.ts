import type { Assessment } from "../core/assessment";
import type { Consolidation } from "../core/consolidate";
import type { Finding } from "../core/findings";
import type { Pack } from "../core/pack/schema";

/** What the task pane asks of the workbook it sits beside (Excel, or the preview's fake). */
export interface TaskpaneHost {
  /** The pack installed in the open workbook, if any. */
  inspect(): Promise<InstalledPack | null>;
  install(
    pack: Pack,
    settings: InstallSettings,
    onProgress: (progress: InstallProgress) => void,
  ): Promise<InstallOutcome>;
  /** Reads the whole workbook, checks it and writes the results back. */
  recheck(): Promise<Assessment | null>;
  /**
   * Live validation: the listener gets a first assessment at once, then a fresh one after every
   * edit. Returns a stop function.
   */
  watch(listener: (assessment: Assessment) => void, onError: (error: unknown) => void): Promise<() => void>;
  /**
   * Grows each table over the records typed below it (the explicit fix offered for
   * row.outsideTable findings); returns how many records the tables took in.
   */
  extendTables?(): Promise<number>;
  /**
   * Rewrites the cells of date.textNotDate findings as real dates (the 转换为日期 fix), one undo
   * step, and checks again without writing: the fresh assessment, or null when the watch listener
   * was given it. A cell edited since the check is left alone.
   */
  convertTextDates?(findings: readonly Finding[]): Promise<Assessment | null>;
  /** Selects a cell so the user sees the problem in its row. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Selects the checklist row of an item (a gap card's jump), found by its 编号. */
  selectItem(itemId: string): Promise<void>;
  /** Writes (or rewrites) the 差距清单 sheet from the latest assessment and shows it. */
  writeGapSheet(): Promise<void>;
  /**
   * Writes the 汇总 and 共性差距 sheets of a consolidation into the open workbook, or rewrites
   * the ones an earlier run made. Works with or without a pack installed.
   */
  writeConsolidation(
    summary: Consolidation,
    skipped: readonly SkippedTownshipFile[],
  ): Promise<ConsolidationSheets>;
  /** The open workbook as .xlsx bytes, for the next 评估年度; absent where the host cannot. */
  workbookBytes?(): Promise<Uint8Array>;
  /** Opens .xlsx bytes as a new workbook (Excel), or saves them as a download (preview). */
  openNewWorkbook?(bytes: Uint8Array, fileName: string): Promise<void>;
}

/** A township file that could not be read, with the i18n key of the reason. */
export interface SkippedTownshipFile {
  source: string;
  reason: { key: string; params?: Readonly<Record<string, string | number>> };
}

export interface ConsolidationSheets {
  matrixSheet: string;
  missedSheet: string;
  /** 乡镇详情: a block per township, linked from the matrix. */
  detailSheet: string;
  /** False when the sheets of an earlier run were updated. */
  created: boolean;
}

export interface InstalledPack {
  packId: string;
  packVersion: string;
  township: string;
  assessmentDate: string | null;
  /** The local settings the workbook records (canonical JSON), if any. */
  settings?: string;
  /** False when the workbook carries another version's formulas, or none (a reinstall writes them). */
  formulasCurrent: boolean;
}

export interface InstallSettings {
  township: string;
  /** YYYY-MM-DD */
  assessmentDate: string;
  /** A local settings file the pack was adjusted with (canonical JSON), recorded in the workbook. */
  settings?: string;
}

export interface InstallProgress {
  /** 0..1 */
  fraction: number;
  /** i18n key of the current step. */
  stepKey: string;
}

export interface InstallOutcome {
  /** Item rows added, kept (with the user's entries) and retired (kept, marked). */
  added: number;
  kept: number;
  retired: number;
  /** Sheets created, and user sheets whose names clashed (ours was renamed). */
  sheetsCreated: number;
  renamedSheets: readonly { wanted: string; used: string }[];
  upgradedFrom: string | null;
}
