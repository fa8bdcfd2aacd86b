import type { ItemResult } from "../assessment";
import type { CellValue } from "../snapshot";

/**
 * The 状态 cell of a ledger-type item's checklist row. Such an item is scored from its ledger, so
 * a 完成 / 未开始 dropdown there means nothing: the cell shows the ledger's result instead
 * ("3 条记录,2 条合格"), has no dropdown, looks read-only, and the reader skips it.
 */
export interface LedgerCounts {
  total: number;
  passed: number;
  /** 本评估年度无此类事项 declared on 基本信息. */
  declared: boolean;
}

const DECLARED = "已声明本评估年度无此类事项";

/** Workbook text (Chinese, as all workbook text) of a ledger's result. */
export function ledgerRowText(counts: LedgerCounts): string {
  if (counts.total === 0) return counts.declared ? `0 条记录(${DECLARED})` : "0 条记录";
  return `${counts.total} 条记录,${counts.passed} 条合格`;
}

const LEDGER_ROW_TEXT = new RegExp(`^\\d+ 条记录(,\\d+ 条合格|\\(${DECLARED}\\))?$`);

/** True for text Taizhang wrote with ledgerRowText: not a status a person chose. */
export function isLedgerRowText(value: CellValue | undefined): boolean {
  return typeof value === "string" && LEDGER_ROW_TEXT.test(value.trim());
}

/** The counts behind a ledger item's score, from its score reason; null when not scored from records. */
export function ledgerCountsOf(result: ItemResult): LedgerCounts | null {
  if (result.kind !== "ledger") return null;
  const { code, params } = result.reason;
  if (code === "ledger.empty") return { total: 0, passed: 0, declared: false };
  if (code === "ledger.declared") return { total: 0, passed: 0, declared: true };
  if (typeof params.total === "number" && typeof params.passed === "number") {
    return { total: params.total, passed: params.passed, declared: false };
  }
  return null;
}
