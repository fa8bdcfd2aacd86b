import { assess } from "../../src/core/assess";
import { layoutFor, placeTables, type TablePlacement } from "../../src/core/layout";
import { columnLetter } from "../../src/core/layout/layout";
import type { Pack } from "../../src/core/pack/schema";
import { readWorkbookSnapshot, type RawSheet, type RawWorkbook } from "../../src/core/read";
import { checkTexts, indexFindings, resultModels } from "../../src/excel/outputs";
import { formulasFor } from "../../src/xlsx/write/formulas";
import type { WorkbookMeta } from "../../src/core/layout";
import { DIFFERENTIAL_LEDGER_ROWS, type Fill, randomFill } from "./formulaFill";
import { Recalculation } from "../../src/formula";
import { workbookFromXlsx } from "../../src/formula/xlsx";
import { templateBytes } from "../../src/xlsx";
import { openXlsxStream } from "../../src/xlsxstream";
import type { CellEdit, CellInput, SheetModel, WorkbookModel } from "../../src/formula";

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
const compiled = new WeakMap<Pack, ReturnType<typeof formulasFor>>();
const formulasOf = (pack: Pack): ReturnType<typeof formulasFor> => {
  let formulas = compiled.get(pack);
  if (!formulas) compiled.set(pack, (formulas = formulasFor(pack)));
  return formulas;
};

/**
 * The column offsets that hold a formula in a checklist row, by table key and sheet row: the same for
 * every fill, and rendering a row's formulas costs more than a workbook's comparison, so once a pack.
 */
const offsetsByPack = new WeakMap<Pack, Map<string, ReadonlySet<number>>>();
function formulaOffsets(
  pack: Pack,
  placement: TablePlacement,
  row: number,
  itemId: string,
): ReadonlySet<number> {
  let byRow = offsetsByPack.get(pack);
  if (!byRow) offsetsByPack.set(pack, (byRow = new Map()));
  const key = `${placement.table.key}\u0000${row}`;
  let offsets = byRow.get(key);
  if (!offsets) {
    const table = formulasOf(pack).tables.get(placement.table.key);
    const cells = table?.rowFormulas({ row: row - 1, firstColumn: 0, itemId }) ?? [];
    byRow.set(key, (offsets = new Set(cells.map((f) => f.offset))));
  }
  return offsets;
}

function rowsToCompare(placement: TablePlacement, pack: Pack, fill: Fill): number[] {
  const table = formulasOf(pack).tables.get(placement.table.key);
  if (!table) return [];
  if (placement.table.kind === "ledger") return fill.ledgerRows.get(placement.table.key) ?? [];
  const check = placement.table.columns.findIndex((c) => c.id === "check");
  // A row may have score helpers and a 校验 that stays text: only a 校验 formula is compared here.
  return placement.table.rows
    .map((r, i) => ({ row: placement.firstDataRow + i, itemId: r.itemId }))
    .filter((r) => formulaOffsets(pack, placement, r.row, r.itemId).has(check))
    .map((r) => r.row);
}

/** The core's 校验 text of every formula row the fill reached, read from the raw workbook. */
/** What the core makes of a filled workbook: read once, assessed once, for both kinds of check. */
export interface CoreView {
  snapshot: ReturnType<typeof readWorkbookSnapshot>["snapshot"];
  assessment: ReturnType<typeof assess>;
}

export function coreView(pack: Pack, raw: RawWorkbook, meta: WorkbookMeta): CoreView {
  const { snapshot } = readWorkbookSnapshot(raw, layoutFor(pack), meta);
  return { snapshot, assessment: assess(pack, snapshot) };
}

