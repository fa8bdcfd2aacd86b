import { consolidate } from "../../src/core/consolidate";
import { loadXlsx, summaryBytes } from "../../src/xlsx";
import { assessmentOf, gapOf, groupResult } from "../support/assessmentParts";

/**
 * The summary workbook is written as XML straight into the zip (not through ExcelJS), so the text
 * escaping is ours: a township name with markup characters, quotes or a control
 * character pasted from another system must give a workbook that opens, with the text kept
 * (the control character, which XML cannot hold, dropped).
 */
describe("the summary workbook's own XML", () => {
  it("keeps names with < & ' \" and drops characters XML cannot hold", async () => {
    const name = "甲<镇>&'\"\u0007乡";
    const summary = consolidate([
      {
        source: "a&b.xlsx",
        assessment: assessmentOf(80, {
          township: name,
          groups: [groupResult("G1", { points: 10, score: 80 })],
          gaps: [gapOf("1", 2)],
        }),
      },
    ]);
    const workbook = await loadXlsx(
      await summaryBytes(summary, [{ source: "<x>.xlsx", reason: "坏 & 错" }], "zh-CN"),
    );
    const matrix = workbook.worksheets[0];
    // Row 3 is the first township; column B its name (a link, read back as its text).
    const cell = matrix?.getCell("B3").value;
    expect(typeof cell === "object" && cell !== null && "text" in cell ? cell.text : cell).toBe(
      "甲<镇>&'\"乡",
    );
    const texts = workbook.worksheets.flatMap((sheet) => {
      const out: string[] = [];
      sheet.eachRow((row) => row.eachCell((c) => out.push(String(c.text))));
      return out;
    });
    expect(texts.some((t) => t.includes("<x>.xlsx") && t.includes("坏 & 错"))).toBe(true);
    expect(texts.some((t) => t.includes("a&b.xlsx"))).toBe(true);
    expect(workbook.creator).toBe("Taizhang");
  });
});
