import { consolidate } from "../../src/core/consolidate";
import { assess } from "../../src/core/assess";
import { exportGapSheet, installPack, writeConsolidation } from "../../src/excel";
import { workbookFormulasFor } from "../../src/excel/installFormulas";
import { layoutFor } from "../../src/core/layout";
import { storeInput } from "../../src/sim/cellValues";
import type { FakeExcel } from "../../src/sim";
import { buildSnapshot } from "../support/snapshot";
import { fakeExcel, townshipPack } from "./helpers";

// Issue 13, item 13. Excel.Range.values: "If the returned value starts with a plus ("+"), minus
// ("-"), or equal sign ("="), Excel interprets this value as a formula."
// https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-values-member
// The simulator encodes that; the add-in must write every user-supplied string as text.

const HOSTILE = ['=HYPERLINK("http://evil.example/","点我")', "=1+1", "+86 951 1234", "-王五"];

/** Every cell of a sheet that holds a formula Excel made out of written text. */
function formulaCells(excel: FakeExcel, sheet: string): string[] {
  return [...(excel.model.sheet(sheet)?.cells.values() ?? [])].flatMap((c) => (c.formula ? [c.formula] : []));
}

describe("the simulator: text written through Range.values", () => {
  it.each(['=HYPERLINK("http://x","y")', "=1+1", "+1+2", "-abc"])(
    "%p in a General cell becomes a formula, as Excel documents",
    (text) => {
      // The simulator computes no formula: it shows "" until an evaluator says otherwise.
      expect(storeInput(text, "General")).toEqual({ value: "", formula: text });
    },
  );

  it.each(["-3", "+5", "-0.5"])("%p is still a number", (text) => {
    expect(storeInput(text, "General").value).toBe(Number(text));
  });

  it("stays text in a text-formatted cell, or after a leading apostrophe", () => {
    expect(storeInput("=1+1", "@")).toEqual({ value: "=1+1" });
    expect(storeInput("'=1+1", "General")).toEqual({ value: "=1+1" });
  });

  it("through the fake Office.js API too", async () => {
    const { excel } = fakeExcel();
    await excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").values = [["=1+1"]];
      sheet.getRange("A2").numberFormat = [["@"]];
      sheet.getRange("A2").values = [["=1+1"]];
      await ctx.sync();
    });
    expect(excel.formulas("Sheet1", "A1:A2")).toEqual([["=1+1"], ["=1+1"]]);
    expect(excel.cell("Sheet1", "A1")?.formula).toBe("=1+1");
    expect(excel.value("Sheet1", "A1")).not.toBe("=1+1");
    expect(excel.cell("Sheet1", "A2")?.formula).toBeUndefined();
    expect(excel.value("Sheet1", "A2")).toBe("=1+1");
  });
});

describe("the add-in writes user text as text", () => {
  it("a 责任人 typed as =HYPERLINK(…) stays text on 差距清单", async () => {
    const { excel, opts } = fakeExcel();
    await installPack(townshipPack(), {
      ...opts,
      settings: { township: "兴仁镇", assessmentDate: "2018-12-31" },
    });
    const sheet = "二(一)依法决策";
    const header = excel.values(sheet, "A2:J2")[0] ?? [];
    const owner = String.fromCharCode(65 + header.indexOf("责任人"));
    // Typed by a township into the text-formatted 责任人 column (where Excel keeps them as typed)
    // of T2.1.2–T2.1.5, which are all gaps of a blank workbook.
    HOSTILE.forEach((text, i) => excel.user.setValues(sheet, `${owner}${4 + i}`, [[text]]));
    expect(excel.value(sheet, `${owner}4`)).toBe(HOSTILE[0]);
    await exportGapSheet(null, opts);
    const gaps = excel.values("差距清单", "A1:M400").flat();
    for (const text of HOSTILE) expect(gaps).toContain(text);
    expect(formulaCells(excel, "差距清单")).toEqual([]);
    // 自评结果 holds the compiled figures as formulas (issue 15), and no formula besides them.
    const compiled = workbookFormulasFor(townshipPack(), layoutFor(townshipPack()))
      .cells.filter((c) => c.sheet === "自评结果")
      .map((c) => c.formula);
    expect(formulaCells(excel, "自评结果").sort()).toEqual(compiled.sort());
  });

  it("township names and skipped sources stay text on 汇总", async () => {
    const { excel, opts } = fakeExcel();
    const pack = townshipPack();
    const summary = consolidate(
      HOSTILE.map((township, n) => ({
        source: `${township}.xlsx`,
        assessment: assess(pack, buildSnapshot(pack, { township: `${township}${n === 0 ? "" : ""}` })),
      })),
    );
    await writeConsolidation(
      summary,
      [{ source: "=cmd|' /C calc'!A0.xlsx", reason: { key: "xlsx.error.corrupt" } }],
      opts,
    );
    const matrix = excel.values("汇总", "A1:Z40").flat();
    for (const text of HOSTILE) expect(matrix).toContain(text);
    expect(matrix.some((v) => String(v).includes("=cmd|"))).toBe(true);
    expect(formulaCells(excel, "汇总")).toEqual([]);
    expect(formulaCells(excel, "共性差距")).toEqual([]);
    expect(formulaCells(excel, "乡镇详情")).toEqual([]);
  });
});
