import ExcelJS from "exceljs";
import type { Assessment } from "../../../../src/core/assessment";
import type { ScoreFormulas } from "../../../../src/core/formulas/score";
import { columnLetter, INFO_VALUE_COLUMN, type WorkbookLayout } from "../../../../src/core/layout/layout";
import type { TablePlacement } from "../../../../src/core/layout/placement";
import type { Pack } from "../../../../src/core/pack/schema";
import { parseCell } from "../../../../src/core/values/cell";
import { parseDate } from "../../../../src/core/values/date";
import type { CellValue, WorkbookSnapshot } from "../../../../src/core/snapshot";

/**
 * The 校验 text A's formulas give a row, from the core's findings on it: the mark is all the score
 * formulas read (✗ = an error, ! = warnings only, ✓ = clean).
 */
export function checkMark(assessment: Assessment, tableKey: string, row: number, entered: boolean): string {
  const own = assessment.findings.filter((f) => f.tableKey === tableKey && f.row === row);
  if (own.some((f) => f.severity === "error")) return "✗ 错误";
  if (own.length > 0) return "! 提示";
  return entered ? "✓" : "";
}

const excelValue = (value: CellValue): ExcelJS.CellValue =>
  value instanceof Date ? value : (value as string | number | boolean | null);

/** Column of 基本信息 where the test puts each figure as the core reads it. */
export const INPUT_NUMBER_COLUMN = 3;

/** Where the test puts a veto row's 发生日期 as the core reads it (a serial), as A's date helper would. */
export const VETO_DATE_OFFSET = 9;

/** The date serial of a cell the core reads as a date; "" otherwise. */
function dateSerial(value: CellValue | undefined): number | string {
  const date = parseDate(value ?? null);
  if (!date.ok) return "";
  const [y, m, d] = date.value.split("-").map(Number);
  return (Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** Items that check each ledger, in pack order: their record marks sit in this order. */
export function ledgerItems(pack: Pack): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const group of pack.groups)
    for (const item of group.items)
      if (item.kind === "ledger" && item.ledger)
        out.set(item.ledger, [...(out.get(item.ledger) ?? []), item.id]);
  return out;
}

/** Column (from the ledger's first column) of an item's record mark: two after 校验, then one per item. */
export const markOffset = (pack: Pack, ledgerId: string, itemId: string): number => {
  const ledger = pack.ledgers.find((l) => l.id === ledgerId);
  return (ledger?.columns.length ?? 0) + 2 + (ledgerItems(pack).get(ledgerId) ?? []).indexOf(itemId);
};

/** The record fails this item: an error the core charges to it on that row (its rules, unreadable cells). */
const failsItem = (assessment: Assessment, itemId: string, tableKey: string, row: number): boolean =>
  assessment.items
    .find((i) => i.itemId === itemId)
    ?.findings.some((f) => f.severity === "error" && f.tableKey === tableKey && f.row === row) ?? false;

/**
 * A workbook with the snapshot's entries where the layout places them (tables stacked as
 * placeTables says), 校验 marks as A's formulas would show them, and the score formulas.
 */
export async function scoreWorkbook(
  pack: Pack,
  snapshot: WorkbookSnapshot,
  assessment: Assessment,
  layout: WorkbookLayout,
  placements: readonly TablePlacement[],
  formulas: ScoreFormulas,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = (name: string): ExcelJS.Worksheet => wb.getWorksheet(name) ?? wb.addWorksheet(name);
  const info = sheet(layout.info.sheet);
  for (const row of layout.info.rows) {
    const value = snapshot.inputs[row.inputId]?.value ?? null;
    info.getCell(row.row, INFO_VALUE_COLUMN + 1).value = excelValue(value);
    // The writers name every 基本信息 value cell (InfoRow.name); the formulas read some by name.
    wb.definedNames.add(`'${layout.info.sheet}'!$B$${row.row}`, row.name);
    // The assessment date and 评估年度 as the core reads and resolves them (A's helpers would).
    if (row.inputId === "assessmentDate" || row.inputId === "assessmentYear") {
      const resolved =
        row.inputId === "assessmentDate" ? dateSerial(assessment.assessmentDate) : assessment.assessmentYear;
      info.getCell(row.row, INPUT_NUMBER_COLUMN + 1).value = resolved ?? "";
    } else if (row.type === "integer" || row.type === "number") {
      // The core's reading of the figure, where A's helper on 基本信息 would put it.
      const read = parseCell(row.type, value);
      info.getCell(row.row, INPUT_NUMBER_COLUMN + 1).value =
        read.ok && typeof read.value === "number" ? read.value : "";
    }
  }
  for (const placement of placements) {
    const { table } = placement;
    const ws = sheet(table.sheet);
    const snap = snapshot.tables[table.key];
    if (!snap) continue;
    const checkIndex = table.columns.findIndex((c) => c.id === "check");
    snap.rows.forEach((row, i) => {
      const at = placement.firstDataRow + i;
      let entered = false;
      table.columns.forEach((column, c) => {
        const value = row.cells[column.id];
        if (value === undefined || value === null || column.id === "check") return;
        entered ||= !(typeof value === "string" && value.trim() === "");
        ws.getCell(at, c + 1).value = excelValue(value);
      });
      ws.getCell(at, checkIndex + 1).value = checkMark(assessment, table.key, row.row, entered);
      if (table.kind === "veto") ws.getCell(at, VETO_DATE_OFFSET + 1).value = dateSerial(row.cells.eventDate);
      if (table.kind === "ledger") {
        const ledgerId = table.key.slice("ledger:".length);
        for (const itemId of ledgerItems(pack).get(ledgerId) ?? [])
          ws.getCell(at, markOffset(pack, ledgerId, itemId) + 1).value = failsItem(
            assessment,
            itemId,
            table.key,
            row.row,
          )
            ? "✗"
            : "";
      }
      const itemId = table.rows[i]?.itemId;
      const tableFormulas = formulas.tables.get(table.key);
      if (!itemId || !tableFormulas) return;
      for (const f of tableFormulas.rowFormulas(itemId, { row: at - 1, firstColumn: 0 })) {
        ws.getCell(at, f.offset + 1).value = { formula: f.formula.slice(1) } as ExcelJS.CellFormulaValue;
      }
    });
  }
  const results = sheet(layout.results.sheet);
  for (const cell of formulas.cells) {
    const ws = cell.sheet === layout.results.sheet ? results : sheet(cell.sheet);
    ws.getCell(`${columnLetter(cell.column)}${cell.row + 1}`).value = {
      formula: cell.formula.slice(1),
    } as ExcelJS.CellFormulaValue;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
