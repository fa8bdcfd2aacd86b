import type { ExcelJS } from "../exceljs";

const solid = (argb: string): ExcelJS.Fill => ({
  type: "pattern",
  pattern: "solid",
  fgColor: { argb },
  bgColor: { argb },
});

/** Conditional-format fills use bgColor for a solid pattern. */
export const cfFill = (argb: string): Partial<ExcelJS.Style> => ({
  fill: { type: "pattern", pattern: "solid", bgColor: { argb } },
});

export const COLORS = {
  fixed: "FFF2F2F2",
  output: "FFFFF7E6",
  good: "FFC6EFCE",
  partial: "FFFFEB9C",
  bad: "FFFFC7CE",
  muted: "FFE7E6E6",
  header: "FF1F4E79",
} as const;

export const FILLS = {
  fixed: solid(COLORS.fixed),
  output: solid(COLORS.output),
  header: solid(COLORS.header),
};

export const TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 14 };
export const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: "FFFFFFFF" } };
