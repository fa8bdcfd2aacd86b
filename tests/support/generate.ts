import type { Ledger, LedgerColumn, Pack } from "../../src/core/pack/schema";
import type { CellValue, WorkbookSnapshot } from "../../src/core/snapshot";
import { buildSnapshot, type SnapshotSpec } from "./snapshot";
import { seededRandom } from "./townshipSnapshot";

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A filled-in workbook for any pack with `rows` ledger records spread over its ledgers, typed the
 * ways people type (serials, 2018/4/3, 2018年4月3日, √, 30人), dates in column order so procedures
 * run in sequence, and about one record in ten wrong (an impossible date, a step out of order,
 * an unreadable number, a missing review). Deterministic for a seed.
 */
export function generateSnapshot(
  pack: Pack,
  rows: number,
  seed = 1,
  spec: SnapshotSpec = {},
): WorkbookSnapshot {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const dateText = (serialDay: number): CellValue => {
    const d = new Date(Date.UTC(2018, 0, 1 + serialDay));
    const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
    switch (Math.floor(random() * 4)) {
      case 0:
        return 43101 + serialDay; // Excel serial of 2018-01-01 + n
      case 1:
        return `${y}/${m}/${day}`;
      case 2:
        return `${y}年${m}月${day}日`;
      default:
        return `${y}-${pad(m)}-${pad(day)}`;
    }
  };
  const cellFor = (column: LedgerColumn, i: number, day: number, bad: boolean): CellValue => {
    switch (column.type) {
      case "date":
        return bad ? "2018-02-30" : dateText(day);
      case "yesNo":
        return bad ? "否" : pick(["是", "是", "√", "Y"]);
      case "enum":
        return pick(column.values ?? ["—"]);
      case "integer":
        return bad ? "若干" : pick([12, "30人", "１５"]);
      case "number":
        return pick([3, 5, "5年"]);
      case "ratio":
        return pick(["50%", 0.6]);
      case "text":
        return `${column.header.zh}${i}`;
    }
  };
  const ledgers: Record<string, Record<string, CellValue>[]> = {};
  const ledgerList: readonly Ledger[] = pack.ledgers;
  for (let i = 0; i < rows && ledgerList.length > 0; i++) {
    const ledger = ledgerList[i % ledgerList.length] as Ledger;
    const bad = random() < 0.1;
    const badColumn = bad ? Math.floor(random() * ledger.columns.length) : -1;
    let day = Math.floor(random() * 200);
    const record: Record<string, CellValue> = {};
    ledger.columns.forEach((column, c) => {
      if (column.type === "date") day += 1 + Math.floor(random() * 5);
      record[column.id] = cellFor(column, i, day, c === badColumn);
    });
    (ledgers[ledger.id] ??= []).push(record);
  }
  return buildSnapshot(pack, { ledgers, ...spec });
}
