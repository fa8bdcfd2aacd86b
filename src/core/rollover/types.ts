import type { CellValue } from "../snapshot";

/** Why a record went where it went; shown on the 历年 sheet and in the CLI summary (i18n by code). */
export type RolloverReason =
  | "rollover.stillValid"
  | "rollover.expired"
  | "rollover.staff"
  | "rollover.openCase"
  | "rollover.closedCase"
  | "rollover.pastYear"
  | "rollover.notYetDated"
  | "rollover.contractRunning"
  | "rollover.contractEnded"
  | "rollover.veto"
  | "rollover.entryReset"
  | "rollover.inputReset";

export type Cells = Readonly<Record<string, CellValue>>;

/** A record that stays live in the new year's table, as it was. */
export interface CarriedRow {
  /** Where it was in the old workbook (sheet row), so nothing is matched by guesswork. */
  fromRow: number;
  cells: Cells;
  reason: RolloverReason;
}

/** A record (or last year's entries on a checklist row, or an input) kept on the 历年 sheet. */
export interface ArchivedRow {
  /** Layout table key, or "info" for 基本信息 inputs. */
  table: string;
  /** The sheet it was on, as the user named it. */
  sheet: string;
  fromRow: number;
  cells: Cells;
  reason: RolloverReason;
}

/** Last year's entries for one checklist row, shown beside its reset 状态 cell. */
export interface RolloverHint {
  table: string;
  itemId: string;
  last: Cells;
}

export interface RolloverPlan {
  fromYear: number;
  toYear: number;
  /** 基本信息 values of the new workbook by input id (blank inputs are absent). */
  inputs: Readonly<Record<string, CellValue>>;
  /**
   * Live rows per layout table key: ledgers' carried records and veto rows as they were; for
   * checklists, only the cells that carry (by item id: 编号 and 责任人).
   */
  live: Readonly<Record<string, readonly CarriedRow[]>>;
  archive: readonly ArchivedRow[];
  hints: readonly RolloverHint[];
}
