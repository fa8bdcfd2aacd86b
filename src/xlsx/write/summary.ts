import JSZip from "jszip";
import type { Consolidation } from "../../core/consolidate";
import {
  type CellFill,
  type CellLink,
  linkReference,
  type SkippedSource,
  SUMMARY_HEADER_ROW,
  summarySheetModels,
  type SummaryTexts,
} from "../../core/layout/summarySheets";
import type { SheetModel } from "../../core/layout/resultSheets";
import { t, type Locale } from "../../i18n";
import { ExcelJS, saveXlsx } from "../exceljs";
import { writeSheetModel } from "./sheetModel";
import { FILLS, HEADER_FONT, solidFill } from "./styles";

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
  paint(matrix, models.matrix.fills);
  link(matrix, models.matrix.links);
  matrix.views = [{ state: "frozen", xSplit: models.matrix.frozenColumns, ySplit: models.matrix.frozenRows }];

  const missed = writeSheetModel(workbook, models.missed);
  styleHeader(missed, models.missed);
  missed.views = [{ state: "frozen", ySplit: models.missed.frozenRows }];

  const detail = writeSheetModel(workbook, models.detail);
  paint(detail, models.detail.fills);
  link(detail, models.detail.links);

  writeSheetModel(workbook, models.notes);
  return workbook;
}

export async function summaryBytes(
  summary: Consolidation,
  skipped: readonly SkippedFile[],
  locale: Locale,
): Promise<Uint8Array> {
  return internalLinks(await saveXlsx(buildSummaryWorkbook(summary, skipped, locale)));
}

function paint(sheet: ExcelJS.Worksheet, fills: readonly CellFill[]): void {
  for (const f of fills) sheet.getCell(f.row, f.column + 1).fill = solidFill(f.color);
}

/** The cell keeps its text and links into the workbook ("#'乡镇详情'!A5", as ExcelJS documents it). */
function link(sheet: ExcelJS.Worksheet, links: readonly CellLink[]): void {
  for (const l of links) {
    const cell = sheet.getCell(l.row, l.column + 1);
    cell.value = { text: String(cell.value ?? ""), hyperlink: `#${linkReference(l)}` };
    cell.font = { color: { argb: "FF0563C1" }, underline: true };
  }
}

/**
 * ExcelJS 4.4 writes an in-workbook link twice: `location="#'S'!A1"` and an external relationship
 * to "#'S'!A1", which Excel joins into "#'S'!A1##'S'!A1" (exceljs/exceljs#3027). Rewritten as
 * Excel itself writes one — `location` without "#", no relationship — so Excel, WPS and
 * LibreOffice all jump inside the workbook.
 */
export async function internalLinks(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  for (const name of sheets) {
    const file = zip.file(name);
    if (!file) continue;
    const xml = await file.async("string");
    if (!xml.includes("<hyperlink ")) continue;
    const dropped = new Set<string>();
    const fixed = xml.replace(/<hyperlink ([^>]*?)\/>/g, (whole, attrs: string) => {
      const location = /location="#([^"]*)"/.exec(attrs);
      const rid = /r:id="([^"]*)"/.exec(attrs);
      if (!location) return whole;
      if (rid?.[1]) dropped.add(rid[1]);
      const rest = attrs.replace(/\s*r:id="[^"]*"/, "").replace(/location="#/, 'location="');
      return `<hyperlink ${rest}/>`;
    });
    zip.file(name, fixed);
    const relsName = name.replace(/sheet(\d+)\.xml$/, "_rels/sheet$1.xml.rels");
    const rels = zip.file(relsName);
    if (rels && dropped.size > 0) {
      const relsXml = await rels.async("string");
      zip.file(
        relsName,
        relsXml.replace(/<Relationship [^>]*?\/>/g, (rel) => {
          const id = /Id="([^"]*)"/.exec(rel)?.[1];
          return id && dropped.has(id) ? "" : rel;
        }),
      );
    }
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
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
