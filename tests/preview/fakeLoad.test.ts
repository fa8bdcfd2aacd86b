import { FakeExcel, WorkbookModel } from "../../src/sim";

const box = (r0: number, c0: number, r1: number, c1: number) => ({ r0, c0, r1, c1 });

describe("a workbook model loaded from a file", () => {
  it("keeps sheet and table ids, and tables added later get fresh ids", async () => {
    const model = new WorkbookModel([]);
    const sheet = model.addSheet("台账", "{00000000-0002-0000-0000-000000000007}");
    model.loadTable(sheet, box(1, 0, 3, 2), "TZ_ledger", 9);
    const excel = new FakeExcel({ model });
    const ids = await excel.run(async (ctx) => {
      const added = ctx.workbook.tables.add("台账!E2:F3", true);
      const first = ctx.workbook.tables.getItem("TZ_ledger");
      const ws = ctx.workbook.worksheets.getItem("台账");
      added.load("id");
      first.load("id");
      ws.load("id");
      await ctx.sync();
      return [ws.id, first.id, added.id];
    });
    expect(ids).toEqual(["{00000000-0002-0000-0000-000000000007}", "9", "10"]);
  });

  it.each([
    ["an overlapping table", (m: WorkbookModel) => m.loadTable(m.requireSheet("S"), box(2, 1, 4, 3), "B", 2)],
    ["a table id in use", (m: WorkbookModel) => m.loadTable(m.requireSheet("S"), box(10, 0, 12, 1), "B", 1)],
    [
      "a table name in use",
      (m: WorkbookModel) => m.loadTable(m.requireSheet("S"), box(10, 0, 12, 1), "a", 2),
    ],
    ["a sheet id in use", (m: WorkbookModel) => m.addSheet("T", m.requireSheet("S").id)],
  ])("refuses %s", (_what, load) => {
    const model = new WorkbookModel(["S"]);
    model.loadTable(model.requireSheet("S"), box(1, 0, 3, 2), "A", 1);
    expect(() => load(model)).toThrow();
  });
});
