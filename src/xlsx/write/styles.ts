import {
  COLORS,
  type FontSpec,
  HEADER_FONT as HEADER,
  PRINT_SETUP,
  TITLE_FONT as TITLE,
} from "../../core/layout";
import type { ExcelJS } from "../exceljs";

/** #RRGGBB of the core spec → ExcelJS's opaque ARGB. */
export const argb = (color: string): string => `FF${color.replace("#", "").toUpperCase()}`;

export const solidFill = (color: string): ExcelJS.Fill => ({
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: argb(color) },
  bgColor: { argb: argb(color) },
});

/** Conditional-format fills use bgColor for a solid pattern. */
export const cfFill = (color: string): Partial<ExcelJS.Style> => ({
  fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(color) } },
});

export const FILLS = {
  fixed: solidFill(COLORS.fixed),
  header: solidFill(COLORS.header),
};

const font = (spec: FontSpec): Partial<ExcelJS.Font> => ({ bold: spec.bold });

export const TITLE_FONT = font(TITLE);
export const HEADER_FONT = font(HEADER);

const PAPER_SIZE = { A4: 9 } as const;

/** The core's print setup in ExcelJS's terms. */
export const pageSetup = (): Partial<ExcelJS.PageSetup> => ({
  orientation: PRINT_SETUP.orientation,
  fitToPage: true,
  fitToWidth: PRINT_SETUP.fitToWidth,
  fitToHeight: PRINT_SETUP.fitToHeight,
  paperSize: PAPER_SIZE[PRINT_SETUP.paperSize],
});
