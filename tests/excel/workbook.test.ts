import {
  exportGapSheet,
  inspectWorkbook,
  installPack,
  readSnapshot,
  recheckAll,
  selectCell,
  selectItem,
} from "../../src/excel";
import { fakeExcel, miniPack, syncsOf, townshipPack, withNewItems } from "./helpers";

const G21 = "二(一)依法决策";

describe("one-shot workbook calls", () => {
  it("tells which pack is installed, and null before", async () => {
    const { opts } = fakeExcel();
    expect(await inspectWorkbook(opts)).toBeNull();
    await installPack(townshipPack(), {
      ...opts,
      settings: { township: "兴仁镇", assessmentDate: "2018-12-31" },
    });
    expect(await inspectWorkbook(opts)).toEqual({
      packId: "township-2018",
      packVersion: "1.1.0",
      township: "兴仁镇",
      assessmentDate: "2018-12-31",
      formulasCurrent: true,
    });
  });

  it("rechecks the whole workbook in at most 3 syncs and writes what it found", async () => {
    const { excel, opts } = fakeExcel();
    await installPack(townshipPack(), {
      ...opts,
      settings: { township: "兴仁镇", assessmentDate: "2018-12-31" },
    });
    excel.user.setValues(G21, "E5", [["完成"]]);
    const { value: outcome, syncs } = await syncsOf(excel, () => recheckAll(null, opts));
    expect(syncs).toBeLessThanOrEqual(3);
    expect(outcome.syncs).toBe(syncs);
    expect(outcome.kind).toBe("full");
    // The finding (完成 without 佐证) is in the pane; J5 keeps the 校验 formula install wrote.
    expect(
      outcome.assessment.findings.some((f) => f.sheet === G21 && f.row === 5 && f.severity === "error"),
    ).toBe(true);
    expect(String(excel.formulas(G21, "J5")[0]?.[0] ?? "")).toMatch(/^=/);
    // The 折算 score stays the workbook's own formula (every item compiles): no number written over it.
    expect(String(excel.formulas("自评结果", "B6")[0]?.[0] ?? "")).toMatch(/^=/);
  });

  it("rewrites and shows the gap list", async () => {
    const { excel, opts } = fakeExcel();
    await installPack(townshipPack(), opts);
    const outcome = await exportGapSheet(null, opts);
    expect(excel.selection).toEqual({ sheet: "差距清单", address: "A1" });
    expect(excel.values("差距清单", "B3:B3")[0]?.[0]).toBe(outcome.assessment.gaps[0]?.itemId);
  });

  it("shows a cell in one sync", async () => {
    const { excel, opts } = fakeExcel();
    await installPack(townshipPack(), opts);
    const { syncs } = await syncsOf(excel, () => selectCell(G21, "G5", opts));
    expect(syncs).toBe(1);
    expect(excel.selection).toEqual({ sheet: G21, address: "G5" });
  });

  it("jumps to an item's checklist row by its 编号: 3 syncs cold, 1 with a known snapshot", async () => {
    const { excel, opts } = fakeExcel();
    await installPack(townshipPack(), opts);
    const cold = await syncsOf(excel, () => selectItem("T2.1.2", opts));
    expect(cold.value).toBe(true);
    expect(cold.syncs).toBeLessThanOrEqual(3);
    // T2.1.2 is the second item of 二(一); its 状态 cell is E4 (the row E4 is typed into above).
    expect(excel.selection).toEqual({ sheet: G21, address: "E4" });
    const { snapshot } = await readSnapshot(opts);
    const warm = await syncsOf(excel, () => selectItem("T2.1.1", { ...opts, snapshot }));
    expect(warm.syncs).toBe(1);
    expect(excel.selection).toEqual({ sheet: G21, address: "E3" });
    expect(await selectItem("T99.9", { ...opts, snapshot })).toBe(false);
  });

  it("records the ids of tables an upgrade created at the next check, so a rename later is survived", async () => {
    const { excel, opts } = fakeExcel();
    await installPack(miniPack(), opts);
    const v2 = withNewItems(miniPack(), "1.1.0");
    await installPack(v2, opts);
    await recheckAll(v2, opts);
    excel.user.renameTable("TZ_checklist_G9", "新表");
    excel.user.renameSheet("四、新增措施", "新增");
    const { snapshot } = await readSnapshot({ ...opts, pack: v2 });
    expect(snapshot.tables["checklist:G9"]?.sheet).toBe("新增");
  });
});
