import type { Assessment, ScoreReason } from "../assessment";
import type { Finding } from "../findings";
import type { LocalizedText } from "../pack/schema";
import { roundTo } from "../score/group";
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

/** First character of a 校验 cell, so a conditional format (and WPS) can colour the row. */
export const CHECK_MARKS = { error: "✗", warning: "!", ok: "✓" } as const;

const L = (zh: string, en: string): LocalizedText => ({ zh, en });

const LABELS = {
  resultsTitle: L("自评结果", "Self-assessment result"),
  gapsTitle: L("差距清单", "Gap list"),
  township: L("乡镇名称", "Township"),
  assessmentDate: L("评估基准日", "Assessment date"),
  pack: L("评估模板", "Template"),
  score: L("总分", "Score"),
  band: L("等级", "Band"),
  eligibility: L("认定资格", "Eligibility"),
  eligible: L("可予认定", "Eligible"),
  notEligible: L("不予认定(一票否决)", "Not eligible (veto)"),
  vetoes: L("否决情形", "Veto events"),
  group: L("措施", "Group"),
  weight: L("权重", "Weight"),
  groupScore: L("得分", "Score"),
  earned: L("已得分值", "Earned"),
  possible: L("应得分值", "Possible"),
  chart: L("各项得分", "Scores by group"),
  index: L("序号", "No."),
  itemId: L("编号", "ID"),
  requirement: L("要求", "Requirement"),
  clause: L("依据", "Clause"),
  pointsLost: L("失分", "Points lost"),
  problems: L("问题", "Problems"),
  owner: L("责任人", "Owner"),
  due: L("完成期限", "Due"),
  overdue: L("逾期", "Overdue"),
  yes: L("是", "yes"),
  noGaps: L("没有差距", "No gaps"),
  empty: L("(未填写)", "(not entered)"),
};

const RESULTS_WIDTHS = [24, 10, 8, 10, 10];
const GAP_WIDTHS = [6, 10, 40, 12, 20, 8, 48, 10, 12, 6];

/** 1-based row where the group score table's header sits on 自评结果. */
export const RESULTS_GROUP_HEADER_ROW = 10;
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

  push(tr(LABELS.resultsTitle));
  push();
  push(tr(LABELS.township), assessment.township || tr(LABELS.empty));
  push(tr(LABELS.assessmentDate), assessment.assessmentDate ?? tr(LABELS.empty));
  push(tr(LABELS.pack), `${assessment.packId} ${assessment.packVersion}`);
  push(tr(LABELS.score), assessment.score);
  push(tr(LABELS.band), tr(assessment.band.label));
  push(tr(LABELS.eligibility), tr(assessment.eligible ? LABELS.eligible : LABELS.notEligible));
  push(
    tr(LABELS.vetoes),
    assessment.vetoes.length === 0 ? "—" : assessment.vetoes.map((v) => `${v.itemId} ${v.date}`).join("; "),
  );
  // rows.length is now RESULTS_GROUP_HEADER_ROW - 1
  // Group and score side by side, so the chart's source is one contiguous range.
  push(tr(LABELS.group), tr(LABELS.groupScore), tr(LABELS.weight), tr(LABELS.earned), tr(LABELS.possible));
  const firstGroupRow = rows.length + 1;
  for (const group of assessment.groups) {
    push(tr(group.title), group.score, group.weight, roundTo(group.earned, 1), roundTo(group.possible, 1));
  }
  const lastGroupRow = rows.length;
  const scored = assessment.groups.some((g) => g.score !== null);

  return {
    sheet: layout.results.sheet,
    rows,
    widths: [...RESULTS_WIDTHS],
    boldRows: [1, RESULTS_GROUP_HEADER_ROW],
    formats: [
      { column: 1, fromRow: 6, toRow: 6, format: "0.0" },
      { column: 1, fromRow: firstGroupRow, toRow: Math.max(firstGroupRow, lastGroupRow), format: "0.0" },
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
  options: ResultSheetOptions = {},
): SheetModel {
  const lang = options.lang ?? "zh";
  const texts = options.texts ?? defaultTexts;
  const tr = (text: LocalizedText): string => text[lang];
  const width = GAP_WIDTHS.length;
  const groupTitle = new Map(assessment.groups.map((g) => [g.groupId, tr(g.title)]));
  const itemFindings = new Map(assessment.items.map((i) => [i.itemId, i.findings]));

  const rows: SheetCell[][] = [pad([tr(LABELS.gapsTitle)], width)];
  rows.push(
    [
      LABELS.index,
      LABELS.itemId,
      LABELS.requirement,
      LABELS.clause,
      LABELS.group,
      LABELS.pointsLost,
      LABELS.problems,
      LABELS.owner,
      LABELS.due,
      LABELS.overdue,
    ].map(tr),
  );
  assessment.gaps.forEach((gap, i) => {
    const findings = itemFindings.get(gap.itemId) ?? [];
    const problems = [texts.reason(gap.reason), ...findings.map((f) => texts.finding(f))]
      .filter((s) => s.length > 0)
      .join("\n");
    rows.push([
      i + 1,
      gap.itemId,
      tr(gap.title),
      gap.clause,
      groupTitle.get(gap.groupId) ?? gap.groupId,
      roundTo(gap.pointsLost, 1),
      problems,
      gap.owner ?? null,
      gap.due ?? null,
      gap.overdue ? tr(LABELS.yes) : null,
    ]);
  });
  if (assessment.gaps.length === 0) rows.push(pad([null, null, tr(LABELS.noGaps)], width));

  return {
    sheet: layout.gaps.sheet,
    rows,
    widths: [...GAP_WIDTHS],
    boldRows: [1, GAPS_HEADER_ROW],
    formats: [
      {
        column: 5,
        fromRow: GAPS_HEADER_ROW + 1,
        toRow: Math.max(GAPS_HEADER_ROW + 1, rows.length),
        format: "0.0",
      },
    ],
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
