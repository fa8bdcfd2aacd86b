import { exportGapSheet, installPack } from "../../src/excel";
import { localIsoDate } from "../../src/excel/writeOutputs";
import type { FakeExcel } from "../../src/sim";
import { fakeExcel, syncsOf, townshipPack, withNewItems } from "./helpers";

// Issue 12 item 4: exporting the gap list again erased the 责任人 and 完成期限 a user typed into
// 差距清单. Columns of 差距清单: B 编号, K 责任人, L 完成期限, N 备注; I holds 移出清单日期 on 已整改 rows.
const G21 = "二(一)依法决策";
const GAPS = "差距清单";

function sheetRows(excel: FakeExcel): unknown[][] {
  return excel.values(GAPS, "A1:N200");
}

/** 1-based row of an item in the gap list proper (above the first blank row). */
function gapRow(excel: FakeExcel, itemId: string): number | null {
  const rows = sheetRows(excel);
  for (let r = 2; r < rows.length; r++) {
    const row = rows[r] ?? [];
    if (row.every((v) => v === "" || v === null)) return null;
    if (row[1] === itemId) return r + 1;
  }
  return null;
}

/** [编号, 移出清单日期, 责任人, 完成期限, 备注] of the 已整改 rows. */
function resolvedRows(excel: FakeExcel): unknown[][] {
  const rows = sheetRows(excel);
  const title = rows.findIndex((r) => String(r[0]).startsWith("已整改"));
  if (title < 0) return [];
  expect(rows[title + 1]?.[1]).toBe("编号");
  const out: unknown[][] = [];
  for (let r = title + 2; r < rows.length && rows[r]?.[1]; r++) {
    const row = rows[r] ?? [];
    out.push([row[1], row[8], row[10], row[11], row[13]]);
  }
  return out;
}

const typedAt = (excel: FakeExcel, row: number) => excel.values(GAPS, `K${row}:N${row}`)[0];

async function installed() {
  const { excel, opts } = fakeExcel();
  await installPack(townshipPack(), {
    ...opts,
    settings: { township: "兴仁镇", assessmentDate: "2018-12-31" },
  });
  await exportGapSheet(null, opts);
  return { excel, opts };
}

/** What a clerk types: 责任人, 完成期限 (a date Excel stores as a serial, or words), 备注. */
function typeInto(excel: FakeExcel, itemIds: readonly string[]) {
  const typed = new Map<string, { owner: string; due: unknown; note: string }>();
  itemIds.forEach((id, i) => {
    const row = gapRow(excel, id);
    if (row === null) throw new Error(`${id} is not on the gap list`);
    const due = i === 0 ? 43555 : "2019年6月底"; // 43555 = 2019-03-31
    excel.user.setValues(GAPS, `K${row}:L${row}`, [[`责任人${i}`, due]]);
    excel.user.setValues(GAPS, `N${row}`, [[`备注 ${i}:已约谈`]]);
    typed.set(id, { owner: `责任人${i}`, due, note: `备注 ${i}:已约谈` });
  });
  return typed;
}

describe("差距清单 keeps what people typed across exports (issue 12)", () => {
  it("keeps 责任人 / 完成期限 / 备注 by item id, and moves a fixed item to 已整改 with them", async () => {
    const { excel, opts } = await installed();
    const fixed = String(excel.value(G21, "A4"));
    const others = ["T2.1.1", "T3.1", "T2.6.4"].filter((id) => id !== fixed);
    const typed = typeInto(excel, [fixed, ...others]);

    // The workbook changes: the row of `fixed` is filled in correctly, so it leaves the list and
    // every item below it moves up a row.
    excel.user.setValues(G21, "E4:G4", [["完成", "2018-05-01", "会议纪要 2018-5 号"]]);
    const { syncs, value: outcome } = await syncsOf(excel, () => exportGapSheet(null, opts));
    expect(syncs).toBeLessThanOrEqual(3);
    expect(outcome.assessment.gaps.map((g) => g.itemId)).not.toContain(fixed);

    for (const id of others) {
      const row = gapRow(excel, id);
      expect(row).not.toBeNull();
      const t = typed.get(id);
      expect(typedAt(excel, row as number)).toEqual([t?.owner, "2019年6月底", expect.anything(), t?.note]);
    }
    expect(gapRow(excel, fixed)).toBeNull();
    const today = localIsoDate(new Date());
    expect(resolvedRows(excel)).toEqual([[fixed, today, "责任人0", "2019-03-31", "备注 0:已约谈"]]);

    // Exported again, unchanged: nothing moves, the 已整改 row keeps the day it left.
    await exportGapSheet(null, opts);
    expect(resolvedRows(excel)).toEqual([[fixed, today, "责任人0", "2019-03-31", "备注 0:已约谈"]]);

    // A value typed on the 已整改 row is kept too; the item comes back when its row is undone.
    const title = sheetRows(excel).findIndex((r) => String(r[0]).startsWith("已整改"));
    excel.user.setValues(GAPS, `N${title + 3}`, [["复查时发现记录缺页"]]);
    excel.user.setValues(G21, "E4:G4", [["", "", ""]]);
    await exportGapSheet(null, opts);
    const back = gapRow(excel, fixed);
    expect(back).not.toBeNull();
    expect(typedAt(excel, back as number)).toEqual([
      "责任人0",
      "2019-03-31",
      expect.anything(),
      "复查时发现记录缺页",
    ]);
    expect(resolvedRows(excel)).toEqual([]);
  });

  it("an upgrade to a new pack version keeps what was typed into 差距清单", async () => {
    const { excel, opts } = await installed();
    const typed = typeInto(excel, ["T2.1.1", "T3.1"]);
    await installPack(withNewItems(townshipPack(), "1.1.0"), opts);
    for (const [id, t] of typed) {
      const row = gapRow(excel, id);
      expect(row).not.toBeNull();
      const [owner, , , note] = typedAt(excel, row as number) ?? [];
      expect([owner, note]).toEqual([t.owner, t.note]);
    }
  });
});
