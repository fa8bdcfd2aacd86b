import { columnLetter } from "../../core/layout";
import type { Consolidation } from "../../core/consolidate";
import {
  type CellBlock,
  type SkippedSource,
  SUMMARY_HEADER_ROW,
  summarySheetModels,
  type SummaryTexts,
} from "../../core/layout/summarySheets";
import type { SheetModel } from "../../core/layout/resultSheets";
import { t, type Locale } from "../../i18n";
import { ExcelJS, saveXlsx } from "../exceljs";
import { writeSheetModel } from "./sheetModel";
import { FILLS, HEADER_FONT } from "./styles";

/** A file that could not be consolidated, with the reason already in words. */
export type SkippedFile = SkippedSource;

/** The `xlsx.summary.*` words and consolidation notes in one language, for the sheet models. */
export function summaryTexts(locale: Locale): SummaryTexts {
  return {
    lang: locale === "zh-CN" ? "zh" : "en",
    label: (key, params = {}) => t(locale, `xlsx.summary.${key}`, params),
    note: (note) => t(locale, note.code, note.params),
  };
}

/**
 * The coordinator's summary workbook: ranking with a townships × groups heat map, the most
 * missed items, and notes (mixed versions, skipped files). The rows are the shared sheet models
 * of src/core/layout/summarySheets, which the add-in writes too.
 */
export function buildSummaryWorkbook(
  summary: Consolidation,
  skipped: readonly SkippedFile[],
  locale: Locale,
): ExcelJS.Workbook {
  const models = summarySheetModels(summary, skipped, summaryTexts(locale));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Taizhang";

  const matrix = writeSheetModel(workbook, models.matrix);
  styleHeader(matrix, models.matrix);
  const scale = models.matrix.colorScale;
  if (scale) {
    const [low, mid, high] = scale.stops;
    matrix.addConditionalFormatting({
      ref: scale.blocks.map(blockRef).join(" "),
      rules: [
        {
          type: "colorScale",
          priority: 1,
          cfvo: [low, mid, high].map((s) => ({ type: "num" as const, value: s.value })),
          color: [low, mid, high].map((s) => ({ argb: argb(s.color) })),
        },
      ],
    });
  }
  matrix.views = [{ state: "frozen", xSplit: models.matrix.frozenColumns, ySplit: models.matrix.frozenRows }];

  const missed = writeSheetModel(workbook, models.missed);
  styleHeader(missed, models.missed);
  missed.views = [{ state: "frozen", ySplit: models.missed.frozenRows }];

  writeSheetModel(workbook, models.notes);
  return workbook;
}

export async function summaryBytes(
  summary: Consolidation,
  skipped: readonly SkippedFile[],
  locale: Locale,
): Promise<Uint8Array> {
  return saveXlsx(buildSummaryWorkbook(summary, skipped, locale));
}

function styleHeader(sheet: ExcelJS.Worksheet, model: SheetModel): void {
  model.widths.forEach((_, c) => {
    const cell = sheet.getCell(SUMMARY_HEADER_ROW, c + 1);
    cell.font = HEADER_FONT;
    cell.fill = FILLS.header;
    cell.alignment = { wrapText: true, vertical: "middle" };
  });
  sheet.getRow(SUMMARY_HEADER_ROW).height = 30;
}

const blockRef = (b: CellBlock): string =>
  `${columnLetter(b.firstColumn)}${b.firstRow}:${columnLetter(b.lastColumn)}${b.lastRow}`;

const argb = (hex: string): string => `FF${hex.replace(/^#/, "").toUpperCase()}`;
