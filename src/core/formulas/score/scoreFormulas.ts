import { declarationInputId, type TableLayout, type WorkbookLayout } from "../../layout/layout";
import type { TablePlacement } from "../../layout/placement";
import type { SheetLang } from "../../layout/resultSheets";
import type { Item, LocalizedText, Pack } from "../../pack/schema";
import { roundTo } from "../../score/round";
import type { FixedFormula, RowFormula, RowPosition } from "../types";
import type { InputCell } from "./itemRules";
import {
  indicatorScore,
  ledgerScore,
  planItem,
  type PlanContext,
  statusScore,
  type ItemPlan,
  type NotCompiledReason,
} from "./itemScore";
import { failingCount, ledgerRange, recordCount } from "./ledgerCounts";
import { absoluteCell, columnRange, rowCell } from "./refs";
import { resultFormulas, type GroupSums } from "./results";
import { checklistRowRefs, vetoRowRefs } from "./rowContext";
import { vetoPiece } from "./veto";
import { ledgerYearCounts } from "./yearCounts";

/** Helper columns of checklist and veto rows, in this order from `firstHelperOffset`. */
export const SCORE_HELPERS = {
  /** 应得: the item's points when they count in 应得, else 0. */
  applicable: 0,
  /** 实得. */
  earned: 1,
  /** Ledger items: records in the ledger. */
  records: 2,
  /** Ledger items: records whose 校验 holds an error. */
  failing: 3,
  /** Veto rows: "<id> <date>; " when the veto is in its window (vetoDateOffset given). */
  vetoPiece: 2,
} as const;

export interface ScoreFormulaOptions {
  /**
   * Offset (from the table's first column) of the first score helper column, per table key or one
   * for all: the 校验 helpers come first.
   */
  firstHelperOffset: number | ReadonlyMap<string, number>;
  /** 0-based first column of every table (default 0: tables start in column A). */
  firstColumn?: number;
  /** Last sheet row the ledger ranges cover (default: each ledger's last formatted row). */
  ledgerLastRow?: (placement: TablePlacement) => number;
  /**
   * For an item whose ledger other items check too: the column (from the ledger's first column) of
   * a mark that starts with ✗ when a record fails this item's rules or a cell cannot be read.
   * Without one such an item's score is not a formula, since a record's 校验 ✗ may be another's.
   */
  recordMarkOffset?: (itemId: string, ledgerId: string) => number | undefined;
  /**
   * A1 reference (with its sheet) of a cell holding a 基本信息 input as the core reads it: its
   * number, or anything that is not a number when it is blank or unreadable. Without it, items
   * whose rules compare 基本信息 figures (indicators, ratios) are not formulas.
   */
  inputNumber?: InputCell;
  /** The same for a 基本信息 date input: its serial, "" when blank, other text when unreadable. */
  inputDate?: InputCell;
  /**
   * Cells holding the assessment date (a date serial) and the 评估年度 as the core reads and
   * resolves them (anything not a number when it has none). Without them, items with a due date
   * (待完成 until then) are not formulas.
   */
  assessmentDate?: string;
  assessmentYear?: string;
  /**
   * Offset (from a veto table's first column) of a helper holding the row's 发生日期 as a date
   * serial when it reads as a date (anything else when not). Without it the veto status on
   * 自评结果 is not a formula: it shows the dates as the core reads them.
   */
  vetoDateOffset?: number;
  /**
   * For a checklist row whose 校验 is text (written by the add-in and the CLI, so stale where none
   * runs): offset of a helper whose text starts with ";✗" when the row's own cells hold an error.
   * The item's score reads it instead of the 校验 cell; its item-level errors are its rules' `met`.
   */
  rowErrorOffset?: (itemId: string) => number | undefined;
  /**
   * Offset (from a ledger's first column) of a helper holding a date column of each record as a
   * serial when it reads as a date. With it, counts of records in the 评估年度 are formulas.
   */
  ledgerDateOffset?: (ledgerId: string, columnId: string) => number | undefined;
  /** Offset of a helper holding a ledger text column normalised (normalizeText), for `where` counts. */
  ledgerTextOffset?: (ledgerId: string, columnId: string) => number | undefined;
  /** Offset of a helper holding a ledger yes/no column's answer (1, 0, "" or "I"), for `where` counts. */
  ledgerYesNoOffset?: (ledgerId: string, columnId: string) => number | undefined;
  /** Language of the 自评结果 labels (band, 折算 note); the workbook is Chinese by default. */
  lang?: SheetLang;
}

export interface ScoreTableFormulas {
  tableKey: string;
  /** Offsets of the score helper columns (hidden, ";;;"). */
  helperOffsets: readonly number[];
  /** The row's helper formulas; empty when the item's score is not a formula. */
  rowFormulas(itemId: string, position: RowPosition): readonly RowFormula[];
}

