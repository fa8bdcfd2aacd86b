import { layoutFor } from "../../src/core/layout";
import { resultsSheetModel } from "../../src/core/layout/resultSheets";
import { installPack, recheckAll } from "../../src/excel";
import { withFormulaEngine } from "../../src/preview/formulaValues";
import { FakeExcel } from "../../src/sim";
import { townshipPack } from "./helpers";

// A workbook the add-in installed, opened where no add-in runs (WPS, LibreOffice, an Excel without
// add-ins), must show on 自评结果 the figures the core computes: its formulas add up each item's
// 应得 / 实得 helpers, so install has to write those helpers on every checklist and veto row.
// The simulator computes formulas with the preview's JS engine (checked against LibreOffice in
// tests/differential).
const RESULTS = "自评结果";
const G21 = "二(一)依法决策";

jest.setTimeout(300_000);

describe("install writes each item's score helpers, so 自评结果's formulas show the core's figures", () => {
  it("after a few entries, every 自评结果 formula shows what the core computes", async () => {
    const pack = townshipPack();
    const excel = withFormulaEngine(new FakeExcel({ apiVersion: "1.20" }));
    const opts = { run: excel.run, runWith: excel.runWith, isSetSupported: excel.isSetSupported };
    await installPack(pack, { ...opts, settings: { township: "兴仁镇", assessmentDate: "2018-12-31" } });

    // Two 二(一) items marked 完成 and one 部分完成 (状态 in the checklist's status column).
    const header = excel.formulas(G21, "A1:L8").findIndex((r) => r.includes("状态"));
    const statusColumn = excel.formulas(G21, "A1:L8")[header]?.indexOf("状态") ?? -1;
    expect(statusColumn).toBeGreaterThan(0);
    const letter = String.fromCharCode(65 + statusColumn);
    excel.user.setValues(G21, `${letter}${header + 2}:${letter}${header + 4}`, [
      ["完成"],
      ["完成"],
      ["部分完成"],
    ]);

    const { assessment } = await recheckAll(null, opts);
    const model = resultsSheetModel(assessment, layoutFor(pack));
    const formulas = excel.formulas(RESULTS, "A1:H40");
    const shown = excel.values(RESULTS, "A1:H40");
    let compared = 0;
    formulas.forEach((row, r) =>
      row.forEach((formula, c) => {
        if (typeof formula !== "string" || !formula.startsWith("=")) return;
        const expected = model.rows[r]?.[c];
        if (typeof expected !== "number") return;
        expect([r + 1, c, shown[r]?.[c]]).toEqual([r + 1, c, expected]);
        compared++;
      }),
    );
    // Every group's 应得 and 实得 at least, and the totals row.
    expect(compared).toBeGreaterThanOrEqual(2 * assessment.groups.length + 2);
    expect(assessment.total.earned).toBeGreaterThan(0);
  });
});
