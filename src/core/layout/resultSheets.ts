import type { Assessment, ScoreReason } from "../assessment";
import type { Finding } from "../findings";
import { roundFormula } from "../formulas/score/refs";
import type { LocalizedText } from "../pack/schema";
import { roundTo } from "../score/group";
import {
  fillBlanks,
  GAP_SHEET_LABELS,
  type GapSheetMemory,
  resolvedGaps,
  type TypedGapCells,
} from "./gapSheetMemory";
import type { WorkbookLayout } from "./layout";

/**
 * What the 自评结果 and 差距清单 sheets contain, as plain rows of cells from A1, so the Office.js
 * and ExcelJS adapters write the same sheets. Sentences for findings and score reasons come from
 * the caller (src/i18n); without them the codes are shown.
 */
export type SheetCell = string | number | boolean | null;

export type SheetLang = "zh" | "en";

export interface ResultTexts {
  finding(finding: Finding): string;
  reason(reason: ScoreReason): string;
}

export interface SheetModel {
  sheet: string;
  /** Rows from A1; every row has `widths.length` cells (null where empty). */
  rows: SheetCell[][];
  /** Column widths in characters. */
  widths: number[];
  /** 1-based rows shown bold: the title and table headers. */
  boldRows: number[];
  /** Number formats by 0-based column, for rows `fromRow`..`toRow` (1-based, inclusive). */
  formats: { column: number; fromRow: number; toRow: number; format: string }[];
  /**
   * Cells written as formulas (0-based row and column; "=" first, English names), their cached
   * value the one in `rows`: the core's figure, shown until the spreadsheet recalculates.
   */
  formulas?: SheetFormula[];
}

export interface SheetFormula {
  row: number;
  column: number;
  formula: string;
}

/** An item's compiled 应得 and 实得 helper cells, absolute with their sheet ('措施一'!$P$5). */
export interface ItemScoreCells {
  applicable: string;
  earned: string;
}

export interface ChartModel {
  title: string;
  /** 1-based rows and 0-based columns of the category labels and the values. */
  firstRow: number;
  lastRow: number;
  categoryColumn: number;
  valueColumn: number;
}

export interface ResultsSheetModel extends SheetModel {
  /** Bar chart of the group scores; null when no group has a score. */
  chart: ChartModel | null;
}

export interface ResultSheetOptions {
  lang?: SheetLang;
  texts?: ResultTexts;
}

export interface GapSheetOptions extends ResultSheetOptions {
  /** What the sheet held before this export (readGapSheet): typed cells and 已整改 rows are kept. */
  previous?: GapSheetMemory;
  /** YYYY-MM-DD of this export: the day an item that left the list moves to 已整改. */
  today?: string;
  /**
   * Items whose 应得 / 实得 the workbook computes (src/core/formulas): their gap rows' 分值 / 实得 /
   * 失分 become formulas reading those cells, so a fix typed where no add-in runs shows there too.
   */
  scoreCells?: ReadonlyMap<string, ItemScoreCells>;
}

/** First character of a 校验 cell, so a conditional format (and WPS) can colour the row. */
export const CHECK_MARKS = { error: "✗", warning: "!", ok: "✓" } as const;

const L = (zh: string, en: string): LocalizedText => ({ zh, en });

