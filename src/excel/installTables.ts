import type { RowSnapshot, TableSnapshot } from "../core/snapshot";
import type { XlValue, XlWorkbook } from "./api";
import type { PartCheck } from "./installCheck";
import type { ExistingTablePlan } from "./installPlan";
import { rowSnapshot } from "./snapshot";
import { checkColumnOf, userColumnsOf } from "./state";
import { writeStatusPrompts } from "./tableWriter";
import type { OutputTarget } from "./writeOutputs";

/**
 * Upgrades one table already in the workbook as planned: columns that are missing come back, fixed
 * cells follow the pack, new items are appended; user cells are never written. Queued only.
 * Returns where its 校验 goes and the table as it will read after the write.
 */
export function queueExistingTable(
  wb: XlWorkbook,
  tablePlan: ExistingTablePlan,
  parts: PartCheck[],
): OutputTarget & { snapshot: TableSnapshot } {
  const { existing } = tablePlan;
  const proxy = wb.tables.getItem(existing.read.id);
  const rel = (id: string): number | undefined =>
    existing.columns[id] === undefined
      ? undefined
      : (existing.columns[id] as number) - existing.read.firstColumn;
  const rows: RowSnapshot[] = existing.read.body.map((values, i) => rowSnapshot(existing, i, values));
  let headerCount = existing.read.headers.length;
  // Columns the user deleted, or a newer pack added, go at the end of the table: an insert among
  // the columns shifts only the table's rows, and records typed below the table (LibreOffice,
  // WPS) would end up under the wrong header (issue 13.3).
  const columns: Record<string, number> = { ...existing.columns };
  for (const missing of existing.missing) {
    proxy.columns.add(undefined, undefined, missing.header.zh);
    columns[missing.id] = existing.read.firstColumn + headerCount;
    headerCount += 1;
  }
  // Fixed cells (requirement, clause, points) follow the pack; user cells are left alone.
  for (const { row, at } of tablePlan.kept) {
    for (const [id, value] of Object.entries(row.cells)) {
      const c = rel(id);
      if (c !== undefined && existing.read.body[at]?.[c] !== value) {
        proxy.getDataBodyRange().getCell(at, c).values = [[value]];
      }
    }
  }
  // A ledger-type item's 状态 cell loses the dropdown of workbooks made before it showed the
  // ledger's result (what was typed there stays, and still counts).
  writeStatusPrompts(
    tablePlan.layout,
    tablePlan.kept.map((k) => k.row),
    (i, statusColumn) => {
      const c = rel(tablePlan.layout.columns[statusColumn]?.id ?? "") ?? statusColumn;
      return proxy.getDataBodyRange().getCell(tablePlan.kept[i]?.at ?? 0, c);
    },
  );
  const newRows = tablePlan.added;
  if (newRows.length > 0) {
    const base = existing.read.body.length;
    proxy.rows.add(
      undefined,
      newRows.map((r) => {
        const cells: XlValue[] = Array.from({ length: headerCount }, () => "");
        for (const [id, value] of Object.entries(r.cells)) {
          const c = columns[id];
          if (c !== undefined) cells[c - existing.read.firstColumn] = value;
        }
        return cells;
      }),
    );
    writeStatusPrompts(tablePlan.layout, newRows, (i, statusColumn) => {
      const c = rel(tablePlan.layout.columns[statusColumn]?.id ?? "") ?? statusColumn;
      return proxy.getDataBodyRange().getCell(base + i, c);
    });
    newRows.forEach((r, i) => {
      rows.push({ row: existing.read.headerRow + 2 + base + i, cells: { ...r.cells } });
    });
    const ids = newRows.map((r) => r.itemId);
    const tableName = tablePlan.name;
    parts.push({
      part: { key: "excel.part.table", params: { name: tableName } },
      present: (r) => {
        const t = r.tables.find((x) => x.name === tableName);
        return !!t && ids.every((id) => t.body.some((row) => row.includes(id)));
      },
    });
  }
  const snapshot: TableSnapshot = {
    key: tablePlan.layout.key,
    sheet: existing.read.sheetName,
    columns,
    rows,
  };
  return {
    key: tablePlan.layout.key,
    table: proxy,
    checkColumn: checkColumnOf(columns, existing.read.firstColumn),
    snapshot,
    userColumns: userColumnsOf(tablePlan.layout),
  };
}
