import { mkdirSync, readFileSync } from "node:fs";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { cli, fillTownship, tempDir } from "./helpers";

/**
 * `taizhang consolidate` on real workbooks of one township in two 评估年度 (the default year of
 * the assessment date: 2018-12-31 → 2018, 2019-12-31 → 2019) and another township: the 2019 file
 * is ranked, the 2018 one is compared with, and every name links to its 乡镇详情 block.
 */
const tmp = tempDir();
afterAll(() => tmp.remove());

describe("consolidate: drill-down and year over year through the CLI", () => {
  const dir = tmp.path("years");
  const out = tmp.path("years.xlsx");
  const html = tmp.path("years.html");
  let stderr = "";

  beforeAll(async () => {
    mkdirSync(dir);
    const init = (township: string, date: string, file: string) =>
      cli(["init", "--pack", "township-2018", "--township", township, "--date", date, "-o", file]);
    await init("甲镇", "2018-12-31", `${dir}/甲镇-2018.xlsx`);
    await init("甲镇", "2019-12-31", tmp.path("甲镇-2019-blank.xlsx"));
    // 2019 has three items more (fillTownship's entries): the change is upward.
    await fillTownship(tmp.path("甲镇-2019-blank.xlsx"), `${dir}/甲镇-2019.xlsx`);
    await init("乙镇", "2019-12-31", `${dir}/乙镇.xlsx`);
    const run = await cli(["consolidate", dir, "-o", out, "--html", html]);
    expect(run.code).toBe(0);
    stderr = run.stderr;
  }, 120_000);

  it("ranks the latest year only and says the earlier file was compared with", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const matrix = wb.getWorksheet("汇总排名") as ExcelJS.Worksheet;
    const names = [matrix.getCell("B3").value, matrix.getCell("B4").value, matrix.getCell("B5").value];
    expect(names).toEqual(["甲镇", "乙镇", null]);
    const head = (matrix.getRow(2).values as ExcelJS.CellValue[]).map(String);
    const changeColumn = head.indexOf("总分较上年");
    expect(changeColumn).toBeGreaterThan(0);
    expect(String(matrix.getCell(3, changeColumn).value)).toMatch(/^▲ \d+\.\d$/);
    expect(matrix.getCell(4, changeColumn).value).toBeNull();
    const notes = wb.getWorksheet("说明") as ExcelJS.Worksheet;
    expect(String(notes.getCell("A2").value)).toMatch(/1 个工作簿是同一乡镇/);
    expect(stderr).toMatch(/已汇总 3 个工作簿/);
  });

  it("links each name to its block on 乡镇详情", async () => {
    const zip = await JSZip.loadAsync(readFileSync(out));
    const sheet = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
    const links = [...sheet.matchAll(/<hyperlink ref="(B\d+)" location="&apos;乡镇详情&apos;!A(\d+)"\/>/g)];
    expect(links.map((m) => m[1])).toEqual(["B3", "B4"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const detail = wb.getWorksheet("乡镇详情") as ExcelJS.Worksheet;
    expect(links.map((m) => detail.getCell(`A${m[2]}`).value)).toEqual([
      "1. 甲镇(2019 年度)",
      "2. 乙镇(2019 年度)",
    ]);
    expect(String(detail.getCell(`A${Number(links[0]?.[2]) + 2}`).value)).toMatch(
      /^较 2018 年度.*甲镇-2018\.xlsx.:▲/,
    );
  });

  it("gives the HTML the same change and anchors", () => {
    const page = readFileSync(html, "utf8");
    expect(page).toMatch(/<td class="num up">▲ \d+\.\d<\/td>/);
    expect(page).toContain('<a href="#township-1">甲镇</a>');
    expect(page).toContain("1. 甲镇(2019 年度)");
  });
});
