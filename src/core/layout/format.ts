import type { ColumnType, LocalizedText } from "../pack/schema";
import { type ColumnLayout, NO, YES } from "./columns";

/**
 * How cells look and what native help they carry, in a host-neutral form: both adapters translate
 * these into Office.js or ExcelJS calls and keep no number format, colour or validation setting
 * of their own.
 */

/** Fills as #RRGGBB. */
export const COLORS = {
  header: "#DDEBF7",
  fixed: "#F2F2F2",
  output: "#FFF7E6",
  error: "#F8D7DA",
  warning: "#FFF3CD",
  ok: "#E6F4EA",
  retired: "#EDEDED",
  failingRow: "#FDECEA",
  warningRow: "#FFF8E1",
  good: "#C6EFCE",
  partial: "#FFEB9C",
  bad: "#FFC7CE",
  muted: "#E7E6E6",
} as const;

export interface FontSpec {
  bold: boolean;
}

/** Row 1 of every sheet. */
export const TITLE_FONT: FontSpec = { bold: true };
export const HEADER_FONT: FontSpec = { bold: true };

/** Text formats keep what people type as they typed it ("00123", "2018.4" stay text). */
export const TEXT_FORMAT = "@";

export function numberFormatFor(type: ColumnType): string {
  switch (type) {
    case "date":
      return "yyyy-mm-dd";
    case "ratio":
      return "0%";
    case "integer":
      return "0";
    case "number":
      return "General";
    default:
      return TEXT_FORMAT;
  }
}

/** The body format of a table column; pre-filled points stay General so they read as numbers. */
export const columnNumberFormat = (column: ColumnLayout): string =>
  column.fixed && column.type === "number" ? "General" : numberFormatFor(column.type);

/** Excel's limits: prompt and alert titles 32 characters, messages 255. */
export const VALIDATION_LIMITS = { title: 32, message: 255 } as const;

/** Text shown in the workbook: the pack's own words, or an i18n message rendered by the adapter. */
export type WorkbookText =
  { text: LocalizedText } | { key: string; params?: Readonly<Record<string, string>> };

/** The earliest date a date column accepts (Excel's calendar starts here). */
export const EARLIEST_DATE = "1900-01-01";

export type ValidationCheck =
  | { kind: "list"; values: readonly string[] }
  | { kind: "date"; operator: "greaterThanOrEqual"; min: string }
  | { kind: "decimal" | "whole"; operator: "greaterThanOrEqual"; min: number }
  | { kind: "decimal"; operator: "between"; min: number; max: number }
  /** Always true: carries an input prompt on a free-text column. */
  | { kind: "textLength"; operator: "lessThanOrEqual"; max: number };

export interface ValidationSpec {
  check: ValidationCheck;
  prompt: { title: WorkbookText; message: WorkbookText };
  /**
   * Shown when an entry fails the check. Always a warning (the person may keep the entry): the
   * checker accepts more than the spreadsheet's rule (2018年4月3日, 已完成, 有, 50 in a % cell), and
   * what the checker accepts must never be refused. Null when there is no check to fail.
   */
  alert: { style: "warning"; title: WorkbookText; message: WorkbookText } | null;
}

/** Longest inline list Excel accepts (the quoted formula is capped at 255). */
const MAX_LIST_CHARS = 253;
const MAX_TEXT_LENGTH = 32767;

const message = (key: string, params?: Record<string, string>): WorkbookText =>
  params ? { key, params } : { key };

/**
 * The native validation of a value cell: dropdown, date or number check with an input prompt, or
 * a prompt alone on text with help. Null when the cell needs neither.
 */
export function validationFor(
  type: ColumnType,
  title: LocalizedText,
  help: LocalizedText | undefined,
  values?: readonly string[],
): ValidationSpec | null {
  const prompt = (fallback: WorkbookText) => ({
    title: { text: title },
    message: help ? { text: help } : fallback,
  });
  const typed = (check: ValidationCheck, name: string, params?: Record<string, string>): ValidationSpec => ({
    check,
    prompt: prompt(message(`excel.dv.${name}Message`, params)),
    alert: {
      style: "warning",
      title: message(`excel.dv.${name}Title`),
      message: message(`excel.dv.${name}Message`, params),
    },
  });
  switch (type) {
    case "enum":
    case "yesNo": {
      const choices = values && values.length > 0 ? values : type === "yesNo" ? [YES, NO] : [];
      if (choices.length === 0 || choices.join(",").length > MAX_LIST_CHARS) break;
      return typed({ kind: "list", values: choices }, "list", { values: choices.join(" / ") });
    }
    case "date":
      return typed({ kind: "date", operator: "greaterThanOrEqual", min: EARLIEST_DATE }, "date");
    case "number":
      return typed({ kind: "decimal", operator: "greaterThanOrEqual", min: 0 }, "number");
    case "integer":
      return typed({ kind: "whole", operator: "greaterThanOrEqual", min: 0 }, "integer");
    case "ratio":
      return typed({ kind: "decimal", operator: "between", min: 0, max: 1 }, "ratio");
    default:
      break;
  }
  if (!help) return null;
  return {
    check: { kind: "textLength", operator: "lessThanOrEqual", max: MAX_TEXT_LENGTH },
    prompt: prompt({ text: help }),
    alert: null,
  };
}

