import { SHEETS } from "../../src/core/layout";
import { installPack } from "../../src/excel";
import { fakeExcel, syncsOf, townshipPack } from "./helpers";

describe("installing a pack", () => {
  it("builds the whole workbook in at most 3 syncs", async () => {
    const { excel, opts } = fakeExcel();
    const pack = townshipPack();
    const { value: summary, syncs } = await syncsOf(excel, () =>
      installPack(pack, { ...opts, settings: { township: "兴仁镇", assessmentDate: "2018-12-31" } }),
    );
    expect(syncs).toBeLessThanOrEqual(3);
    expect(summary.syncs).toBe(syncs);
    expect(summary.added).toBe(pack.groups.flatMap((g) => g.items).length);
    expect(excel.model.sheet(SHEETS.meta)?.visibility).toBe("VeryHidden");
    expect(excel.model.sheet("基本信息")).toBeDefined();
    expect(excel.model.sheet("自评结果")).toBeDefined();
    expect(excel.model.sheet("差距清单")).toBeDefined();
    console.log(
      summary.syncs,
      summary.assessment.score,
      excel.model.sheets.map((s) => s.name),
    );
  });
});
