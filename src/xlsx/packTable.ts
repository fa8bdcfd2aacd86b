import {
  layoutSheet,
  packFromTable,
  packToTable,
  type PackTableResult,
  type PlainTableOptions,
  type TableColumnSpec,
} from "../core/pack/table";
import type { Pack } from "../core/pack/schema";
import { t, type Locale } from "../i18n";
import { addRangeValidation, ExcelJS, saveXlsx } from "./exceljs";
import { DEFAULT_LIMITS, type InputLimits } from "./guard";
import { loadGuarded } from "./read/open";
import { rawFromWorkbook } from "./read/raw";
import { FILLS, HEADER_FONT, TITLE_FONT } from "./write/styles";

/** Rows below a block's last row that still get its dropdowns, for rows a coordinator adds. */
const SPARE_ROWS = 200;
/** Excel's limits on a validation's prompt and an inline list. */
const PROMPT_MAX = 255;
const LIST_MAX = 255;

/**
 * A pack as an editable 细则 workbook (考核项目 · 台账 · 设置): the core's table spec rendered with
 * a note on every header, the header's help as the column's input prompt and dropdowns.
 */
export function packTableWorkbook(pack: Pack, locale: Locale): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Taizhang";
  for (const sheetSpec of packToTable(pack).sheets) {
    const ws = workbook.addWorksheet(sheetSpec.name);
    const layout = layoutSheet(sheetSpec);
    layout.rows.forEach((values, index) => {
      const row = ws.getRow(index + 1);
      values.forEach((value, column) => {
        if (value !== null) row.getCell(column + 1).value = value;
      });
    });
    const widths: number[] = [];
    sheetSpec.blocks.forEach((block, b) => {
      const header = (layout.headers[b] ?? 0) + 1;
      const title = layout.titles[b];
      if (title !== null && title !== undefined) ws.getRow(title + 1).font = TITLE_FONT;
      const last = header + block.rows.length + (sheetSpec.blocks.length === 1 ? SPARE_ROWS : 0);
      block.columns.forEach((column, c) => {
        widths[c] = Math.max(widths[c] ?? 0, column.width);
        const cell = ws.getRow(header).getCell(c + 1);
        cell.font = HEADER_FONT;
        cell.fill = FILLS.header;
        const help = t(locale, `packTable.help.${column.help}`);
        cell.note = help;
        if (last > header) addColumnValidation(ws, column, c + 1, header + 1, last, help);
      });
    });
    widths.forEach((width, c) => (ws.getColumn(c + 1).width = width));
    ws.getColumn(1).alignment = { vertical: "top" };
    ws.eachRow((row) => (row.alignment = { vertical: "top", wrapText: true }));
    if (sheetSpec.blocks.length === 1)
      ws.views = [{ state: "frozen", ySplit: (layout.headers[0] ?? 0) + 1, xSplit: 1 }];
  }
  return workbook;
}

function addColumnValidation(
  ws: ExcelJS.Worksheet,
  column: TableColumnSpec,
  index: number,
  first: number,
  last: number,
  help: string,
): void {
  const list = column.list ? `"${column.list.values.join(",")}"` : undefined;
  // An empty list (a pack without ledgers) would be a validation Excel refuses to open.
  if (!column.list || !list || column.list.values.length === 0 || list.length > LIST_MAX) return;
  const letter = ws.getColumn(index).letter;
  addRangeValidation(ws, `${letter}${first}:${letter}${last}`, {
    type: "list",
    formulae: [list],
    allowBlank: true,
    showInputMessage: true,
    promptTitle: column.header,
    prompt: help.slice(0, PROMPT_MAX),
    // An offered list (rule types, ledgers) proposes values; anything else may still be typed.
    showErrorMessage: column.list.strict,
    ...(column.list.strict ? { errorStyle: "stop" } : {}),
  });
}

export async function packTableBytes(pack: Pack, locale: Locale): Promise<Uint8Array> {
  return saveXlsx(packTableWorkbook(pack, locale));
}

/** .xlsx bytes of a 细则 workbook or a plain 考核细则 table → a pack, or every problem with its place. */
export async function packFromTableBytes(
  bytes: Uint8Array,
  options: PlainTableOptions,
  limits: InputLimits = DEFAULT_LIMITS,
): Promise<PackTableResult> {
  return packFromTable(rawFromWorkbook(await loadGuarded(bytes, limits)), options);
}
