import type { Finding } from "../findings";
import { cellAddress } from "../layout/layout";
import { isLedgerRowText } from "../layout/ledgerRow";
import type { CellValue, RowSnapshot, TableSnapshot } from "../snapshot";
import { labelParams } from "../rules/labels";
import { isBlank } from "../values/normalize";
import { READ_CODES, READ_CODE_SEVERITY } from "./codes";
import { isFooterRow } from "./footer";
import type { FoundTable } from "./locate";
import { rawAt } from "./raw";

export interface TableRead {
  snapshot: TableSnapshot;
  /** Rows of the snapshot below the spreadsheet table's range. */
  outside: number[];
  findings: Finding[];
}

/**
 * The one row policy. A table is read from below its header down to the row above the next
 * table's title row on the same sheet (or the sheet's end): LibreOffice, WPS, a paste and ExcelJS
 * do not grow tables, so records typed below one are still records. Checklist and veto rows are
 * the item rows (a row of a known item id; inside the table, any row with an id). Ledger rows are
 * rows with anything typed in an input column, except a footer line (填表人:… 审核人:…). A row
 * below the spreadsheet table gets a warning; a layout column not found gets an error.
 */
export function readTable(found: FoundTable, all: readonly FoundTable[]): TableRead {
  const { sheet, headerRow, columns, excel } = found;
  const layoutColumns = found.layout?.columns ?? [];
  const inputIds = Object.keys(columns).filter((id) => !layoutColumns.find((c) => c.id === id)?.output);
  const isLedger = found.layout?.kind === "ledger";
  const itemIds = new Set(found.layout?.rows.map((r) => r.itemId));
  // A ledger item's 状态 cell shows its ledger's result, written by Taizhang: not a status. A
  // status a person typed there (workbooks made before) is still read as before.
  const ledgerItems = new Set(found.layout?.rows.filter((r) => r.ledger).map((r) => r.itemId));

  const below = [
    ...all
      .filter((o) => o !== found && o.sheet === sheet && o.headerRow > headerRow)
      .map((o) => o.headerRow - 1),
    ...sheet.tables.filter((t) => t !== excel && t.top > headerRow).map((t) => t.top - 1),
  ];
  const end = Math.min(sheet.rows.length, ...below);
  const tableBottom = excel ? excel.bottom : Infinity;

  const rows: RowSnapshot[] = [];
  const outside: number[] = [];
  const findings: Finding[] = [];
  for (let r = headerRow + 1; r < end; r++) {
    const cells: Record<string, CellValue> = {};
    let filled = false;
    for (const id of inputIds) {
      const value = rawAt(sheet, r, columns[id] as number);
      cells[id] = value;
      if (!isBlank(value)) filled = true;
    }
    const inTable = r <= tableBottom;
    if (isLedger) {
      if (!filled || isFooterRow(sheet.rows[r] ?? [])) continue;
    } else {
      const id = cells.id;
      if (isBlank(id)) continue;
      if (!inTable && !itemIds.has(String(id).trim())) continue;
      if (ledgerItems.has(String(id).trim()) && isLedgerRowText(cells.status)) cells.status = null;
    }
    rows.push({ row: r + 1, cells });
    if (!inTable) {
      outside.push(r + 1);
      findings.push({
        code: READ_CODES.outsideTable,
        severity: READ_CODE_SEVERITY[READ_CODES.outsideTable] ?? "warning",
        sheet: sheet.name,
        row: r + 1,
        cell: cellAddress(excel?.left ?? 0, r + 1),
        tableKey: found.key,
        params: {},
      });
    }
  }
  for (const column of found.missing) {
    if (column.output) continue;
    findings.push({
      code: READ_CODES.columnMissing,
      severity: READ_CODE_SEVERITY[READ_CODES.columnMissing] ?? "error",
      sheet: sheet.name,
      row: headerRow + 1,
      column: column.id,
      tableKey: found.key,
      params: labelParams("column", column.header),
    });
  }
  return {
    snapshot: { key: found.key, sheet: sheet.name, columns: { ...columns }, rows },
    outside,
    findings,
  };
}
