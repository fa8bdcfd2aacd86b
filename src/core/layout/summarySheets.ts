import { groupHeading, groupScoreOf } from "../consolidate/consolidate";
import { formatChange, heatColor } from "../consolidate";
import type { Consolidation, TownshipRow } from "../consolidate";
import type { LocalizedText } from "../pack/schema";
import type { ChartModel, SheetCell, SheetModel } from "./resultSheets";
import { cellName, type CellFill, type CellLink, type SummaryTexts } from "./summaryCells";
import { detailModel, type SummaryDetailModel } from "./summaryDetailSheet";

export { cellName, linkReference, type CellFill, type CellLink, type SummaryTexts } from "./summaryCells";
export type { SummaryDetailModel } from "./summaryDetailSheet";

/**
 * What a consolidation's sheets contain — the ranking matrix (汇总), the items most often missing
 * (共性差距), one detail block per township (乡镇详情, linked from the township's name) and the
 * notes — as plain rows from A1, so `taizhang consolidate` (ExcelJS) and the add-in (Office.js)
 * write the same sheets.
 */

/** A file that could not be consolidated, with the reason already in words. */
export interface SkippedSource {
  source: string;
  reason: string;
}

export interface SummaryMatrixModel extends SheetModel {
  /** The heat map: score and group cells filled by band (static fills: the same in every host). */
  fills: CellFill[];
  /** Each township's name → its block on 乡镇详情. */
  links: CellLink[];
  /** Bar chart of the overall scores, township names as categories; null without townships. */
  chart: ChartModel | null;
  /** Rows kept in view while scrolling (title and header). */
  frozenRows: number;
  /** Columns kept in view (rank and township). */
  frozenColumns: number;
}

export interface SummarySheetModels {
  matrix: SummaryMatrixModel;
  missed: SheetModel & { frozenRows: number };
  detail: SummaryDetailModel;
  /** Notes as a sheet of their own (the CLI's workbook); the add-in puts them under the matrix. */
  notes: SheetModel;
}

export interface SummarySheetOptions {
  /** Sheet names; the `xlsx.summary.sheet.*` labels when absent. */
  sheetNames?: { matrix?: string; missed?: string; notes?: string; detail?: string };
  /** Also list the notes below the matrix (for a workbook that gets no notes sheet). */
  notesOnMatrix?: boolean;
}

/** 1-based header rows: row 1 is the title on both sheets. */
export const SUMMARY_HEADER_ROW = 2;

const LEAD_COLUMNS = ["rank", "township", "score", "band", "eligible"] as const;
const TAIL_COLUMNS = [
  "gaps",
  "errors",
  "vetoes",
  "vetoItems",
  "version",
  "source",
  "duplicate",
  "year",
] as const;
const LEAD_WIDTHS = [6, 16, 8, 8, 10];
const GROUP_WIDTH = 10;
const CHANGE_WIDTH = 10;
const TAIL_WIDTHS = [8, 8, 8, 30, 16, 40, 40, 8];
const MISSED_COLUMNS = [
  "index",
  "itemId",
  "clause",
  "requirement",
  "count",
  "share",
  "pointsLost",
  "townships",
] as const;
const MISSED_WIDTHS = [6, 10, 12, 44, 10, 8, 10, 60];
const SCORE_COLUMN = 2;
const TOWNSHIP_COLUMN = 1;
const SHARE_COLUMN = 5;
const POINTS_COLUMN = 6;

export function summarySheetModels(
  summary: Consolidation,
  skipped: readonly SkippedSource[],
  texts: SummaryTexts,
  options: SummarySheetOptions = {},
): SummarySheetModels {
  const notes = noteLines(summary, skipped, texts);
  const matrixSheet = options.sheetNames?.matrix ?? texts.label("sheet.matrix");
  const detail = detailModel(summary, texts, options.sheetNames?.detail ?? texts.label("sheet.detail"), {
    sheet: matrixSheet,
    rowOf: (index) => SUMMARY_HEADER_ROW + 1 + index,
  });
  return {
    matrix: matrixModel(summary, texts, { ...options, matrixSheet, detail }, notes),
    missed: missedModel(summary, texts, options),
    detail,
    notes: notesModel(texts, options, notes),
  };
}

/** Whether any township of the batch is compared with an earlier 评估年度. */
const hasChanges = (summary: Consolidation): boolean => summary.townships.some((t) => t.change !== null);