export const LABELS = {
  resultsTitle: L("自评结果", "Self-assessment result"),
  gapsTitle: L("差距清单", "Gap list"),
  township: L("乡镇名称", "Township"),
  assessmentDate: L("评估基准日", "Assessment date"),
  assessmentYear: L("评估年度", "Assessment year"),
  pack: L("评估模板", "Template"),
  score: L("总分(折算)", "Score (scaled)"),
  totals: L("应得 / 实得 / 总分值", "Applicable / earned / total points"),
  scaling: L("折算", "Scaling"),
  scaledNote: L(
    "实得 ÷ 应得 × 总分值(不适用、待完成事项不计入应得)",
    "earned ÷ applicable × total (不适用 and pending items leave 应得)",
  ),
  notScaled: L("不需折算(应得 = 总分值)", "None (applicable = total)"),
  band: L("等级", "Band"),
  vetoStatus: L("否决情形", "Veto"),
  noVeto: L("无否决情形", "No veto"),
  veto: L("存在否决情形(不予认定)", "Veto in the window (not recognised)"),
  recognition: L("认定", "Recognition"),
  recognized: L("可予认定", "Can be recognised"),
  notRecognized: L("不予认定", "Not recognised"),
  group: L("措施", "Group"),
  points: L("分值", "Points"),
  applicable: L("应得", "Applicable"),
  earned: L("实得", "Earned"),
  groupScore: L("得分率(%)", "Rate (%)"),
  chart: L("各项得分率", "Rate by group"),
  index: L("序号", "No."),
  itemId: L("编号", "ID"),
  requirement: L("要求", "Requirement"),
  clause: L("依据", "Clause"),
  pointsLost: L("失分", "Points lost"),
  criteria: L("评分标准", "Scoring standard"),
  problems: L("问题", "Problems"),
  owner: GAP_SHEET_LABELS.owner,
  due: GAP_SHEET_LABELS.due,
  overdue: L("逾期", "Overdue"),
  yes: L("是", "yes"),
  noGaps: L("没有差距", "No gaps"),
  pendingTitle: GAP_SHEET_LABELS.pendingTitle,
  declarationsTitle: GAP_SHEET_LABELS.declarationsTitle,
  ledger: L("台账", "Ledger"),
  reason: L("理由", "Reason"),
  items: L("涉及事项", "Items"),
  empty: L("(未填写)", "(not entered)"),
};

const RESULTS_WIDTHS = [24, 12, 10, 10, 10, 10];
// 备注 last, so the columns of sheets exported before it keep their places.
const GAP_WIDTHS = [6, 10, 40, 12, 20, 7, 7, 7, 48, 36, 10, 12, 6, 24];
/** 0-based columns of the typed cells on 差距清单. */
const GAP_TYPED = { owner: 10, due: 11, note: 13 } as const;
/** 0-based columns of a gap row's 分值 / 实得 / 失分. */
export const GAP_POINTS = { points: 5, earned: 6, lost: 7 } as const;
const GAP_LEFT_ON = 8;

/** 1-based row where the group score table's header sits on 自评结果. */
export const RESULTS_GROUP_HEADER_ROW = 13;
/** 1-based header row of the gap table on 差距清单 (row 1 is the title). */
export const GAPS_HEADER_ROW = 2;

const defaultTexts: ResultTexts = {
  finding: (f) => f.code,
  reason: (r) => r.code,
};

export function resultsSheetModel(
  assessment: Assessment,
  layout: WorkbookLayout,
  options: ResultSheetOptions = {},
): ResultsSheetModel {
  const lang = options.lang ?? "zh";
  const tr = (text: LocalizedText): string => text[lang];
  const width = RESULTS_WIDTHS.length;
  const rows: SheetCell[][] = [];
  const push = (...cells: SheetCell[]) => rows.push(pad(cells, width));
  const { total } = assessment;

  push(tr(LABELS.resultsTitle));
  push();
  push(tr(LABELS.township), assessment.township || tr(LABELS.empty));
  push(tr(LABELS.assessmentDate), assessment.assessmentDate ?? tr(LABELS.empty));
  push(tr(LABELS.pack), `${assessment.packId} ${assessment.packVersion}`);
  push(tr(LABELS.score), assessment.score);
  push(tr(LABELS.band), tr(assessment.band.label));
  push(tr(LABELS.totals), total.applicable, total.earned, total.points);
  push(tr(LABELS.scaling), tr(assessment.scaled ? LABELS.scaledNote : LABELS.notScaled));
  push(tr(LABELS.assessmentYear), assessment.assessmentYear ?? tr(LABELS.empty));
  if (assessment.hasVeto) {
    push(
      tr(LABELS.vetoStatus),
      assessment.eligible
        ? tr(LABELS.noVeto)
        : `${tr(LABELS.veto)}: ${assessment.vetoes.map((v) => `${v.itemId} ${v.date}`).join("; ")}`,
    );
    push(tr(LABELS.recognition), tr(assessment.recognized ? LABELS.recognized : LABELS.notRecognized));
  } else {
    push();
    push();
  }
  // rows.length is now RESULTS_GROUP_HEADER_ROW - 1
  // Group and rate side by side, so the chart's source is one contiguous range.
  push(
    ...[
      LABELS.group,
      LABELS.groupScore,
      LABELS.points,
      LABELS.applicable,
      LABELS.earned,
      LABELS.pointsLost,
    ].map(tr),
  );
  const firstGroupRow = rows.length + 1;
  const groups = assessment.groups.filter((g) => g.points > 0);
  for (const group of groups) {
    push(tr(group.title), group.score, group.points, group.applicable, group.earned, group.lost);
  }
  const lastGroupRow = rows.length;
  push(
    tr(L("合计", "Total")),
    total.applicable > 0 ? roundTo((total.earned / total.applicable) * 100, 1) : null,
    total.points,
    total.applicable,
    total.earned,
    roundTo(total.applicable - total.earned, 2),
  );
  const scored = groups.some((g) => g.score !== null);

  return {
    sheet: layout.results.sheet,
    rows,
    widths: [...RESULTS_WIDTHS],
    boldRows: [1, RESULTS_GROUP_HEADER_ROW, rows.length],
    formats: [
      { column: 1, fromRow: 6, toRow: 6, format: "0.0" },
      { column: 1, fromRow: firstGroupRow, toRow: rows.length, format: "0.0" },
    ],
    chart:
      scored && lastGroupRow >= firstGroupRow
        ? {
            title: tr(LABELS.chart),
            firstRow: firstGroupRow,
            lastRow: lastGroupRow,
            categoryColumn: 0,
            valueColumn: 1,
          }
        : null,
  };
}