/** A table column's validation; none on pre-filled and 校验 columns. */
export function columnValidation(column: ColumnLayout): ValidationSpec | null {
  if (column.fixed || column.output) return null;
  return validationFor(column.type, column.header, column.help, column.values);
}

/** The prompt of one item's 状态 (or 是否发生) cell: its requirement and clause. */
export function statusPrompt(
  validation: ValidationSpec,
  itemId: string,
  cells: Readonly<Record<string, string | number>>,
): ValidationSpec {
  return {
    ...validation,
    prompt: {
      title: { text: { zh: itemId, en: itemId } },
      message: message(cells.criteria ? "excel.dv.statusPromptCriteria" : "excel.dv.statusPrompt", {
        requirement: String(cells.requirement ?? ""),
        clause: String(cells.clause ?? ""),
        criteria: String(cells.criteria ?? ""),
        points: String(cells.points ?? ""),
      }),
    },
  };
}

/** The column that carries per-item prompts, or -1. */
export const statusColumnOf = (columns: readonly ColumnLayout[]): number =>
  columns.findIndex((c) => c.id === "status" || c.id === "occurred");

export const clipText = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

/** The title row above a table; a veto table says what it lists, as it shares its group's sheet. */
export function tableTitle(table: { kind: string; title: LocalizedText }): LocalizedText {
  if (table.kind !== "veto") return table.title;
  return { zh: `${table.title.zh} — 一票否决情形`, en: `${table.title.en} — veto conditions` };
}

/** Columns whose text wraps: the long requirement and the 校验 sentences. */
export const wrapsText = (column: ColumnLayout): boolean =>
  column.output === true || column.id === "requirement";

/**
 * Style of every table: Excel's own default for a new table, which the add-in leaves as it is,
 * so a file from taizhang init looks the same as one the add-in made.
 */
export const TABLE_STYLE = "TableStyleMedium2";

/** Print setup of every sheet Taizhang makes: A4 landscape, one page wide. */
export const PRINT_SETUP = {
  orientation: "landscape",
  paperSize: "A4",
  fitToWidth: 1,
  fitToHeight: 0,
} as const;

/**
 * Column widths. The spec counts characters of the default font's widest digit (7 px for Calibri 11);
 * Excel shows n characters as n×7 + 5 px of padding, and Office.js counts points (¾ px). A file
 * stores the width with the padding in (ECMA-376 Part 1, §18.3.1.13, col/@width).
 */
const DIGIT_PX = 7;
const PADDING_PX = 5;

export const pointsFromCharacters = (characters: number): number =>
  round2(((characters * DIGIT_PX + PADDING_PX) * 3) / 4);

/** §18.3.1.13: width = Truncate([n × 7 + 5] / 7 × 256) / 256 (8 characters → 8.7109375). */
export const fileWidthFromCharacters = (characters: number): number =>
  fileWidthFromPixels(characters * DIGIT_PX + PADDING_PX);

/** §18.3.1.13: pixels = Truncate(((256 × width + Truncate(128 / 7)) / 256) × 7) (8.7109375 → 61 px). */
export const pointsFromFileWidth = (width: number): number =>
  round2((Math.trunc(((256 * width + Math.trunc(128 / DIGIT_PX)) / 256) * DIGIT_PX) * 3) / 4);

export const fileWidthFromPoints = (points: number): number =>
  fileWidthFromPixels(Math.round((points * 4) / 3));

const fileWidthFromPixels = (pixels: number): number =>
  Math.trunc((Math.max(0, pixels) / DIGIT_PX) * 256) / 256;

const round2 = (n: number): number => Math.round(n * 100) / 100;