function matrixModel(
  summary: Consolidation,
  texts: SummaryTexts,
  options: SummarySheetOptions & { matrixSheet: string; detail: SummaryDetailModel },
  notes: readonly string[],
): SummaryMatrixModel {
  const tr = (text: LocalizedText) => text[texts.lang];
  const changes = hasChanges(summary);
  const changeHeads = changes
    ? [
        texts.label("col.change"),
        ...summary.groups.map((g) => texts.label("col.groupChange", { group: tr(groupHeading(summary, g)) })),
      ]
    : [];
  const widths = [
    ...LEAD_WIDTHS,
    ...summary.groups.map(() => GROUP_WIDTH),
    ...changeHeads.map(() => CHANGE_WIDTH),
    ...TAIL_WIDTHS,
  ];
  const width = widths.length;
  const rows: SheetCell[][] = [
    pad(
      [
        texts.label("title", {
          count: summary.townships.length,
          eligible: summary.eligibleCount,
          mean: summary.meanScore ?? "—",
        }),
      ],
      width,
    ),
    [
      ...LEAD_COLUMNS.map((k) => texts.label(`col.${k}`)),
      ...summary.groups.map((g) => tr(groupHeading(summary, g))),
      ...changeHeads,
      ...TAIL_COLUMNS.map((k) => texts.label(`col.${k}`)),
    ],
  ];
  const fills: CellFill[] = [];
  const links: CellLink[] = [];
  const firstGroup = LEAD_COLUMNS.length;
  for (const [index, row] of summary.townships.entries()) {
    rows.push(townshipCells(row, summary, texts, changes));
    const r = rows.length;
    const anchor = options.detail.anchors[index];
    if (anchor !== undefined)
      links.push({ row: r, column: TOWNSHIP_COLUMN, sheet: options.detail.sheet, cell: cellName(anchor, 0) });
    const scores = [row.score, ...summary.groups.map((g) => groupScoreOf(row, g))];
    scores.forEach((score, i) => {
      const color = heatColor(score);
      if (color) fills.push({ row: r, column: i === 0 ? SCORE_COLUMN : firstGroup + i - 1, color });
    });
  }
  const firstRow = SUMMARY_HEADER_ROW + 1;
  const lastRow = SUMMARY_HEADER_ROW + summary.townships.length;
  const boldRows = [1, SUMMARY_HEADER_ROW];
  if (options.notesOnMatrix) {
    rows.push(pad([], width));
    rows.push(pad([texts.label("notesTitle")], width));
    boldRows.push(rows.length);
    for (const line of notes) rows.push(pad([line], width));
  }

  const hasTownships = summary.townships.length > 0;
  return {
    sheet: options.matrixSheet,
    rows,
    widths,
    boldRows,
    formats: hasTownships
      ? [
          { column: SCORE_COLUMN, fromRow: firstRow, toRow: lastRow, format: "0.0" },
          ...summary.groups.map((_, i) => ({
            column: firstGroup + i,
            fromRow: firstRow,
            toRow: lastRow,
            format: "0.0",
          })),
        ]
      : [],
    fills,
    links,
    chart: hasTownships
      ? {
          title: texts.label("chart"),
          firstRow,
          lastRow,
          categoryColumn: TOWNSHIP_COLUMN,
          valueColumn: SCORE_COLUMN,
        }
      : null,
    frozenRows: SUMMARY_HEADER_ROW,
    frozenColumns: 2,
  };
}

function townshipCells(
  row: TownshipRow,
  summary: Consolidation,
  texts: SummaryTexts,
  changes: boolean,
): SheetCell[] {
  const tr = (text: LocalizedText) => text[texts.lang];
  const change = (value: number | null | undefined): SheetCell =>
    value === null || value === undefined ? null : formatChange(value);
  return [
    row.rank,
    row.township,
    row.score,
    tr(row.band.label),
    texts.label(row.eligible ? "eligible.yes" : "eligible.no"),
    ...summary.groups.map((g) => groupScoreOf(row, g)),
    ...(changes
      ? [
          change(row.change?.score),
          ...summary.groups.map((g) =>
            g.packId === row.packId ? change(row.change?.groups[g.groupId]) : null,
          ),
        ]
      : []),
    row.gapCount,
    row.errorCount,
    row.vetoCount,
    row.vetoes.length === 0 ? null : row.vetoes.map((v) => `${v.itemId} ${tr(v.title)} ${v.date}`).join("; "),
    `${row.packId}@${row.packVersion}`,
    row.source,
    row.duplicateSources.length === 0 ? null : row.duplicateSources.join("; "),
    row.assessmentYear,
  ];
}

function missedModel(
  summary: Consolidation,
  texts: SummaryTexts,
  options: SummarySheetOptions,
): SheetModel & { frozenRows: number } {
  const tr = (text: LocalizedText) => text[texts.lang];
  const width = MISSED_WIDTHS.length;
  const rows: SheetCell[][] = [
    pad([texts.label("missedTitle")], width),
    MISSED_COLUMNS.map((k) => texts.label(`col.${k}`)),
  ];
  summary.mostMissed.forEach((item, i) => {
    rows.push([
      i + 1,
      item.itemId,
      item.clause,
      tr(item.title),
      item.count,
      item.share,
      item.pointsLost,
      item.townships.join("、"),
    ]);
  });
  if (summary.mostMissed.length === 0) rows.push(pad([null, null, null, texts.label("noMissed")], width));
  const firstRow = SUMMARY_HEADER_ROW + 1;
  const lastRow = Math.max(firstRow, SUMMARY_HEADER_ROW + summary.mostMissed.length);
  return {
    sheet: options.sheetNames?.missed ?? texts.label("sheet.missed"),
    rows,
    widths: [...MISSED_WIDTHS],
    boldRows: [1, SUMMARY_HEADER_ROW],
    formats: [
      { column: SHARE_COLUMN, fromRow: firstRow, toRow: lastRow, format: "0%" },
      { column: POINTS_COLUMN, fromRow: firstRow, toRow: lastRow, format: "0.0" },
    ],
    frozenRows: SUMMARY_HEADER_ROW,
  };
}

function notesModel(texts: SummaryTexts, options: SummarySheetOptions, notes: readonly string[]): SheetModel {
  return {
    sheet: options.sheetNames?.notes ?? texts.label("sheet.notes"),
    rows: [[texts.label("notesTitle")], ...notes.map((line) => [line])],
    widths: [100],
    boldRows: [1],
    formats: [],
  };
}

/** Mixed versions, duplicate townships and skipped files, in that order; "nothing to note" else. */
function noteLines(summary: Consolidation, skipped: readonly SkippedSource[], texts: SummaryTexts): string[] {
  const lines = [
    ...summary.notes.map((n) => texts.note(n)),
    ...skipped.map((s) => texts.label("skipped", { source: s.source, reason: s.reason })),
  ];
  return lines.length > 0 ? lines : [texts.label("noNotes")];
}

function pad(cells: SheetCell[], width: number): SheetCell[] {
  const out = cells.slice(0, width);
  while (out.length < width) out.push(null);
  return out;
}
