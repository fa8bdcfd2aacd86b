import {
  HEADER_ROW,
  INFO_VALUE_COLUMN,
  cellAddress,
  declarationInputId,
  layoutFor,
} from "../../src/core/layout/layout";
import type { Pack } from "../../src/core/pack/schema";
import type {
  CellValue,
  InputSnapshot,
  RowSnapshot,
  TableSnapshot,
  WorkbookSnapshot,
} from "../../src/core/snapshot";

export interface SnapshotSpec {
  /** Defaults to 测试镇; null leaves it blank. */
  township?: CellValue;
  /** Defaults to 2018-12-31; null leaves it blank. */
  assessmentDate?: CellValue;
  inputs?: Readonly<Record<string, CellValue>>;
  /** User cells of checklist and veto rows, by item id and column id. */
  items?: Readonly<Record<string, Readonly<Record<string, CellValue>>>>;
  /** Ledger records, by ledger id. */
  ledgers?: Readonly<Record<string, readonly Readonly<Record<string, CellValue>>[]>>;
  /** Table keys to leave out, as if the user deleted the sheet. */
  omitTables?: readonly string[];
  /** 本评估年度无此类事项 declarations, by ledger id: the reason typed on 基本信息. */
  declarations?: Readonly<Record<string, CellValue>>;
}

/** The snapshot an adapter would read from a freshly installed workbook filled in as `spec` says. */
export function buildSnapshot(pack: Pack, spec: SnapshotSpec = {}): WorkbookSnapshot {
  const layout = layoutFor(pack);
  const values: Record<string, CellValue> = {
    township: spec.township === undefined ? "测试镇" : spec.township,
    assessmentDate: spec.assessmentDate === undefined ? "2018-12-31" : spec.assessmentDate,
    ...spec.inputs,
    ...Object.fromEntries(
      Object.entries(spec.declarations ?? {}).map(([ledgerId, reason]) => [
        declarationInputId(ledgerId),
        reason,
      ]),
    ),
  };
  const inputs: Record<string, InputSnapshot> = {};
  for (const row of layout.info.rows) {
    inputs[row.inputId] = {
      value: values[row.inputId] ?? null,
      sheet: layout.info.sheet,
      cell: cellAddress(INFO_VALUE_COLUMN, row.row),
    };
  }
  // Reserved inputs a layout may not place (评估年度): below the last row.
  let extraRow = Math.max(HEADER_ROW, ...layout.info.rows.map((r) => r.row));
  for (const [id, value] of Object.entries(values)) {
    if (inputs[id]) continue;
    inputs[id] = { value, sheet: layout.info.sheet, cell: cellAddress(INFO_VALUE_COLUMN, ++extraRow) };
  }
  const tables: Record<string, TableSnapshot> = {};
  for (const table of layout.tables) {
    if (spec.omitTables?.includes(table.key)) continue;
    const columns = Object.fromEntries(table.columns.map((c, i) => [c.id, i]));
    let rows: RowSnapshot[];
    if (table.kind === "ledger") {
      const ledgerId = table.key.slice("ledger:".length);
      rows = (spec.ledgers?.[ledgerId] ?? []).map((cells, i) => ({ row: HEADER_ROW + 1 + i, cells }));
    } else {
      rows = table.rows.map((prefilled, i) => ({
        row: HEADER_ROW + 1 + i,
        cells: { ...prefilled.cells, ...spec.items?.[prefilled.itemId] },
      }));
    }
    tables[table.key] = { key: table.key, sheet: table.sheet, columns, rows };
  }
  return { packId: pack.id, packVersion: pack.version, inputs, tables };
}
