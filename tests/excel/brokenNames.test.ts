import { installPack, readSnapshot } from "../../src/excel";
import { fakeExcel, townshipPack } from "./helpers";

// https://github.com/OfficeDev/office-js/issues/4772 — a workbook-scoped name whose cells are deleted
// stays, as =#REF!, and "cannot be fixed by insert again (due to the unique name check …); you can
// just edit the NamedItem or delete and insert again".
describe("an input row the user deleted on 基本信息", () => {
  it("leaves its name as =#REF! and an upgrade repairs it instead of failing to re-add it", async () => {
    const { excel, opts } = fakeExcel();
    const pack = townshipPack();
    await installPack(pack, { ...opts, settings: { township: "兴仁镇", assessmentDate: "2018-12-31" } });
    const inputsBefore = Object.keys((await readSnapshot(opts)).snapshot.inputs).sort();
    const input = excel.model.names.find((n) => n.sheet.name === "基本信息" && n.box.r0 === 4);
    if (!input) throw new Error("no input on row 5");
    const name = input.name;
    excel.user.deleteRows("基本信息", 5);
    expect(excel.model.nameFormula(input)).toBe("=#REF!");

    const summary = await installPack(pack, opts);
    expect(summary.upgradedFrom).toBe(pack.version);
    const repaired = excel.model.names.filter((n) => n.name === name);
    expect(repaired).toHaveLength(1);
    expect(repaired.map((n) => excel.model.nameFormula(n))).toEqual([
      expect.stringMatching(/^=基本信息!\$B\$\d+$/),
    ]);
    // The other entries are where they were, and every input reads again.
    expect(excel.value("基本信息", "B3")).toBe("兴仁镇");
    expect(Object.keys((await readSnapshot(opts)).snapshot.inputs).sort()).toEqual(inputsBefore);
  });
});
