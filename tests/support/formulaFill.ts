import { layoutFor, placeTables, type TablePlacement } from "../../src/core/layout";
import type { ColumnLayout } from "../../src/core/layout/columns";
import { INFO_VALUE_COLUMN } from "../../src/core/layout/layout";
import type { Pack } from "../../src/core/pack/schema";
import { INFO_INPUTS } from "../../src/core/snapshot";
import { seededRandom } from "./townshipSnapshot";

/**
 * Random entries, flawed and clean, for a workbook made by `taizhang init`: what a township clerk
 * leaves in 基本信息, the checklists, the veto table and the ledgers. Dates come as real dates
 * (serials) and as text in every form the core reads and some it does not; numbers as numbers,
 * as text with units, with full-width digits, negative, fractional. Deterministic for a seed.
 * The differential tests (formulas vs the core) and the done-when test fill workbooks with this.
 */
export type FillValue = string | number;

export interface FillWrite {
  sheet: string;
  /** 1-based sheet row and column. */
  row: number;
  column: number;
  value: FillValue;
}

export interface Fill {
  writes: FillWrite[];
  /** Ledger rows the fill reaches (1-based sheet rows) by table key: compared with the core. */
  ledgerRows: Map<string, number[]>;
}

/** Excel serial of a UTC date. */
const serial = (y: number, m: number, d: number): number =>
  Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);

/** Ledger rows the differential tests' workbooks carry formulas in: the fill's records and many empty rows. */
export const DIFFERENTIAL_LEDGER_ROWS = 40;

/**
 * `ledgerRecords`: most records per ledger (a random count up to it), or exactly that many when
 * `exact`. `flawedEvery`: a ledger kept as clerks keep one (dates typed as dates and in order,
 * procedures done, nothing found), with every n-th record filled like the rest of the fill (flawed
 * and clean values).
 */