export interface ScoreCoverage {
  items: number;
  compiled: number;
  notCompiled: readonly { itemId: string; reason: NotCompiledReason }[];
  /** Groups on 自评结果 whose figures are formulas / all listed there. */
  groups: { compiled: number; total: number };
  /** Totals, 折算 score, band and the 折算 note are formulas (认定 too, with the veto status). */
  totals: boolean;
  /** The pack has veto items and 自评结果's 否决情形 cell is a formula. */
  vetoStatus: boolean;
}

export interface ScoreFormulas {
  tables: ReadonlyMap<string, ScoreTableFormulas>;
  cells: readonly FixedFormula[];
  coverage: ScoreCoverage;
}

/**
 * Items' 应得 / 实得 as helper formulas on their rows and 自评结果's figures as formulas summing
 * them, for a pack (settings applied) in its layout. Pure and deterministic.
 */
export function scoreFormulas(
  pack: Pack,
  layout: WorkbookLayout,
  placements: readonly TablePlacement[],
  options: ScoreFormulaOptions,
): ScoreFormulas {
  const firstColumn = options.firstColumn ?? 0;
  const helperStart = (key: string): number =>
    typeof options.firstHelperOffset === "number"
      ? options.firstHelperOffset
      : (options.firstHelperOffset.get(key) ?? 0);
  const markOf = (item: Item): number | undefined =>
    item.ledger === undefined ? undefined : options.recordMarkOffset?.(item.id, item.ledger);
  const inputNumber = options.inputNumber;
  const planContext: PlanContext = {
    pack,
    ownMarks: false,
    ...(inputNumber
      ? {
          inputs: {
            number: inputNumber,
            name: (id: string) => layout.info.rows.find((r) => r.inputId === id)?.name,
            values: (id: string) => pack.inputs.find((i) => i.id === id)?.values,
            ...(options.inputDate ? { date: options.inputDate } : {}),
          },
        }
      : {}),
    ...(options.assessmentDate && options.assessmentYear
      ? { dates: { date: options.assessmentDate, year: options.assessmentYear } }
      : {}),
  };
  const yearCounts = ledgerYearCounts(placements, firstColumn, options);
  if (yearCounts) planContext.ledgerRules = yearCounts;
  const plans = new Map<string, ItemPlan>(
    pack.groups.flatMap((g) =>
      g.items.map(
        (item) =>
          [item.id, planItem(item, { ...planContext, ownMarks: markOf(item) !== undefined })] as const,
      ),
    ),
  );
  const placementOf = (key: string): TablePlacement | undefined =>
    placements.find((p) => p.table.key === key);
  // By its defined name (TZ_noMatters_…), which follows the cell wherever the user moves it.
  const declarationCell = (ledgerId: string): string | undefined =>
    layout.info.rows.find((r) => r.inputId === declarationInputId(ledgerId))?.name;

  const rowFormulasFor = (table: TableLayout) => {
    const start = helperStart(table.key);
    return (itemId: string, position: RowPosition): RowFormula[] => {
      const plan = plans.get(itemId);
      if (!plan || plan.kind === "none") return [];
      const at = (helper: number, body: string): RowFormula => ({
        offset: start + helper,
        formula: `=${body}`,
      });
      const row = position.row + 1;
      if (plan.kind === "veto") {
        const zero = [at(SCORE_HELPERS.applicable, "0"), at(SCORE_HELPERS.earned, "0")];
        if (options.vetoDateOffset === undefined) return zero;
        const date = rowCell(position.firstColumn + options.vetoDateOffset, row);
        const piece = vetoPiece(plan.item, vetoRowRefs(position.firstColumn, row), date);
        return [...zero, at(SCORE_HELPERS.vetoPiece, piece)];
      }
      const errorOffset = options.rowErrorOffset?.(itemId);
      const refs = checklistRowRefs(
        position.firstColumn,
        row,
        errorOffset === undefined ? undefined : rowCell(position.firstColumn + errorOffset, row),
      );
      if (plan.kind === "status" || plan.kind === "indicator") {
        const score =
          plan.kind === "status"
            ? statusScore(plan.item, refs, plan.met)
            : indicatorScore(plan.item, refs, plan);
        return [at(SCORE_HELPERS.applicable, score.applicable), at(SCORE_HELPERS.earned, score.earned)];
      }
      const ledger = placementOf(`ledger:${plan.ledgerId}`);
      if (!ledger) return [];
      const range = ledgerRange(ledger, firstColumn, options.ledgerLastRow?.(ledger));
      const own = (helper: number): string => rowCell(position.firstColumn + start + helper, row);
      const declaration = plan.declarable ? declarationCell(plan.ledgerId) : undefined;
      const score = ledgerScore(
        plan.item,
        refs,
        {
          records: own(SCORE_HELPERS.records),
          failing: own(SCORE_HELPERS.failing),
          ...(declaration ? { declaration } : {}),
        },
        plan.rules?.(own(SCORE_HELPERS.records)),
        plan.pending,
      );
      return [
        at(SCORE_HELPERS.applicable, score.applicable),
        at(SCORE_HELPERS.earned, score.earned),
        at(SCORE_HELPERS.records, recordCount(range)),
        at(SCORE_HELPERS.failing, failingCount(range, plan.shared ? markOf(plan.item) : undefined)),
      ];
    };
  };

  const tables = new Map<string, ScoreTableFormulas>();
  for (const table of layout.tables) {
    if (table.kind === "ledger") continue;
    const start = helperStart(table.key);
    const helpers = table.kind === "veto" ? (options.vetoDateOffset === undefined ? 2 : 3) : 4;
    tables.set(table.key, {
      tableKey: table.key,
      helperOffsets: Array.from({ length: helpers }, (_, i) => start + i),
      rowFormulas: rowFormulasFor(table),
    });
  }

  const compiled = (item: Item): boolean => plans.get(item.id)?.kind !== "none";
  const listed = pack.groups.filter((g) => roundTo(sumItemPoints(g.items), 2) > 0);
  const groups = listed.map((group): GroupSums | null => {
    if (!group.items.every(compiled)) return null;
    const placement = placementOf(`checklist:${group.id}`);
    if (!placement) return { groupId: group.id, applicable: [], earned: [] };
    const helper = (h: number): string =>
      columnRange(
        placement.table.sheet,
        firstColumn + helperStart(placement.table.key) + h,
        placement.firstDataRow,
        placement.lastTableRow,
      );
    return {
      groupId: group.id,
      applicable: [helper(SCORE_HELPERS.applicable)],
      earned: [helper(SCORE_HELPERS.earned)],
    };
  });
  const vetoItems = pack.groups.flatMap((g) => g.items.filter((i) => i.kind === "veto"));
  const vetoPieces = vetoPieceCells(vetoItems, placements, helperStart, firstColumn);
  const cells = resultFormulas({
    ...(vetoItems.length > 0 && options.vetoDateOffset !== undefined && vetoPieces
      ? { vetoes: { pieces: vetoPieces, passLabels: passLabels(pack) } }
      : {}),
    sheet: layout.results.sheet,
    lang: options.lang ?? "zh",
    groups,
    packTotal: pack.assessment.total,
    itemPoints: roundTo(sumItemPoints(pack.groups.flatMap((g) => g.items)), 2),
    bands: pack.assessment.bands,
  });

  const notCompiled = [...plans.values()].flatMap((p) =>
    p.kind === "none" ? [{ itemId: p.item.id, reason: p.reason }] : [],
  );
  return {
    tables,
    cells,
    coverage: {
      items: plans.size,
      compiled: plans.size - notCompiled.length,
      notCompiled,
      groups: { compiled: groups.filter((g) => g !== null).length, total: groups.length },
      totals: groups.every((g) => g !== null),
      vetoStatus: vetoItems.length > 0 && options.vetoDateOffset !== undefined && vetoPieces !== null,
    },
  };
}

const sumItemPoints = (items: readonly Item[]): number => items.reduce((sum, i) => sum + i.points, 0);

/** The veto piece cells of every veto item, in pack order (the core lists vetoes so); null if one has no row. */
function vetoPieceCells(
  items: readonly Item[],
  placements: readonly TablePlacement[],
  helperStart: (key: string) => number,
  firstColumn: number,
): string[] | null {
  const cells: string[] = [];
  for (const item of items) {
    const placement = placements.find(
      (p) => p.table.kind === "veto" && p.table.rows.some((r) => r.itemId === item.id),
    );
    if (!placement) return null;
    const index = placement.table.rows.findIndex((r) => r.itemId === item.id);
    const column = firstColumn + helperStart(placement.table.key) + SCORE_HELPERS.vetoPiece;
    cells.push(absoluteCell(placement.table.sheet, column, placement.firstDataRow + index));
  }
  return cells;
}

/** Labels of the bands at or above the pass band (isAtLeastBand), as 自评结果 shows them. */
function passLabels(pack: Pack): LocalizedText[] {
  const { bands, passBand } = pack.assessment;
  const limit = bands.findIndex((b) => b.id === passBand);
  return bands.slice(0, limit + 1).map((b) => b.label);
}
