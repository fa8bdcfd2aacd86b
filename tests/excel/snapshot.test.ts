import { installPack, readSnapshot } from "../../src/excel";
import { fakeExcel, miniPack, townshipPack, variant } from "./helpers";

const G21 = "二(一)依法决策";
const TABLE = "TZ_checklist_G2_1";

async function setup() {
  const { excel, opts } = fakeExcel();
  // The shipped version, so the reader finds the pack the workbook names.
  const pack = variant(miniPack(), townshipPack().version, () => undefined);
  await installPack(pack, { ...opts, settings: { township: "兴仁镇", assessmentDate: "2018-12-31" } });
  // T2.1.2 on row 4: status, date, evidence.
  excel.user.setValues(G21, "E4:G4", [["完成", "2018-05-01", "纪要"]]);
  excel.user.setValues("重大行政决策台账", "A3:C3", [["修编规划", "是", "2018-03-01"]]);
  return { excel, opts, pack };
}

const entryOf = async (opts: Parameters<typeof readSnapshot>[0]) => {
  const { snapshot } = await readSnapshot(opts);
  const table = snapshot.tables["checklist:G2.1"];
  const row = table?.rows.find((r) => r.cells.id === "T2.1.2");
  return { snapshot, table, row };
};

describe("reading a workbook back", () => {
  it("reads entries by column id, dates as serial numbers, empty cells as null", async () => {
    const { opts } = await setup();
    const { snapshot, row } = await entryOf(opts);
    expect(row?.cells).toMatchObject({ status: "完成", doneDate: 43221, evidence: "纪要", owner: null });
    expect(row?.row).toBe(4);
    expect(snapshot.inputs.township).toEqual({ value: "兴仁镇", sheet: "基本信息", cell: "B3" });
    expect(snapshot.tables["ledger:decisions"]?.rows[0]?.cells).toMatchObject({
      name: "修编规划",
      publicParticipation: "是",
    });
  });

  it.each([
    [
      "rows inserted above the table",
      (e: Awaited<ReturnType<typeof setup>>["excel"]) => e.user.insertRows(G21, 1, 3),
      7,
    ],
    [
      "a row inserted inside the table",
      (e: Awaited<ReturnType<typeof setup>>["excel"]) => e.user.insertRows(G21, 4, 1),
      5,
    ],
    [
      "columns moved inside the table",
      (e: Awaited<ReturnType<typeof setup>>["excel"]) => e.user.swapTableColumns(TABLE, 4, 8),
      4,
    ],
    [
      "an extra user column",
      (e: Awaited<ReturnType<typeof setup>>["excel"]) => e.user.addTableColumn(TABLE, "我的备注"),
      4,
    ],
    [
      "a renamed table",
      (e: Awaited<ReturnType<typeof setup>>["excel"]) => e.user.renameTable(TABLE, "我的清单"),
      4,
    ],
    [
      "a renamed sheet",
      (e: Awaited<ReturnType<typeof setup>>["excel"]) => e.user.renameSheet(G21, "依法决策"),
      4,
    ],
  ])("finds the entries again after %s", async (_label, change, expectedRow) => {
    const { excel, opts } = await setup();
    change(excel);
    const { row, table } = await entryOf(opts);
    expect(row?.cells).toMatchObject({ status: "完成", doneDate: 43221, evidence: "纪要" });
    expect(row?.row).toBe(expectedRow);
    expect(table?.rows.filter((r) => r.cells.id).length).toBe(7);
  });

  it("matches columns by their English header too", async () => {
    const { excel, opts } = await setup();
    excel.user.setValues(G21, "E2", [["Status"]]);
    const { row } = await entryOf(opts);
    expect(row?.cells.status).toBe("完成");
  });

  it("says the workbook has no template when there is none", async () => {
    const { opts } = fakeExcel();
    await expect(readSnapshot(opts)).rejects.toMatchObject({ code: "excel.error.notInstalled" });
  });
});
