import { installPack, recheckAll } from "../../src/excel";
import { fakeExcel, townshipPack } from "./helpers";

// Worksheet ids hold only within a session; Excel for desktop reports positional ones after the file
// is opened again (https://github.com/OfficeDev/office-js-docs/issues/297,
// https://github.com/OfficeDev/office-js/issues/1390). A recorded id may then name another sheet.
describe("sheet ids recorded in an earlier session", () => {
  it("never send 自评结果 or 差距清单 to another sheet that now has their old id", async () => {
    const { excel, opts } = fakeExcel();
    const pack = townshipPack();
    await installPack(pack, { ...opts, settings: { township: "兴仁镇", assessmentDate: "2018-12-31" } });
    excel.model.reopen();
    await recheckAll(null, opts); // records this session's (positional) ids
    const names = () => excel.model.sheets.map((s) => s.name);
    // The user removes the blank first sheet; next session every id moves up by one position.
    excel.model.removeSheet(excel.model.requireSheet("Sheet1"));
    const before = new Map(excel.model.sheets.map((s) => [s.name, JSON.stringify([...s.cells.entries()])]));
    excel.model.reopen();
    await recheckAll(null, opts);

    const results = excel.model.requireSheet("自评结果");
    const gaps = excel.model.requireSheet("差距清单");
    expect(String(results.cell(0, 0)?.value ?? "")).toContain("自评");
    expect(String(gaps.cell(0, 0)?.value ?? "")).toContain("差距");
    // Every sheet other than the two outputs holds what it held (校验 cells aside, which did not change).
    for (const name of names()) {
      if (name === "自评结果" || name === "差距清单" || name.startsWith("_")) continue;
      expect([name, JSON.stringify([...excel.model.requireSheet(name).cells.entries()])]).toEqual([
        name,
        before.get(name),
      ]);
    }
  });
});
