import { columnLetter } from "../../core/layout";
import type { Consolidation } from "../../core/consolidate";
import { localized, t, type Locale } from "../../i18n";
import { ExcelJS, saveXlsx } from "../exceljs";
import { FILLS, HEADER_FONT, TITLE_FONT } from "./styles";

/** A file that could not be consolidated, with the reason already in words. */
export interface SkippedFile {
  source: string;
  reason: string;
}

const SHEET_KEYS = { matrix: "matrix", missed: "missed", notes: "notes" } as const;

/**
 * The coordinator's summary workbook: ranking with a townships × groups heat map, the most
 * missed items, and notes (mixed versions, skipped files).
 */
export function buildSummaryWorkbook(
  summary: Consolidation,
  skipped: readonly SkippedFile[],
  locale: Locale,
): ExcelJS.Workbook {
  const tr = (key: string, params = {}) => t(locale, `xlsx.summary.${key}`, params);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Taizhang";

  const matrix = workbook.addWorksheet(tr(`sheet.${SHEET_KEYS.matrix}`));
  matrix.getCell("A1").value = tr("title", {
    count: summary.townships.length,
    eligible: summary.eligibleCount,
    mean: summary.meanScore ?? "—",
  });
  matrix.getCell("A1").font = TITLE_FONT;
  const fixedHeaders = ["rank", "township", "score", "band", "eligible"].map((k) => tr(`col.${k}`));
  const groupHeaders = summary.groups.map((g) => localized(locale, g.title));
  const tailHeaders = ["gaps", "errors", "vetoes", "version", "source"].map((k) => tr(`col.${k}`));
  writeHeader(matrix, 2, [...fixedHeaders, ...groupHeaders, ...tailHeaders]);
  summary.townships.forEach((row, i) => {
    const r = i + 3;
    const values = [
      row.rank,
      row.township,
      row.score,
      localized(locale, row.band.label),
      tr(row.eligible ? "eligible.yes" : "eligible.no"),
      ...summary.groups.map((g) => row.groupScores[g.groupId] ?? null),
      row.gapCount,
      row.errorCount,
      row.vetoCount,
      `${row.packId}@${row.packVersion}`,
      row.source,
    ];
    values.forEach((value, c) => {
      matrix.getCell(r, c + 1).value = value;
    });
  });
  const lastRow = summary.townships.length + 2;
  const columnCount = fixedHeaders.length + groupHeaders.length + tailHeaders.length;
  for (let c = 1; c <= columnCount; c++) {
    matrix.getColumn(c).width = c === 2 ? 16 : c === columnCount ? 40 : c > columnCount - 5 ? 12 : 10;
  }
  if (summary.townships.length > 0) {
    // Score and every group column: red (0) → yellow (60) → green (100), fixed so files compare.
    const first = columnLetter(2);
    const scoreRef = `${first}3:${first}${lastRow}`;
    const groupRef =
      summary.groups.length > 0
        ? ` ${columnLetter(fixedHeaders.length)}3:${columnLetter(fixedHeaders.length + summary.groups.length - 1)}${lastRow}`
        : "";
    matrix.addConditionalFormatting({
      ref: `${scoreRef}${groupRef}`,
      rules: [
        {
          type: "colorScale",
          priority: 1,
          cfvo: [
            { type: "num", value: 0 },
            { type: "num", value: 60 },
            { type: "num", value: 100 },
          ],
          color: [{ argb: "FFF8696B" }, { argb: "FFFFEB84" }, { argb: "FF63BE7B" }],
        },
      ],
    });
    for (let r = 3; r <= lastRow; r++) {
      for (let c = 3; c <= fixedHeaders.length + groupHeaders.length; c++) {
        if (c === 3 || c > fixedHeaders.length) matrix.getCell(r, c).numFmt = "0.0";
      }
    }
  }
  matrix.views = [{ state: "frozen", xSplit: 2, ySplit: 2 }];

  const missed = workbook.addWorksheet(tr(`sheet.${SHEET_KEYS.missed}`));
  missed.getCell("A1").value = tr("missedTitle");
  missed.getCell("A1").font = TITLE_FONT;
  writeHeader(
    missed,
    2,
    ["index", "itemId", "clause", "requirement", "count", "share", "pointsLost", "townships"].map((k) =>
      tr(`col.${k}`),
    ),
  );
  summary.mostMissed.forEach((item, i) => {
    const values = [
      i + 1,
      item.itemId,
      item.clause,
      localized(locale, item.title),
      item.count,
      item.share,
      item.pointsLost,
      item.townships.join("、"),
    ];
    values.forEach((value, c) => {
      missed.getCell(i + 3, c + 1).value = value;
    });
    missed.getCell(i + 3, 6).numFmt = "0%";
  });
  [6, 10, 12, 44, 10, 8, 10, 60].forEach((w, c) => (missed.getColumn(c + 1).width = w));
  missed.views = [{ state: "frozen", ySplit: 2 }];

  const notes = workbook.addWorksheet(tr(`sheet.${SHEET_KEYS.notes}`));
  notes.getCell("A1").value = tr("notesTitle");
  notes.getCell("A1").font = TITLE_FONT;
  const lines = [
    ...summary.notes.map((n) => t(locale, n.code, n.params)),
    ...skipped.map((s) => tr("skipped", { source: s.source, reason: s.reason })),
  ];
  (lines.length > 0 ? lines : [tr("noNotes")]).forEach((line, i) => {
    notes.getCell(i + 2, 1).value = line;
  });
  notes.getColumn(1).width = 100;

  for (const sheet of workbook.worksheets) {
    sheet.pageSetup = {
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      paperSize: 9,
    };
  }
  return workbook;
}

export async function summaryBytes(
  summary: Consolidation,
  skipped: readonly SkippedFile[],
  locale: Locale,
): Promise<Uint8Array> {
  return saveXlsx(buildSummaryWorkbook(summary, skipped, locale));
}

function writeHeader(sheet: ExcelJS.Worksheet, row: number, headers: readonly string[]): void {
  headers.forEach((text, c) => {
    const cell = sheet.getCell(row, c + 1);
    cell.value = text;
    cell.font = HEADER_FONT;
    cell.fill = FILLS.header;
    cell.alignment = { wrapText: true, vertical: "middle" };
  });
  sheet.getRow(row).height = 30;
}
