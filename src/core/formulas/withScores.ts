import type { WorkbookLayout } from "../layout/layout";
import type { TablePlacement } from "../layout/placement";
import type { Pack } from "../pack/schema";
import type { InfoCells } from "./infoCells";
import { SCORE_HELPERS, scoreFormulas } from "./score/scoreFormulas";
import type { RowPosition, TableFormulas, WorkbookFormulas } from "./types";

/** What the 校验 compiler tells the score compiler about the helpers it placed. */
export interface ScoreHelpers {
  /** Per checklist and veto table: the first column right of its 校验 helpers. */
  firstHelperOffset: Map<string, number>;
  /** Offsets of the veto rows' 发生日期 serial helper (one when every veto table agrees). */
  vetoDateOffsets: Set<number>;
  /** Checklist rows whose 校验 is text: the helper whose text starts with ";✗" on an error of the row's cells. */
  rowErrorOffsets: Map<string, number>;
  /** Ledgers several items check: each item's record mark helper ("✗" when a record fails it), by "ledger|item". */
  recordMarks: Map<string, number>;
  /** Ledgers' date helpers (a serial when the cell reads as a date), by "ledger|column". */
  ledgerDates: Map<string, number>;
  /** Ledgers' normalised text helpers, by "ledger|column". */
  ledgerTexts: Map<string, number>;
  /** Ledgers' yes/no answer helpers (1, 0, "" or "I"), by "ledger|column". */
  ledgerYesNo?: Map<string, number>;
}

/**
 * The 校验 formulas with the items' 应得 / 实得 helpers after each checklist and veto row's own
 * helpers, and 自评结果's figures: one entry point, so every writer puts down both.
 */
export function withScores(
  pack: Pack,
  layout: WorkbookLayout,
  placements: readonly TablePlacement[],
  checks: WorkbookFormulas,
  info: InfoCells,
  helpers: ScoreHelpers,
): WorkbookFormulas {
  const vetoDate = helpers.vetoDateOffsets.size === 1 ? [...helpers.vetoDateOffsets][0] : undefined;
  const score = scoreFormulas(pack, layout, placements, {
    firstHelperOffset: helpers.firstHelperOffset,
    inputNumber: info.inputNumber,
    inputDate: info.inputDate,
    rowErrorOffset: (itemId) => helpers.rowErrorOffsets.get(itemId),
    recordMarkOffset: (itemId, ledgerId) => helpers.recordMarks.get(`${ledgerId}|${itemId}`),
    ledgerDateOffset: (ledgerId, columnId) => helpers.ledgerDates.get(`${ledgerId}|${columnId}`),
    ledgerTextOffset: (ledgerId, columnId) => helpers.ledgerTexts.get(`${ledgerId}|${columnId}`),
    ledgerYesNoOffset: (ledgerId, columnId) => helpers.ledgerYesNo?.get(`${ledgerId}|${columnId}`),
    ...(info.assessmentYear
      ? { assessmentDate: info.assessmentDate, assessmentYear: info.assessmentYear }
      : {}),
    ...(vetoDate !== undefined ? { vetoDateOffset: vetoDate } : {}),
  });
  const tables = new Map<string, TableFormulas>(checks.tables);
  for (const [key, scored] of score.tables) {
    const own = checks.tables.get(key);
    tables.set(key, {
      tableKey: key,
      helperOffsets: [...(own?.helperOffsets ?? []), ...scored.helperOffsets],
      scoreOffsets: {
        applicable: (helpers.firstHelperOffset.get(key) ?? 0) + SCORE_HELPERS.applicable,
        earned: (helpers.firstHelperOffset.get(key) ?? 0) + SCORE_HELPERS.earned,
      },
      rowFormulas: (position: RowPosition) => {
        const check = own?.rowFormulas(position) ?? [];
        if (position.itemId === undefined) return check;
        return [...check, ...scored.rowFormulas(position.itemId, position)];
      },
    });
  }
  return {
    tables,
    cells: [...checks.cells, ...score.cells],
    without: checks.without,
    score: score.coverage,
  };
}
