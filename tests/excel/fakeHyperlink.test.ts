import { FakeExcel } from "../../src/sim";

/**
 * Range.hyperlink in the fake, as documented for Office.js (ExcelApi 1.7):
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-hyperlink-member and
 * https://learn.microsoft.com/javascript/api/excel/excel.rangehyperlink — a link to a URL
 * (`address`) or to a place in the workbook (`documentReference`, "'Sheet'!A1"); `textToDisplay`
 * is what the top-left cell shows.
 */
type Linkable = { hyperlink: Excel.RangeHyperlink; load(p: string): void };

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code ?? "no code";
  }
  return "no error";
}

describe("Range.hyperlink in the Excel fake", () => {
  it("links a cell into the workbook, keeps its text, and reads the link back after load and sync", async () => {
    const excel = new FakeExcel({ sheets: ["汇总", "乡镇详情"] });
    await excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("汇总");
      sheet.getRange("B3").values = [["甲镇"]];
      (sheet.getRange("B3") as unknown as Linkable).hyperlink = { documentReference: "'乡镇详情'!A5" };
      const back = sheet.getRange("B3") as unknown as Linkable;
      back.load("hyperlink");
      await ctx.sync();
      expect(back.hyperlink).toEqual({ documentReference: "'乡镇详情'!A5" });
    });
    expect(excel.model.sheet("汇总")?.value(2, 1)).toBe("甲镇");
  });

  it("shows textToDisplay in the top-left cell and puts the link on every cell of the range", async () => {
    const excel = new FakeExcel();
    await excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1") as unknown as Linkable;
      range.hyperlink = { address: "https://example.org/", textToDisplay: "说明" };
      await ctx.sync();
    });
    const sheet = excel.model.sheet("Sheet1");
    expect(sheet?.value(0, 0)).toBe("说明");
    expect(sheet?.cell(0, 1)?.hyperlink?.address).toBe("https://example.org/");
  });

  it("refuses a link without a target, and is missing before ExcelApi 1.7", async () => {
    const excel = new FakeExcel();
    const code = await codeOf(
      excel.run(async (ctx) => {
        (ctx.workbook.worksheets.getItem("Sheet1").getRange("A1") as unknown as Linkable).hyperlink = {
          textToDisplay: "无目标",
        };
        await ctx.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
    const old = new FakeExcel({ apiVersion: "1.6" });
    const missing = await codeOf(
      old.run(async (ctx) => {
        (ctx.workbook.worksheets.getItem("Sheet1").getRange("A1") as unknown as Linkable).hyperlink = {
          documentReference: "'Sheet1'!A2",
        };
        await ctx.sync();
      }),
    );
    expect(missing).toBe("ApiNotFound");
  });

  it("is removed by Clear All and kept by Clear Contents", async () => {
    const excel = new FakeExcel({ sheets: ["S"] });
    await excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("S");
      (sheet.getRange("A1:A2") as unknown as Linkable).hyperlink = { documentReference: "'S'!C1" };
      sheet.getRange("A1").clear("Contents");
      sheet.getRange("A2").clear("All");
      await ctx.sync();
    });
    expect(excel.model.sheet("S")?.cell(0, 0)?.hyperlink).toEqual({ documentReference: "'S'!C1" });
    expect(excel.model.sheet("S")?.cell(1, 0)?.hyperlink).toBeUndefined();
  });
});
