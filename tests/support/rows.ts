import { CHECKLIST_COLUMNS, VETO_COLUMNS } from "../../src/core/layout/columns";
import type { Pack } from "../../src/core/pack/schema";
import { RowView, TableReader, type ColumnInfo } from "../../src/core/rules/rowView";
import type { CheckContext } from "../../src/core/rules/types";
import type { CellValue } from "../../src/core/snapshot";
import { testPack } from "./testPack";

const DATA_ROW = 3;

function rowWith(
  key: string,
  sheet: string,
  columns: readonly ColumnInfo[],
  cells: Record<string, CellValue>,
): RowView {
  const table = {
    key,
    sheet,
    columns: Object.fromEntries(columns.map((c, i) => [c.id, i])),
    rows: [{ row: DATA_ROW, cells }],
  };
  return new RowView(
    table,
    { row: DATA_ROW, cells },
    new TableReader(new Map(columns.map((c) => [c.id, c]))),
  );
}

/** Row 3 of a ledger of the test pack, holding `cells`. */
export function ledgerRow(
  ledgerId: string,
  cells: Record<string, CellValue>,
  pack: Pack = testPack(),
): RowView {
  const ledger = pack.ledgers.find((l) => l.id === ledgerId);
  if (!ledger) throw new Error(`no ledger ${ledgerId}`);
  return rowWith(`ledger:${ledgerId}`, ledger.sheet, ledger.columns, cells);
}

export function checklistRow(cells: Record<string, CellValue>): RowView {
  return rowWith("checklist:G1", "依法决策", CHECKLIST_COLUMNS, cells);
}

export function vetoRow(cells: Record<string, CellValue>): RowView {
  return rowWith("veto:G9", "一票否决", VETO_COLUMNS, cells);
}

/** What row rules see besides their row. */
export function contextAt(assessmentDate: string | null, pack: Pack = testPack()): CheckContext {
  const assessmentYear = assessmentDate ? Number(assessmentDate.slice(0, 4)) : null;
  return { pack, assessmentDate, assessmentYear, inputs: new Map(), ledgers: new Map() };
}