export function randomFill(
  pack: Pack,
  seed: number,
  ledgerRecords = 12,
  exact = false,
  flawedEvery?: number,
): Fill {
  const next = seededRandom(seed);
  const pick = <T>(options: readonly T[]): T => options[Math.floor(next() * options.length)] as T;
  const layout = layoutFor(pack);
  const writes: FillWrite[] = [];
  const ledgerRows = new Map<string, number[]>();

  const dateValue = (): FillValue | null => {
    const year = pick([2016, 2017, 2018, 2018, 2019]);
    const month = 1 + Math.floor(next() * 12);
    const day = 1 + Math.floor(next() * 28);
    const two = (n: number) => String(n).padStart(2, "0");
    return pick<FillValue | null>([
      serial(year, month, day),
      serial(year, month, day),
      serial(year, month, day),
      `${year}-${two(month)}-${two(day)}`,
      `${year}/${month}/${day}`,
      `${year}.${month}.${day}`,
      `${year}年${month}月${day}日`,
      `２０１８-０${1 + (month % 9)}-１５`,
      `${year}${two(month)}${two(day)}`,
      "2018-02-30",
      "下周",
      null,
    ]);
  };
  const valueFor = (column: ColumnLayout): FillValue | null => {
    switch (column.type) {
      case "date":
        return dateValue();
      case "yesNo":
        return pick<FillValue | null>(["是", "是", "否", "√", "×", "Y", "no", null, "也许"]);
      case "enum":
        return pick<FillValue | null>([...(column.values ?? []), ...(column.values ?? []), "其他", null]);
      case "number":
      case "integer":
        return pick<FillValue | null>([5, 12, 0, "5人", "1,200", " ３ ", -3, 2.5, "多", null]);
      case "ratio":
        return pick<FillValue | null>([0.5, 1, "80%", "八成", 1.5, null]);
      default:
        return pick<FillValue | null>(["事项甲", "暂行办法", "关于试行的通知", "  ", "=1+1", null]);
    }
  };
  // A ledger kept clean: every cell readable and filled, so that an item can earn all its points.
  const cleanValueFor = (column: ColumnLayout): FillValue => {
    switch (column.type) {
      case "date":
        return serial(pick([2018, 2018, 2019]), 1 + Math.floor(next() * 12), 1 + Math.floor(next() * 28));
      case "yesNo":
        return "是";
      case "enum":
        return pick(column.values ?? ["是"]);
      case "number":
      case "integer":
        return pick([5, 12]);
      case "ratio":
        return 0.5;
      default:
        return pick(["事项甲", "决定书", "第1号"]);
    }
  };
  // A record as clerks keep one: its dates in the columns' order a few days apart, before the
  // assessment date, every procedure done and lawful (an enum's first value).
  const keptRecord = (): ((column: ColumnLayout) => FillValue) => {
    const start = serial(
      2016 + Math.floor(next() * 3),
      1 + Math.floor(next() * 10),
      1 + Math.floor(next() * 28),
    );
    let dates = 0;
    return (column) =>
      column.type === "date"
        ? start + 3 * dates++
        : column.type === "enum"
          ? (column.values?.[0] ?? "是")
          : cleanValueFor(column);
  };
  const put = (sheet: string, row: number, column: number, value: FillValue | null) => {
    if (value !== null) writes.push({ sheet, row, column, value });
  };

  // Dates on 基本信息 cluster around the first quarter's end (年度报告 by 03-31 of the 评估年度)
  // and 2018-12-31 (持证比例's deadline), on both sides of them.
  const infoDate = (): FillValue | null =>
    pick<FillValue | null>([
      serial(2018, 12, 31),
      serial(2019, 3, 31),
      "2018-12-31",
      serial(2018, 12, 30),
      serial(2019, 3, 30),
      serial(2019, 4, 1),
      serial(2018, 3, 31),
      serial(2018, 4, 1),
      serial(2018, 2, 10),
      serial(2018, 3, 20),
      serial(2018, 3, 25),
      "2018-03-28",
      "2019-03-20",
      "2019年3月31日",
      "下周",
      "2019-02-30",
      null,
      dateValue(),
      dateValue(),
    ]);
  for (const info of layout.info.rows) {
    if (next() < 0.15) continue;
    const value =
      info.type === "date"
        ? infoDate()
        : info.inputId === INFO_INPUTS.assessmentYear
          ? // Entered as the assessment date's year too: then a first-quarter date is 待完成.
            pick<FillValue | null>([2017, 2018, 2019, 2019, "2018", 1999, 2030, "明年", null])
          : info.type === "enum"
            ? pick<FillValue | null>([...(info.values ?? []), ...(info.values ?? []), "其他"])
            : info.type === "text"
              ? pick<FillValue | null>(["甲镇", "无此类事项", "  "])
              : pick<FillValue | null>([0, 3, 12, 40, "20人", "八十", 0.6, "60%", -1, null]);
    put(layout.info.sheet, info.row, INFO_VALUE_COLUMN + 1, value);
  }

  for (const placement of placeTables(layout)) fillTable(placement);
  return { writes, ledgerRows };

  function fillTable(placement: TablePlacement): void {
    const { table, firstDataRow } = placement;
    const at = (id: string): number => table.columns.findIndex((c) => c.id === id) + 1;
    if (table.kind === "ledger") {
      const rows: number[] = [];
      const count = exact ? ledgerRecords : Math.floor(next() * (ledgerRecords + 1));
      const clean = next() < 0.25;
      for (let i = 0; i < count; i++) {
        const row = firstDataRow + i;
        rows.push(row);
        const typical = flawedEvery !== undefined && i % flawedEvery !== 0;
        if (!typical && next() < 0.1) continue; // a blank row among the records
        const kept = typical ? keptRecord() : undefined;
        for (const column of table.columns)
          if (!column.output && !column.fixed)
            put(
              table.sheet,
              row,
              at(column.id),
              kept ? kept(column) : clean ? cleanValueFor(column) : valueFor(column),
            );
      }
      rows.push(firstDataRow + count); // the first untouched row
      ledgerRows.set(table.key, rows);
      return;
    }
    table.rows.forEach((_, i) => {
      if (next() < 0.3) return;
      const row = firstDataRow + i;
      for (const column of table.columns) {
        if (column.fixed || column.output) continue;
        const c = at(column.id);
        if (column.id === "status")
          put(
            table.sheet,
            row,
            c,
            pick<FillValue | null>([
              "完成",
              "完成",
              "部分完成",
              "未开始",
              "不适用",
              "已完成",
              "进行中",
              5,
              null,
            ]),
          );
        else if (column.id === "evidence" || column.id === "note")
          put(table.sheet, row, c, next() < 0.5 ? pick(["文件", "会议纪要", "本镇无此事项"]) : null);
        else if (column.id === "owner") put(table.sheet, row, c, next() < 0.2 ? "张三" : null);
        else put(table.sheet, row, c, valueFor(column));
      }
    });
  }
}