export function expectedChecks(
  pack: Pack,
  raw: RawWorkbook,
  meta: WorkbookMeta,
  fill: Fill,
  core: CoreView = coreView(pack, raw, meta),
): FormulaCellCheck[] {
  const layout = layoutFor(pack);
  const { snapshot } = core;
  const index = indexFindings(core.assessment);
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

/** A score cell a formula computes (an item's 应得 / 实得 helper, a 自评结果 figure), and the core's value. */
export interface ScoreCellCheck {
  sheet: string;
  address: string;
  want: number | string;
  what: string;
}

/**
 * The core's 应得 / 实得 of every item whose row carries score helpers, and its 自评结果 figure for
 * every cell of that sheet that is a formula (the sheet model the add-in and the CLI write).
 */
export function expectedScores(
  pack: Pack,
  raw: RawWorkbook,
  meta: WorkbookMeta,
  core: CoreView = coreView(pack, raw, meta),
): ScoreCellCheck[] {
  const layout = layoutFor(pack);
  const { assessment } = core;
  const formulas = formulasOf(pack);
  const out: ScoreCellCheck[] = [];
  for (const placement of placeTables(layout)) {
    const table = formulas.tables.get(placement.table.key);
    const offsets = table?.scoreOffsets;
    if (!table || !offsets) continue;
    placement.table.rows.forEach((r, i) => {
      const row = placement.firstDataRow + i;
      if (!formulaOffsets(pack, placement, row, r.itemId).has(offsets.earned)) return;
      const item = assessment.items.find((it) => it.itemId === r.itemId);
      if (!item) throw new Error(`item ${r.itemId} not assessed`);
      const at = (offset: number) => `${columnLetter(offset)}${row}`;
      const sheet = placement.table.sheet;
      out.push({
        sheet,
        address: at(offsets.applicable),
        want: item.applicable ? item.points : 0,
        what: `${r.itemId} 应得`,
      });
      out.push({ sheet, address: at(offsets.earned), want: item.earned, what: `${r.itemId} 实得` });
    });
  }
  const model = resultModels(assessment, layout).results;
  for (const cell of formulas.cells) {
    if (cell.sheet !== layout.results.sheet) continue;
    const want = model.rows[cell.row]?.[cell.column] ?? "";
    out.push({
      sheet: cell.sheet,
      address: `${columnLetter(cell.column)}${cell.row + 1}`,
      want: typeof want === "number" ? want : String(want),
      what: `自评结果 ${String(model.rows[cell.row]?.[0] ?? "")}`,
    });
  }
  return out;
}

/** Numbers equal to the last rounding digit's noise; text exactly. */
export function compareScores(
  label: string,
  checks: readonly ScoreCellCheck[],
  got: (sheet: string, address: string) => unknown,
): Comparison {
  const differences: string[] = [];
  for (const c of checks) {
    const value = got(c.sheet, c.address);
    const same =
      typeof c.want === "number"
        ? typeof value === "number" && Math.abs(value - c.want) < 1e-9
        : shownText(value) === c.want;
    if (!same)
      differences.push(
        `${label} ${c.sheet}!${c.address} (${c.what}): spreadsheet “${shownText(value)}” core “${String(c.want)}”`,
      );
  }
  return { cells: checks.length, differences };
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

/** The fill's entries as cell edits for the engine (a constant typed over whatever the cell held). */
export function fillEdits(fill: Fill): CellEdit[] {
  return fill.writes.map((w) => ({
    sheet: w.sheet,
    address: `${columnLetter(w.column - 1)}${w.row}`,
    input: { value: w.value },
  }));
}

/** The engine's model of a blank workbook with the fill's entries typed in. */
export function filledModel(blank: WorkbookModel, fill: Fill): WorkbookModel {
  const sheets = new Map(blank.sheets);
  const copies = new Map<string, Map<string, CellInput>>();
  for (const w of fill.writes) {
    let cells = copies.get(w.sheet);
    if (!cells) {
      const sheet = sheets.get(w.sheet);
      if (!sheet) throw new Error(`no sheet ${w.sheet}`);
      cells = new Map(sheet.cells);
      copies.set(w.sheet, cells);
      sheets.set(w.sheet, { cells } satisfies SheetModel);
    }
    cells.set(`${columnLetter(w.column - 1)}${w.row}`, { value: w.value });
  }
  return { ...blank, sheets };
}

export interface EngineAgreement {
  verdicts: number;
  flagged: number;
  /** Item 应得/实得 helpers and 自评结果 figures that are formulas, compared with assess(). */
  scores: number;
  differences: string[];
}

/**
 * Workbooks `firstSeed … firstSeed + count − 1` of a pack: the blank file from `taizhang init`'s
 * writer, the fill typed into its cells for the JS engine and into its raw cells (read by the core
 * as `taizhang check` reads the file). The engine recalculates the blank workbook once and each
 * filled one from it, as Excel does after an edit: only formulas the entries reach are computed
 * again (the empty rows of each ledger keep their results).
 */
export async function agreeWithEngine(
  pack: Pack,
  firstSeed: number,
  count: number,
): Promise<EngineAgreement> {
  const bytes = await templateBytes(pack, { township: "甲镇", ledgerFormulaRows: DIFFERENTIAL_LEDGER_ROWS });
  const blank = new Recalculation(workbookFromXlsx(bytes), { trackDependencies: true });
  blank.all();
  const stream = openXlsxStream(bytes);
  const out: EngineAgreement = { verdicts: 0, flagged: 0, scores: 0, differences: [] };
  for (let seed = firstSeed; seed < firstSeed + count; seed++) {
    const fill = randomFill(pack, seed);
    const raw = filledRaw(stream.raw, fill);
    const core = coreView(pack, raw, stream.meta);
    const checks = expectedChecks(pack, raw, stream.meta, fill, core);
    const calc = blank.withEdits(fillEdits(fill));
    const value = (sheet: string, address: string) => calc.value(sheet, address);
    const result = compareChecks(`${pack.id}#${seed}`, checks, value);
    const scored = compareScores(`${pack.id}#${seed}`, expectedScores(pack, raw, stream.meta, core), value);
    out.scores += scored.cells;
    out.differences.push(...scored.differences);
    out.verdicts += result.cells;
    out.flagged += checks.filter((c) => c.want !== "" && c.want !== "✓").length;
    out.differences.push(...result.differences);
  }
  return out;
}
