import { SHEETS } from "../../src/core/layout";
import { installPack, readSnapshot } from "../../src/excel";
import type { FakeExcel } from "../../src/sim";
import {
  fakeExcel,
  miniPack,
  syncsOf,
  townshipPack,
  variant,
  withNewItems,
  withRetiredItems,
} from "./helpers";

const G21 = "二(一)依法决策";

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { code: string }).code;
  }
  return "no error";
}

/** Every cell of a sheet, as text, to prove nothing changed. */
function dump(excel: FakeExcel, sheet: string): string {
  const s = excel.model.sheet(sheet);
  if (!s) return "missing";
  return JSON.stringify([...s.cells.entries()].sort((a, b) => a[0] - b[0]));
}

describe("upgrading in place", () => {
  it("keeps every entry when the same pack is installed again, in at most 3 syncs", async () => {
    const { excel, opts } = fakeExcel();
    const pack = townshipPack();
    await installPack(pack, { ...opts, settings: { township: "兴仁镇", assessmentDate: "2018-12-31" } });
    excel.user.setValues(G21, "E4:I4", [["完成", "2018-05-01", "纪要", "张三", "备注"]]);
    excel.user.setValues("重大行政决策台账", "A3:B3", [["修编规划", "是"]]);
    excel.user.setValues("基本信息", "B5", [["40"]]);
    const sheetsBefore = excel.model.sheets.length;
    const { value: summary, syncs } = await syncsOf(excel, () => installPack(pack, opts));
    expect(syncs).toBeLessThanOrEqual(3);
    expect(summary).toMatchObject({ added: 0, retired: 0, upgradedFrom: pack.version, sheetsCreated: 0 });
    expect(summary.kept).toBe(pack.groups.flatMap((g) => g.items).length);
    expect(excel.model.sheets.length).toBe(sheetsBefore);
    expect(excel.values(G21, "E4:I4")).toEqual([["完成", 43221, "纪要", "张三", "备注"]]);
    expect(excel.values("重大行政决策台账", "A3:B3")).toEqual([["修编规划", "是"]]);
    expect(excel.value("基本信息", "B5")).toBe(40);
    expect(excel.value("基本信息", "B3")).toBe("兴仁镇");
  });

  it("adds new items, groups and inputs of a newer version and keeps the old entries", async () => {
    const { excel, opts } = fakeExcel();
    const v1 = miniPack();
    await installPack(v1, opts);
    excel.user.setValues(G21, "E4:G4", [["完成", "2018-05-01", "纪要"]]);
    const v2 = withNewItems(v1, "1.1.0");
    const { value: summary, syncs } = await syncsOf(excel, () => installPack(v2, opts));
    expect(syncs).toBeLessThanOrEqual(3);
    expect(summary).toMatchObject({ upgradedFrom: "1.0.0", added: 2, tablesCreated: 1 });
    expect(excel.values(G21, "E4:G4")).toEqual([["完成", 43221, "纪要"]]);
    const ids = excel.values(G21, "A3:A12").flat();
    expect(ids).toContain("T2.1.99");
    expect(excel.model.sheet("四、新增措施")).toBeDefined();
    expect(excel.model.name("TZ_newCount")).toBeDefined();
    const { snapshot } = await readSnapshot({ ...opts, pack: v2 });
    expect(snapshot.tables["checklist:G9"]?.rows[0]?.cells.id).toBe("T4.1");
    expect(snapshot.inputs.newCount).toBeDefined();
  });

  it("marks retired items instead of deleting their entries", async () => {
    const { excel, opts } = fakeExcel();
    const v1 = miniPack();
    await installPack(v1, opts);
    const lastItem = v1.groups[0]?.items[v1.groups[0].items.length - 1]?.id ?? "";
    const row = 3 + (v1.groups[0]?.items.length ?? 0) - 1;
    excel.user.setValues(G21, `E${row}:H${row}`, [["部分完成", "2018-06-01", "材料", "李四"]]);
    const v2 = withRetiredItems(v1, "2.0.0");
    const summary = await installPack(v2, opts);
    expect(summary.retiredItems).toContain(lastItem);
    expect(excel.value(G21, `A${row}`)).toBe(lastItem);
    expect(excel.values(G21, `E${row}:H${row}`)).toEqual([["部分完成", 43252, "材料", "李四"]]);
    expect(String(excel.value(G21, `J${row}`))).toContain("已停用");
    // The dropped group's sheet and table stay, with their rows marked.
    expect(excel.model.sheet("三、组织保障")).toBeDefined();
    expect(String(excel.value("三、组织保障", "J3"))).toContain("已停用");
    const meta = excel.values(SHEETS.meta, "A1:D60");
    expect(meta.some((r) => r[0] === "retired" && r[1] === lastItem)).toBe(true);
  });

  it("grows a checklist that has a veto table below it, moving the veto table and keeping its entries", async () => {
    const v1 = variant(miniPack(), "1.0.0", (p) => {
      p.groups[0]?.items.push({
        id: "T2.1.90",
        source: "否决",
        title: { zh: "发生重大违法决策", en: "A major unlawful decision" },
        points: 1,
        criteria: { zh: "按完成情况计分", en: "Scored by completion" },
        kind: "veto",
        rules: [],
      });
    });
    const { excel, opts } = fakeExcel();
    await installPack(v1, opts);
    expect(excel.value(G21, "A14")).toBe("T2.1.90");
    excel.user.setValues(G21, "D14:E14", [["是", "2018-01-01"]]);
    const v2 = withNewItems(v1, "1.1.0");
    const summary = await installPack(v2, opts);
    expect(summary.syncs).toBeLessThanOrEqual(3);
    expect(excel.values(G21, "A15:E15")).toEqual([["T2.1.90", "发生重大违法决策", "否决", "是", 43101]]);
    const { snapshot } = await readSnapshot({ ...opts, pack: v2 });
    expect(snapshot.tables["veto:G2.1"]?.rows[0]).toMatchObject({
      row: 15,
      cells: { occurred: "是", eventDate: 43101 },
    });
  });

  it("never touches sheets that are not Taizhang's", async () => {
    const { excel, opts } = fakeExcel();
    excel.user.setValues("Sheet1", "A1:C2", [
      ["我的", "数据", "2018-01-01"],
      ["1", "2", "3"],
    ]);
    const before = dump(excel, "Sheet1");
    await installPack(miniPack(), opts);
    await installPack(withNewItems(miniPack(), "1.1.0"), opts);
    expect(dump(excel, "Sheet1")).toBe(before);
  });

  it("renames its sheet when a user sheet already has the name, and records it", async () => {
    const { excel, opts } = fakeExcel({ sheets: ["基本信息", G21] });
    excel.user.setValues("基本信息", "A1", [["用户自己的表"]]);
    const userInfo = dump(excel, "基本信息");
    const userGroup = dump(excel, G21);
    // The shipped version, so reading it back below finds the pack the workbook names.
    const pack = variant(miniPack(), townshipPack().version, () => undefined);
    const summary = await installPack(pack, { ...opts, settings: { township: "兴仁镇" } });
    expect(summary.renamedSheets).toEqual(
      expect.arrayContaining([
        { wanted: "基本信息", used: "基本信息 (2)" },
        { wanted: G21, used: `${G21} (2)` },
      ]),
    );
    expect(dump(excel, "基本信息")).toBe(userInfo);
    expect(dump(excel, G21)).toBe(userGroup);
    expect(excel.value("基本信息 (2)", "B3")).toBe("兴仁镇");
    // Installing again finds its own renamed sheets instead of making "(3)".
    await installPack(pack, opts);
    expect(excel.model.sheet("基本信息 (3)")).toBeUndefined();
    const { snapshot } = await readSnapshot(opts);
    expect(snapshot.inputs.township?.sheet).toBe("基本信息 (2)");
    expect(snapshot.tables["checklist:G2.1"]?.sheet).toBe(`${G21} (2)`);
  });

  it.each([
    [
      "another pack",
      (p: ReturnType<typeof miniPack>) => ({ ...p, id: "other-pack" }),
      "excel.error.otherPack",
    ],
    [
      "an older version",
      (p: ReturnType<typeof miniPack>) => ({ ...p, version: "0.9.0" }),
      "excel.error.downgrade",
    ],
  ])("refuses %s and changes nothing", async (_label, edit, code) => {
    const { excel, opts } = fakeExcel();
    await installPack(miniPack(), opts);
    const before = excel.model.sheets.map((s) => dump(excel, s.name)).join();
    expect(await codeOf(installPack(edit(miniPack()), opts))).toBe(code);
    expect(excel.model.sheets.map((s) => dump(excel, s.name)).join()).toBe(before);
  });

  it("says which Excel is needed below ExcelApi 1.8", async () => {
    const { opts } = fakeExcel({ apiVersion: "1.7" });
    expect(await codeOf(installPack(miniPack(), opts))).toBe("excel.error.requirement");
  });
});
