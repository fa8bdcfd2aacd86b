import { layoutFor, placeTables, tableTitle, type TablePlacement } from "../../core/layout";
import type { Pack } from "../../core/pack/schema";
import type { ArchivedRow, RolloverHint, RolloverPlan } from "../../core/rollover";
import { INFO_INPUTS, type CellValue } from "../../core/snapshot";
import { displayValue, parseDate } from "../../core/values";
import { t, type Locale } from "../../i18n";
import type { ExcelJS } from "../exceljs";
import { FILLS, HEADER_FONT, TITLE_FONT } from "./styles";
import type { TableFormulas } from "../../core/formulas";
import { formulasFor, writeLedgerChecks } from "./formulas";
import { buildTemplate } from "./template";

export const ARCHIVE_SHEET = "历年";

export interface RolloverSource {
  pack: Pack;
  /** The local settings the old workbook records (canonical JSON), carried as they were. */
  settings?: string;
  /** Rows of the old workbook's own 历年 sheet, kept above this year's block. */
  previousArchive: readonly (readonly CellValue[])[];
}

/**
 * The new year's workbook from a rollover plan: a fresh workbook of the same pack, the carried
 * records in their tables, last year's entries as notes on the reset 状态 cells, and every
 * archived record on a protected 历年 sheet.
 */
export async function buildRolloverWorkbook(
  source: RolloverSource,
  plan: RolloverPlan,
  locale: Locale,
): Promise<ExcelJS.Workbook> {
  const { pack } = source;
  const date = plan.inputs[INFO_INPUTS.assessmentDate];
  const workbook = buildTemplate(pack, {
    township: String(plan.inputs[INFO_INPUTS.township] ?? ""),
    assessmentYear: plan.toYear,
    ...(typeof date === "string" ? { assessmentDate: date } : {}),
    ...(source.settings ? { settings: source.settings } : {}),
  });
  const layout = layoutFor(pack);
  const formulas = formulasFor(pack);
  for (const placement of placeTables(layout)) {
    const sheet = workbook.getWorksheet(placement.table.sheet);
    const rows = plan.live[placement.table.key] ?? [];
    if (!sheet || rows.length === 0) continue;
    if (placement.table.kind === "ledger")
      fillLedger(
        sheet,
        placement,
        rows.map((r) => r.cells),
        formulas.tables.get(placement.table.key),
      );
    else
      fillItemRows(
        sheet,
        placement,
        rows.map((r) => r.cells),
      );
  }
  for (const hint of plan.hints) addHint(workbook, layout, hint, plan.fromYear, locale);
  await writeArchive(workbook, pack, source.previousArchive, plan, locale);
  return workbook;
}

function fillLedger(
  sheet: ExcelJS.Worksheet,
  placement: TablePlacement,
  rows: readonly Readonly<Record<string, CellValue>>[],
  formulas: TableFormulas | undefined,
): void {
  const { table } = placement;
  const excelTable = sheet.getTable(table.name);
  const values = rows.map((cells) => table.columns.map((c) => cells[c.id] ?? null));
  // The blank workbook's ledger table has one empty row; the records replace it.
  excelTable.removeRows(0, 1);
  for (const row of values) excelTable.addRow(row as ExcelJS.CellValue[]);
  excelTable.commit();
  // The records' rows were written whole: their 校验 cells get their formulas back.
  if (formulas) writeLedgerChecks(sheet, formulas, placement);
}

function fillItemRows(
  sheet: ExcelJS.Worksheet,
  placement: TablePlacement,
  rows: readonly Readonly<Record<string, CellValue>>[],
): void {
  const { table, firstDataRow } = placement;
  const byId = new Map(rows.map((cells) => [String(cells["id"] ?? ""), cells]));
  table.rows.forEach((row, i) => {
    const cells = byId.get(row.itemId);
    if (!cells) return;
    table.columns.forEach((column, c) => {
      if (column.fixed || column.output || column.id === "id") return;
      const value = cells[column.id];
      if (value !== undefined && value !== null && value !== "")
        sheet.getCell(firstDataRow + i, c + 1).value = value as ExcelJS.CellValue;
    });
  });
}

function addHint(
  workbook: ExcelJS.Workbook,
  layout: ReturnType<typeof layoutFor>,
  hint: RolloverHint,
  fromYear: number,
  locale: Locale,
): void {
  const placement = placeTables(layout).find((p) => p.table.key === hint.table);
  if (!placement) return;
  const index = placement.table.rows.findIndex((r) => r.itemId === hint.itemId);
  const status = placement.table.columns.findIndex((c) => c.id === "status" || c.id === "occurred");
  const sheet = workbook.getWorksheet(placement.table.sheet);
  if (!sheet || index < 0 || status < 0) return;
  const parts = placement.table.columns
    .filter((c) => hint.last[c.id] !== undefined)
    .map((c) => `${c.header[locale === "zh-CN" ? "zh" : "en"]}:${shown(hint.last[c.id])}`);
  sheet.getCell(placement.firstDataRow + index, status + 1).note = t(locale, "xlsx.rollover.hint", {
    year: fromYear,
    entries: parts.join(";"),
  });
}

/** Dates as 2018-05-01; the rest as shown. */
function shown(value: CellValue | undefined): string {
  const date = value instanceof Date ? parseDate(value) : null;
  return date?.ok ? date.value : displayValue(value);
}

async function writeArchive(
  workbook: ExcelJS.Workbook,
  pack: Pack,
  previous: readonly (readonly CellValue[])[],
  plan: RolloverPlan,
  locale: Locale,
): Promise<void> {
  const sheet = workbook.addWorksheet(ARCHIVE_SHEET);
  const lang = locale === "zh-CN" ? "zh" : "en";
  previous.forEach((row) => sheet.addRow([...row]));
  if (previous.length > 0) sheet.addRow([]);
  const yearTitle = sheet.addRow([t(locale, "xlsx.rollover.yearTitle", { year: plan.fromYear })]);
  yearTitle.getCell(1).font = TITLE_FONT;
  const layout = layoutFor(pack);
  const groups = new Map<string, ArchivedRow[]>();
  for (const row of plan.archive) groups.set(row.table, [...(groups.get(row.table) ?? []), row]);
  for (const [key, rows] of groups) {
    const table = layout.tables.find((tb) => tb.key === key);
    const columns = table
      ? table.columns.filter((c) => !c.output).map((c) => ({ id: c.id, header: c.header[lang] }))
      : [
          { id: "input", header: t(locale, "xlsx.rollover.input") },
          { id: "value", header: t(locale, "xlsx.rollover.value") },
        ];
    const title = table ? tableTitle(table)[lang] : t(locale, "xlsx.rollover.infoTitle");
    sheet.addRow([`${title}(${rows[0]?.sheet ?? ""})`]).getCell(1).font = HEADER_FONT;
    const header = sheet.addRow([
      t(locale, "xlsx.rollover.fromRow"),
      t(locale, "xlsx.rollover.why"),
      ...columns.map((c) => c.header),
    ]);
    header.eachCell((cell) => {
      cell.font = HEADER_FONT;
      cell.fill = FILLS.header;
    });
    for (const row of rows) {
      sheet.addRow([
        row.fromRow || null,
        t(locale, row.reason),
        ...columns.map((c) => (row.cells[c.id] ?? null) as ExcelJS.CellValue),
      ]);
    }
    sheet.addRow([]);
  }
  // Read-only: last year's record is evidence, not a draft (no password; it guards slips).
  await sheet.protect("", { selectLockedCells: true, selectUnlockedCells: true });
}