export function gapsSheetModel(
  assessment: Assessment,
  layout: WorkbookLayout,
  options: GapSheetOptions = {},
): SheetModel {
  const lang = options.lang ?? "zh";
  const texts = options.texts ?? defaultTexts;
  const tr = (text: LocalizedText): string => text[lang];
  const width = GAP_WIDTHS.length;
  const groupTitle = new Map(assessment.groups.map((g) => [g.groupId, tr(g.title)]));
  const itemFindings = new Map(assessment.items.map((i) => [i.itemId, i.findings]));
  const problemsOf = (itemId: string, first: string[]): string =>
    [...first, ...(itemFindings.get(itemId) ?? []).map((f) => texts.finding(f))]
      .filter((s) => s.length > 0)
      .join("\n");

  const rows: SheetCell[][] = [pad([tr(LABELS.gapsTitle)], width)];
  rows.push(
    [
      LABELS.index,
      LABELS.itemId,
      LABELS.requirement,
      LABELS.clause,
      LABELS.group,
      LABELS.points,
      LABELS.earned,
      LABELS.pointsLost,
      LABELS.problems,
      LABELS.criteria,
      LABELS.owner,
      LABELS.due,
      LABELS.overdue,
      GAP_SHEET_LABELS.note,
    ].map(tr),
  );
  const previous = options.previous;
  // What a person typed for an item, from its gap row or, if it had left the list, its 已整改 row.
  const typedFor = (itemId: string): TypedGapCells | undefined => {
    const listed = previous?.typed.get(itemId);
    const resolved = previous?.resolved.get(itemId);
    return resolved ? fillBlanks(listed, resolved) : listed;
  };
  const formulas: SheetFormula[] = [];
  assessment.gaps.forEach((gap, i) => {
    const typed = typedFor(gap.itemId);
    const cells = options.scoreCells?.get(gap.itemId);
    if (cells) {
      // 分值 is what the item counts in 应得: an item a fix makes 不适用 then shows 0 / 0 / 0.
      const row = rows.length;
      formulas.push(
        { row, column: GAP_POINTS.points, formula: `=${cells.applicable}` },
        { row, column: GAP_POINTS.earned, formula: `=${cells.earned}` },
        // The core's 失分: roundTo(分值 − 实得, 2), and 0 when the item leaves 应得 (both helpers 0).
        {
          row,
          column: GAP_POINTS.lost,
          formula: `=${roundFormula(`${cells.applicable}-${cells.earned}`, 2)}`,
        },
      );
    }
    rows.push([
      i + 1,
      gap.itemId,
      tr(gap.title),
      gap.clause,
      groupTitle.get(gap.groupId) ?? gap.groupId,
      gap.points,
      gap.earned,
      gap.pointsLost,
      problemsOf(gap.itemId, [texts.reason(gap.reason)]),
      tr(gap.criteria),
      typed?.owner ?? gap.owner ?? null,
      typed?.due ?? gap.due ?? null,
      gap.overdue ? tr(LABELS.yes) : null,
      typed?.note ?? null,
    ]);
  });
  if (assessment.gaps.length === 0) rows.push(pad([null, null, tr(LABELS.noGaps)], width));
  const lastGapRow = rows.length;
  const boldRows = [1, GAPS_HEADER_ROW];

  if (assessment.pending.length > 0) {
    rows.push(pad([], width));
    rows.push(pad([tr(LABELS.pendingTitle)], width));
    boldRows.push(rows.length);
    assessment.pending.forEach((p, i) => {
      const typed = typedFor(p.itemId);
      const row = pad(
        [
          i + 1,
          p.itemId,
          tr(p.title),
          p.clause,
          groupTitle.get(p.groupId) ?? p.groupId,
          p.points,
          null,
          null,
          problemsOf(p.itemId, []),
          null,
          typed?.owner ?? null,
          typed?.due ?? p.due,
        ],
        width,
      );
      row[GAP_TYPED.note] = typed?.note ?? null;
      rows.push(row);
    });
  }
  if (assessment.declarations.length > 0) {
    rows.push(pad([], width));
    rows.push(pad([tr(LABELS.declarationsTitle)], width));
    boldRows.push(rows.length);
    assessment.declarations.forEach((d, i) => {
      rows.push(
        pad(
          [
            i + 1,
            d.itemIds.join(", "),
            tr(d.title),
            `${d.sheet}!${d.cell}`,
            null,
            null,
            null,
            null,
            d.reason,
          ],
          width,
        ),
      );
    });
  }

  const resolved = previous ? resolvedGaps(assessment, previous, options.today ?? "") : [];
  if (resolved.length > 0) {
    rows.push(pad([], width));
    rows.push(pad([tr(GAP_SHEET_LABELS.resolvedTitle)], width));
    boldRows.push(rows.length);
    const header = pad(
      [LABELS.index, LABELS.itemId, LABELS.requirement, LABELS.clause, LABELS.group, LABELS.points].map(tr),
      width,
    );
    header[GAP_LEFT_ON] = tr(GAP_SHEET_LABELS.leftOn);
    header[GAP_TYPED.owner] = tr(LABELS.owner);
    header[GAP_TYPED.due] = tr(LABELS.due);
    header[GAP_TYPED.note] = tr(GAP_SHEET_LABELS.note);
    rows.push(header);
    boldRows.push(rows.length);
    resolved.forEach((r, i) => {
      const row = pad([i + 1, r.itemId, r.title, r.clause, r.group, r.points], width);
      row[GAP_LEFT_ON] = r.leftOn;
      row[GAP_TYPED.owner] = r.owner;
      row[GAP_TYPED.due] = r.due;
      row[GAP_TYPED.note] = r.note;
      rows.push(row);
    });
  }

  return {
    sheet: layout.gaps.sheet,
    rows,
    widths: [...GAP_WIDTHS],
    boldRows,
    formats: [5, 6, 7].map((column) => ({
      column,
      fromRow: GAPS_HEADER_ROW + 1,
      toRow: Math.max(GAPS_HEADER_ROW + 1, lastGapRow),
      format: "0.0#",
    })),
    ...(formulas.length > 0 ? { formulas } : {}),
  };
}

/**
 * The 校验 cell of one row: "✓" when clean, otherwise the mark of the worst finding and the
 * sentences. Empty rows of a ledger get "" (nothing to check).
 */
export function checkCellText(findings: readonly Finding[], describe: (f: Finding) => string): string {
  if (findings.length === 0) return CHECK_MARKS.ok;
  const mark = findings.some((f) => f.severity === "error") ? CHECK_MARKS.error : CHECK_MARKS.warning;
  return `${mark} ${findings.map(describe).join(";")}`;
}

/**
 * Formula of the conditional format that colours a failing row, relative to the first data row
 * of the table, e.g. `=LEFT($J3,1)="✗"`.
 */
export function failingRowFormula(checkColumnLetter: string, firstDataRow: number, mark: string): string {
  return `=LEFT($${checkColumnLetter}${firstDataRow},1)="${mark}"`;
}

function pad(cells: SheetCell[], width: number): SheetCell[] {
  const out = cells.slice(0, width);
  while (out.length < width) out.push(null);
  return out;
}
