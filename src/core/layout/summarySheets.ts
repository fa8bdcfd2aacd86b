import { groupHeading, groupScoreOf } from "../consolidate/consolidate";
import type { Consolidation, ConsolidationNote, TownshipRow } from "../consolidate";
import type { LocalizedText } from "../pack/schema";
import type { ChartModel, SheetCell, SheetLang, SheetModel } from "./resultSheets";

/**
 * What a consolidation's sheets contain — the ranking matrix (汇总), the items most often missing
 * (共性差距) and the notes — as plain rows from A1, so `taizhang consolidate` (ExcelJS) and the
 * add-in (Office.js) write the same sheets. Words come from the caller (src/i18n, keys
 * `xlsx.summary.*`); pack texts are picked by `lang`.
 */
export interface SummaryTexts {
  lang: SheetLang;
  /** The text of `xlsx.summary.<key>` in the workbook's language. */
  label(key: string, params?: Readonly<Record<string, string | number>>): string;
  /** The sentence of a consolidation note (text by its code). */
  note(note: ConsolidationNote): string;
}

/** A file that could not be consolidated, with the reason already in words. */
export interface SkippedSource {
  source: string;
  reason: string;
}

/** A block of cells: 1-based rows, 0-based columns, inclusive. */
export interface CellBlock {
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
}

export interface ColorStop {
  value: number;
  /** "#RRGGBB" */
  color: string;
}

/** A 3-colour scale on fixed numbers, so the colours mean the same in every summary. */
export interface ColorScaleModel {
  blocks: readonly CellBlock[];
  stops: readonly [ColorStop, ColorStop, ColorStop];
}

export interface SummaryMatrixModel extends SheetModel {
  /** Score and group columns: red (0) → yellow (60) → green (100); null without townships. */
  colorScale: ColorScaleModel | null;
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
  /** Notes as a sheet of their own (the CLI's workbook); the add-in puts them under the matrix. */
  notes: SheetModel;
}

export interface SummarySheetOptions {
  /** Sheet names; the `xlsx.summary.sheet.*` labels when absent. */
  sheetNames?: { matrix?: string; missed?: string; notes?: string };
  /** Also list the notes below the matrix (for a workbook that gets no notes sheet). */
  notesOnMatrix?: boolean;
}

/** The CLI's heat map: red → yellow → green at 0 / 60 / 100. */
export const SUMMARY_COLOR_STOPS: readonly [ColorStop, ColorStop, ColorStop] = [
  { value: 0, color: "#F8696B" },
  { value: 60, color: "#FFEB84" },
  { value: 100, color: "#63BE7B" },
];

/** 1-based header rows: row 1 is the title on both sheets. */
export const SUMMARY_HEADER_ROW = 2;

const LEAD_COLUMNS = ["rank", "township", "score", "band", "eligible"] as const;
const TAIL_COLUMNS = ["gaps", "errors", "vetoes", "vetoItems", "version", "source", "duplicate"] as const;
const LEAD_WIDTHS = [6, 16, 8, 8, 10];
const GROUP_WIDTH = 10;
const TAIL_WIDTHS = [8, 8, 8, 30, 16, 40, 40];
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
  return {
    matrix: matrixModel(summary, texts, options, notes),
    missed: missedModel(summary, texts, options),
    notes: notesModel(texts, options, notes),
  };
}

function matrixModel(
  summary: Consolidation,
  texts: SummaryTexts,
  options: SummarySheetOptions,
  notes: readonly string[],
): SummaryMatrixModel {
  const tr = (text: LocalizedText) => text[texts.lang];
  const groupCount = summary.groups.length;
  const widths = [...LEAD_WIDTHS, ...summary.groups.map(() => GROUP_WIDTH), ...TAIL_WIDTHS];
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
      ...TAIL_COLUMNS.map((k) => texts.label(`col.${k}`)),
    ],
  ];
  for (const row of summary.townships) rows.push(townshipCells(row, summary, texts));
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
  const firstGroup = LEAD_COLUMNS.length;
  const scoreBlock = (first: number, last: number): CellBlock => ({
    firstRow,
    lastRow,
    firstColumn: first,
    lastColumn: last,
  });
  return {
    sheet: options.sheetNames?.matrix ?? texts.label("sheet.matrix"),
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
    colorScale: hasTownships
      ? {
          blocks: [
            scoreBlock(SCORE_COLUMN, SCORE_COLUMN),
            ...(groupCount > 0 ? [scoreBlock(firstGroup, firstGroup + groupCount - 1)] : []),
          ],
          stops: SUMMARY_COLOR_STOPS,
        }
      : null,
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

function townshipCells(row: TownshipRow, summary: Consolidation, texts: SummaryTexts): SheetCell[] {
  const tr = (text: LocalizedText) => text[texts.lang];
  return [
    row.rank,
    row.township,
    row.score,
    tr(row.band.label),
    texts.label(row.eligible ? "eligible.yes" : "eligible.no"),
    ...summary.groups.map((g) => groupScoreOf(row, g)),
    row.gapCount,
    row.errorCount,
    row.vetoCount,
    row.vetoes.length === 0 ? null : row.vetoes.map((v) => `${v.itemId} ${tr(v.title)} ${v.date}`).join("; "),
    `${row.packId}@${row.packVersion}`,
    row.source,
    row.duplicateSources.length === 0 ? null : row.duplicateSources.join("; "),
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
