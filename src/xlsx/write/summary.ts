import type { Consolidation } from "../../core/consolidate";
import { COLORS } from "../../core/layout/format";
import {
  type SkippedSource,
  SUMMARY_HEADER_ROW,
  summarySheetModels,
  type SummaryTexts,
} from "../../core/layout/summarySheets";
import { t, type Locale } from "../../i18n";
import { writeXlsx } from "./xml/package";

/** The workbook's author, by which a later run knows its own summary in a folder of inputs. */
const CREATOR = "Taizhang";
/** Points: the header's two-line labels. */
const HEADER_HEIGHT = 30;

/** A file that could not be consolidated, with the reason already in words. */
export type SkippedFile = SkippedSource;

/** The `xlsx.summary.*` words and consolidation notes in one language, for the sheet models. */
export function summaryTexts(locale: Locale): SummaryTexts {
  return {
    lang: locale === "zh-CN" ? "zh" : "en",
    label: (key, params = {}) => t(locale, `xlsx.summary.${key}`, params),
    note: (note) => t(locale, note.code, note.params),
    reason: (reason) => t(locale, `reason.${reason.code}`, reason.params),
  };
}

/**
 * The coordinator's summary workbook: ranking with a townships × groups heat map, the most
 * missed items, one detail block per township and notes (mixed versions, skipped files). The
 * rows are the shared sheet models of src/core/layout/summarySheets, which the add-in writes too.
 * Written as XML straight into the zip (not through ExcelJS): a district's 1,000 townships make
 * ~100,000 rows on 乡镇详情, which ExcelJS held as an object per cell and then as one XML string.
 */
export async function summaryBytes(
  summary: Consolidation,
  skipped: readonly SkippedFile[],
  locale: Locale,
): Promise<Uint8Array> {
  const models = summarySheetModels(summary, skipped, summaryTexts(locale));
  const header = { row: SUMMARY_HEADER_ROW, height: HEADER_HEIGHT, fill: COLORS.header };
  // In-workbook links are written as Excel writes one — `location` without "#", no relationship —
  // not as ExcelJS 4.4 wrote them (twice, which Excel joins into "#'S'!A1##'S'!A1",
  // exceljs/exceljs#3027), so Excel, WPS and LibreOffice all jump inside the workbook.
  const { matrix, missed, detail, notes } = models;
  return Promise.resolve(
    writeXlsx(
      [
        {
          name: matrix.sheet,
          model: matrix,
          header,
          fills: matrix.fills,
          links: matrix.links,
          frozen: { rows: matrix.frozenRows, columns: matrix.frozenColumns },
        },
        { name: missed.sheet, model: missed, header, frozen: { rows: missed.frozenRows, columns: 0 } },
        { name: detail.sheet, model: detail, fills: detail.fills, links: detail.links },
        { name: notes.sheet, model: notes },
      ],
      CREATOR,
    ),
  );
}
