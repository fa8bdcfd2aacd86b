import type * as ExcelJS from "exceljs";
import { extendTablesOverRows, recheckAll } from "../../src/excel";
import { openXlsxWorkbook } from "../../src/preview/xlsx";
import { buildTemplate, saveXlsx } from "../../src/xlsx";
import { miniPack } from "../fixtures/miniPack";
import { syncsOf } from "./helpers";

jest.setTimeout(30_000);

/** A workbook made by taizhang init, its ledger filled in LibreOffice: records below the one-row table. */
async function filledElsewhere(apiVersion = "1.14") {
  const wb = buildTemplate(miniPack, { township: "宣和镇", assessmentDate: "2018-12-31" });
  const ledger = wb.getWorksheet("决策台账") as ExcelJS.Worksheet;
  ledger.getRow(3).values = ["道路改造", "2018-04-01", "2018-04-10", "是", 0.8];
  ledger.getRow(4).values = ["学校扩建", "2018-05-01", "2018-05-10", "是", 0.9];
  ledger.getRow(6).values = ["集镇规划", "2018-06-20", "2018-06-10", "是", 0.7];
  const { excel } = await openXlsxWorkbook(await saveXlsx(wb), { apiVersion });
  return { excel, opts: { run: excel.run, isSetSupported: excel.isSetSupported } };
}

describe("extending tables over records typed below them (issue 10)", () => {
  it("grows the ledger table over its last record in one write round trip, and the warnings go", async () => {
    const { excel, opts } = await filledElsewhere();
    const before = await recheckAll(miniPack, opts);
    expect(before.assessment.findings.filter((f) => f.code === "row.outsideTable").map((f) => f.row)).toEqual(
      [4, 6],
    );
    const { value, syncs } = await syncsOf(excel, () => extendTablesOverRows(miniPack, opts));
    expect(value).toMatchObject({ tables: 1, rows: 2 });
    // Reading the workbook takes 2 round trips, the resize one more.
    expect(syncs).toBe(3);
    expect(excel.table("TZ_ledger_decisions")?.box).toEqual({ r0: 1, c0: 0, r1: 5, c1: 5 });

    const after = await recheckAll(miniPack, opts);
    expect(after.assessment.findings.filter((f) => f.code === "row.outsideTable")).toEqual([]);
    // The same records, the same verdicts: only the warning went.
    const withoutOutside = before.assessment.findings.filter((f) => f.code !== "row.outsideTable");
    expect(after.assessment.findings).toEqual(withoutOutside);
    expect(after.assessment.score).toBe(before.assessment.score);
    // Now inside the table, the rows get their 校验 cells.
    expect(String(excel.value("决策台账", "F6")).startsWith("✗")).toBe(true);
  });

  it("does nothing when every record is inside its table", async () => {
    const { excel, opts } = await filledElsewhere();
    await extendTablesOverRows(miniPack, opts);
    const { value, syncs } = await syncsOf(excel, () => extendTablesOverRows(miniPack, opts));
    expect(value).toMatchObject({ tables: 0, rows: 0 });
    expect(syncs).toBe(2);
  });

  it("asks for ExcelApi 1.13, where Table.resize came", async () => {
    const { opts } = await filledElsewhere("1.12");
    await expect(extendTablesOverRows(miniPack, opts)).rejects.toMatchObject({
      code: "excel.error.requirement",
      params: { version: "1.13" },
    });
  });
});

describe("the simulator's Table.resize", () => {
  // https://learn.microsoft.com/en-us/javascript/api/excel/excel.table#excel-excel-table-resize-member(1):
  // the headers must stay in the same row; no cell moves.
  it("refuses to move the header row and to overlap another table", async () => {
    const { excel } = await filledElsewhere();
    const resize = (table: string, address: string) =>
      excel.run(async (ctx) => {
        ctx.workbook.tables.getItem(table).resize(address);
        await ctx.sync();
      });
    await expect(resize("TZ_ledger_decisions", "A3:F6")).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(resize("TZ_checklist_G2", "A2:K8")).rejects.toMatchObject({ code: "InvalidOperation" });
    await resize("TZ_ledger_decisions", "A2:F9");
    expect(excel.value("决策台账", "A6")).toBe("集镇规划");
  });
});
