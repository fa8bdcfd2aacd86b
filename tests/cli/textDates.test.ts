import * as ExcelJS from "exceljs";
import { cli, headerColumn, itemRow, tempDir } from "./helpers";

jest.setTimeout(240_000);

const G21 = "二(一)依法决策";

/** T2.1.2 marked done with its evidence, dated `date` (text as typed, or a real date). */
async function doneOn(blank: string, out: string, date: ExcelJS.CellValue): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(blank);
  const sheet = workbook.getWorksheet(G21) as ExcelJS.Worksheet;
  const row = itemRow(sheet, "T2.1.2");
  const set = (header: string, value: ExcelJS.CellValue) => {
    sheet.getCell(row, headerColumn(sheet, 2, header)).value = value;
  };
  set("状态", "完成");
  set("完成日期", date);
  set("佐证材料", "征求意见汇总表");
  await workbook.xlsx.writeFile(out);
  return sheet.getCell(row, headerColumn(sheet, 2, "完成日期")).address;
}

describe("taizhang check and a date typed as text (issue 15)", () => {
  it("lists it as a warning with the date it reads as, and scores it as that date", async () => {
    const tmp = tempDir();
    try {
      const blank = tmp.path("blank.xlsx");
      expect((await cli(["init", "--pack", "township-2018", "--township", "甲镇", "-o", blank])).code).toBe(
        0,
      );
      const cell = await doneOn(blank, tmp.path("text.xlsx"), "2018.5.1");
      await doneOn(blank, tmp.path("date.xlsx"), new Date(Date.UTC(2018, 4, 1)));

      const asText = await cli(["check", tmp.path("text.xlsx")]);
      const asDate = await cli(["check", tmp.path("date.xlsx")]);
      expect(asText.stdout).toContain(
        `  ! ${G21}!${cell} [T2.1.2] “完成日期”中的“2018.5.1”是文本,按 2018-05-01 计;请改为真正的日期(点“转换为日期”)`,
      );
      expect(asDate.stdout).not.toContain("是文本");
      // The same score, group by group: the warning costs nothing.
      const scores = (out: string) => out.split("\n").filter((l) => /^\s+[\d.]+\/[\d.]+\s/.test(l));
      expect(scores(asText.stdout).length).toBeGreaterThan(0);
      expect(scores(asText.stdout)).toEqual(scores(asDate.stdout));
      expect(asText.code).toBe(asDate.code);
    } finally {
      tmp.remove();
    }
  });
});
