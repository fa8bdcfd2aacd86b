import { assess } from "../../src/core/assess";
import { layoutFor, placeTables, type TablePlacement } from "../../src/core/layout";
import { columnLetter } from "../../src/core/layout/layout";
import type { Pack } from "../../src/core/pack/schema";
import { readWorkbookSnapshot, type RawSheet, type RawWorkbook } from "../../src/core/read";
import { checkTexts, indexFindings } from "../../src/excel/outputs";
import { formulasFor } from "../../src/xlsx/write/formulas";
import type { WorkbookMeta } from "../../src/core/layout";
import type { Fill } from "./formulaFill";

/**
 * The differential tests' comparison (issue 15): for a filled workbook, what each formula cell
 * shows in a spreadsheet (LibreOffice, or the JS engine) against what the core says of the same
 * entries. One place, so both spreadsheets are held to the same oracle.
 */
export interface FormulaCellCheck {
  sheet: string;
  /** A1 address of the 校验 cell. */
  address: string;
  /** The core's 校验 text for the row. */
  want: string;
}

export interface Comparison {
  cells: number;
  differences: string[];
}

/** Rows of a table whose 校验 is a formula and that a fill reached (plus one untouched row). */
function rowsToCompare(placement: TablePlacement, pack: Pack, fill: Fill): number[] {
  const table = formulasFor(pack).tables.get(placement.table.key);
  if (!table) return [];
  if (placement.table.kind === "ledger") return fill.ledgerRows.get(placement.table.key) ?? [];
  const check = placement.table.columns.findIndex((c) => c.id === "check");
  // A row may have score helpers and a 校验 that stays text: only a 校验 formula is compared here.
  return placement.table.rows
    .map((r, i) => ({ row: placement.firstDataRow + i, itemId: r.itemId }))
    .filter((r) =>
      table.rowFormulas({ row: r.row - 1, firstColumn: 0, itemId: r.itemId }).some((f) => f.offset === check),
    )
    .map((r) => r.row);
}

/** The core's 校验 text of every formula row the fill reached, read from the raw workbook. */
export function expectedChecks(
  pack: Pack,
  raw: RawWorkbook,
  meta: WorkbookMeta,
  fill: Fill,
): FormulaCellCheck[] {
  const layout = layoutFor(pack);
  const { snapshot } = readWorkbookSnapshot(raw, layout, meta);
  const index = indexFindings(assess(pack, snapshot));
  const out: FormulaCellCheck[] = [];
  for (const placement of placeTables(layout)) {
    const rows = rowsToCompare(placement, pack, fill);
    if (rows.length === 0) continue;
    const tableSnapshot = snapshot.tables[placement.table.key];
    if (!tableSnapshot) throw new Error(`table ${placement.table.key} not read`);
    const userColumns = placement.table.columns.filter((c) => !c.fixed && !c.output).map((c) => c.id);
    const texts = checkTexts(tableSnapshot, index, new Set(), userColumns);
    const byRow = new Map(tableSnapshot.rows.map((r, i) => [r.row, texts[i] ?? ""]));
    const check = columnLetter(placement.table.columns.findIndex((c) => c.id === "check"));
    for (const row of rows)
      out.push({ sheet: placement.table.sheet, address: `${check}${row}`, want: byRow.get(row) ?? "" });
  }
  return out;
}

/** A spreadsheet's value of a 校验 cell as text: an empty string and an empty cell read alike. */
export function shownText(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : String(value);
}

export function compareChecks(
  label: string,
  checks: readonly FormulaCellCheck[],
  got: (sheet: string, address: string) => unknown,
): Comparison {
  const differences: string[] = [];
  for (const c of checks) {
    const shown = shownText(got(c.sheet, c.address));
    if (shown !== c.want)
      differences.push(`${label} ${c.sheet}!${c.address}: spreadsheet “${shown}” core “${c.want}”`);
  }
  return { cells: checks.length, differences };
}

/** A raw workbook with the fill's entries typed in (copies only the rows it touches). */
export function filledRaw(blank: RawWorkbook, fill: Fill): RawWorkbook {
  const bySheet = new Map<string, Fill["writes"]>();
  for (const w of fill.writes) bySheet.set(w.sheet, [...(bySheet.get(w.sheet) ?? []), w]);
  const sheets = blank.sheets.map((sheet): RawSheet => {
    const writes = bySheet.get(sheet.name);
    if (!writes) return sheet;
    const rows = sheet.rows.map((r) => r);
    for (const w of writes) {
      const row = [...(rows[w.row - 1] ?? [])];
      while (row.length < w.column) row.push(null);
      row[w.column - 1] = w.value;
      while (rows.length < w.row) rows.push([]);
      rows[w.row - 1] = row;
    }
    return { ...sheet, rows };
  });
  return { ...blank, sheets };
}
