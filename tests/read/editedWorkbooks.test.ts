import type * as ExcelJS from "exceljs";
import { assess } from "../../src/core/assess";
import type { Assessment } from "../../src/core/assessment";
import type { Pack } from "../../src/core/pack/schema";
import { recheckAll } from "../../src/excel";
import { openXlsxWorkbook } from "../../src/preview/xlsx";
import { HEADER_ROW, layoutFor } from "../../src/core/layout";
import { assessWorkbookBytes, buildTemplate, openWorkbook, readSnapshot, saveXlsx } from "../../src/xlsx";
import { columnOf, DECISIONS, filledWorkbook } from "../preview/workbooks";
import { miniPack } from "../fixtures/miniPack";

// Several ExcelJS round trips per case on a shared 2-core machine.
jest.setTimeout(30_000);

/**
 * Edited workbooks (issue 13 items 7 and 8, issue 10's rows below a table), each read through the
 * .xlsx path (the CLI) and through the Office.js adapter on a simulated Excel holding the same
 * file (the pane and the preview): both must give the same assessment, and the right one.
 */
async function readBoth(wb: ExcelJS.Workbook, pack: Pack = miniPack): Promise<Assessment> {
  const bytes = await saveXlsx(wb);
  const { workbook, meta, raw } = await openWorkbook(bytes);
  const fromFile = assess(pack, readSnapshot(workbook, layoutFor(pack), meta, raw).snapshot);
  const { excel } = await openXlsxWorkbook(bytes);
  const fromExcel = await recheckAll(pack, { run: excel.run, isSetSupported: excel.isSetSupported });
  expect(fromExcel.assessment).toEqual(fromFile);
  return fromFile;
}

/** A date as Excel stores one typed in a date cell (a text date is a warning of its own). */
const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** A filled mini workbook: T1.1 done with evidence, two decisions in the ledger's first rows. */
function filled(): ExcelJS.Workbook {
  const wb = buildTemplate(miniPack, { township: "宣和镇", assessmentDate: "2018-12-31" });
  const info = wb.getWorksheet("基本信息") as ExcelJS.Worksheet;
  info.getCell("B5").value = 10;
  info.getCell("B6").value = 6;
  const g1 = wb.getWorksheet("一、职能") as ExcelJS.Worksheet;
  g1.getCell("E3").value = "完成";
  g1.getCell("F3").value = day("2018-03-01");
  g1.getCell("G3").value = "会议纪要";
  const ledger = wb.getWorksheet("决策台账") as ExcelJS.Worksheet;
  ledger.getRow(3).values = ["道路改造", day("2018-04-01"), day("2018-04-10"), "是", 0.8];
  ledger.getRow(4).values = ["学校扩建", day("2018-05-01"), day("2018-05-10"), "是", 0.9];
  ledger.getRow(5).values = ["集镇规划", day("2018-06-01"), day("2018-06-10"), "是", 0.7];
  return wb;
}

const codes = (a: Assessment, code: string) => a.findings.filter((f) => f.code === code);
// The share of its points the item earned.
const itemScore = (a: Assessment, id: string) => {
  const item = a.items.find((i) => i.itemId === id);
  return item ? item.earned / item.points : undefined;
};

describe("records typed below a ledger's one-row table (issue 10)", () => {
  it("are read as records by every path, each with a row.outsideTable warning", async () => {
    const wb = filled();
    // The last record's review comes after its decision: its error proves the row was checked.
    (wb.getWorksheet("决策台账") as ExcelJS.Worksheet).getCell("B5").value = day("2018-06-20");
    const a = await readBoth(wb);
    expect(codes(a, "row.outsideTable").map((f) => [f.sheet, f.row, f.severity])).toEqual([
      ["决策台账", 4, "warning"],
      ["决策台账", 5, "warning"],
    ]);
    expect(a.findings.filter((f) => f.itemId === "T1.3").map((f) => [f.code, f.row])).toEqual([
      ["dateOrder.violated", 5],
    ]);
    expect(itemScore(a, "T1.3")).toBeLessThan(1);
  });
});

describe("edited headers (issue 13 item 7)", () => {
  let baseline: Assessment;
  beforeAll(async () => {
    baseline = await readBoth(filled());
  });

  it("状态 renamed to 完成情况 is still the status column (by its position), not 未填写", async () => {
    const wb = filled();
    (wb.getWorksheet("一、职能") as ExcelJS.Worksheet).getCell("E2").value = "完成情况";
    const a = await readBoth(wb);
    expect(itemScore(a, "T1.1")).toBe(itemScore(baseline, "T1.1"));
    expect(a.score).toBe(baseline.score);
    expect(codes(a, "column.missing")).toEqual([]);
  });

  it("佐证材料 renamed to 佐证材料(附件), full-width and spaced, still holds the evidence", async () => {
    const wb = filled();
    const g1 = wb.getWorksheet("一、职能") as ExcelJS.Worksheet;
    g1.getCell("G2").value = " 佐证材料（附件） ";
    // Moved too: the position rule cannot be what finds it.
    g1.spliceColumns(8, 0, ["", "新列"]);
    const a = await readBoth(wb);
    expect(itemScore(a, "T1.1")).toBe(itemScore(baseline, "T1.1"));
    expect(a.findings.filter((f) => f.itemId === "T1.1")).toEqual([]);
  });

  it("是否归档 renamed to 归档情况 is still the archived column", async () => {
    const wb = filled();
    (wb.getWorksheet("决策台账") as ExcelJS.Worksheet).getCell("D2").value = "归档情况";
    const a = await readBoth(wb);
    expect(a.score).toBe(baseline.score);
    expect(codes(a, "column.missing")).toEqual([]);
  });

  it("a header renamed beyond recognition after columns moved gives 找不到列, not a silent 未填写", async () => {
    const wb = filled();
    const ledger = wb.getWorksheet("决策台账") as ExcelJS.Worksheet;
    ledger.spliceColumns(1, 0, ["", "序号"]);
    ledger.getCell("E2").value = "存档";
    const a = await readBoth(wb);
    expect(codes(a, "column.missing").map((f) => [f.sheet, f.column, f.params.column])).toEqual([
      ["决策台账", "archived", "是否归档"],
    ]);
  });
});

describe("基本信息 renamed and its names lost (issue 13 item 7)", () => {
  it("finds the inputs by their labels", async () => {
    const wb = filled();
    (wb.getWorksheet("基本信息") as ExcelJS.Worksheet).name = "单位情况";
    for (const name of ["TZ_township", "TZ_assessmentDate", "TZ_staff", "TZ_certified", "TZ_reportDate"])
      wb.definedNames.remove("单位情况!$B$3", name);
    const names = wb.definedNames as unknown as { model: unknown[] };
    names.model = [];
    const a = await readBoth(wb);
    expect(a.township).toBe("宣和镇");
    expect(a.assessmentDate).toBe("2018-12-31");
    expect(a.findings.filter((f) => f.code === "input.missing" || f.code.startsWith("info."))).toEqual([]);
    // The pane writes each input's 校验 beside it on the renamed sheet.
    const { excel } = await openXlsxWorkbook(await saveXlsx(wb));
    await recheckAll(miniPack, { run: excel.run, isSetSupported: excel.isSetSupported });
    expect(excel.value("单位情况", "E3")).toBe("✓");
  });
});

describe("a footer line under a ledger (issue 13 item 8)", () => {
  it("填表人:张三 审核人:李四 in the first column is not a record", async () => {
    const wb = filled();
    const baseline = await readBoth(filled());
    (wb.getWorksheet("决策台账") as ExcelJS.Worksheet).getCell("A7").value = "填表人:张三 审核人:李四";
    const a = await readBoth(wb);
    expect(a.score).toBe(baseline.score);
    expect(a.findings.filter((f) => f.row === 7)).toEqual([]);
  });

  it("a sign-off alone in another column after a blank gap is not a record either", async () => {
    const wb = filled();
    const baseline = await readBoth(filled());
    (wb.getWorksheet("决策台账") as ExcelJS.Worksheet).getCell("C9").value = "审核人：李四";
    const a = await readBoth(wb);
    expect(a.findings.filter((f) => f.row === 9)).toEqual([]);
    expect(a.score).toBe(baseline.score);
  });
});

describe("renamed sheets", () => {
  it("are located the same way on both paths", async () => {
    const wb = filled();
    (wb.getWorksheet("决策台账") as ExcelJS.Worksheet).name = "决策";
    (wb.getWorksheet("一、职能") as ExcelJS.Worksheet).name = "职能";
    const a = await readBoth(wb);
    expect(codes(a, "table.missing")).toEqual([]);
    expect(codes(a, "row.outsideTable").map((f) => f.sheet)).toEqual(["决策", "决策"]);
  });
});

describe("a township workbook whose ledger was filled below its one-row table (issue 10: 40.3 in the CLI, 30.0 in the pane)", () => {
  it("scores the same in the CLI, the pane on the preview and the add-in's own read", async () => {
    const wb = filledWorkbook();
    const ledger = wb.getWorksheet(DECISIONS) as ExcelJS.Worksheet;
    const at = (header: string) => columnOf(ledger, header);
    // 300 decisions typed below the table, every second one reviewed after its discussion.
    for (let i = 0; i < 300; i++) {
      const row = HEADER_ROW + 2 + i;
      ledger.getCell(row, at("决策事项")).value = `决策 ${i + 1}`;
      for (const step of ["公众参与", "专家论证", "风险评估", "合法性审查", "集体讨论", "是否归档"])
        ledger.getCell(row, at(step)).value = "是";
      for (const step of ["公众参与日期", "专家论证日期", "风险评估日期"])
        ledger.getCell(row, at(step)).value = "2018-04-02";
      ledger.getCell(row, at("合法性审查日期")).value = i % 2 === 0 ? "2018-04-05" : "2018-04-20";
      ledger.getCell(row, at("集体讨论日期")).value = "2018-04-10";
      ledger.getCell(row, at("决定日期")).value = "2018-04-10";
      ledger.getCell(row, at("公布日期")).value = "2018-04-12";
    }
    const bytes = await saveXlsx(wb);
    const cli = await assessWorkbookBytes(bytes);
    const { excel } = await openXlsxWorkbook(bytes);
    const pane = await recheckAll(null, { run: excel.run, isSetSupported: excel.isSetSupported });
    expect(pane.assessment).toEqual(cli.assessment);
    expect(cli.assessment.findings.filter((f) => f.code === "row.outsideTable")).toHaveLength(300);
    expect(
      cli.assessment.findings.filter((f) => f.code === "dateOrder.violated").length,
    ).toBeGreaterThanOrEqual(150);
  }, 60_000);
});

describe("a renamed spreadsheet table", () => {
  it("is still the table (rows below it get their warning) on both paths", async () => {
    const wb = filled();
    const ledger = wb.getWorksheet("决策台账") as ExcelJS.Worksheet;
    const table = (ledger as unknown as { tables: Record<string, { name: string; table: { name: string } }> })
      .tables.TZ_ledger_decisions;
    if (!table) throw new Error("no ledger table");
    table.name = "我的台账";
    table.table.name = "我的台账";
    const a = await readBoth(wb);
    expect(codes(a, "table.missing")).toEqual([]);
    expect(codes(a, "row.outsideTable").map((f) => f.row)).toEqual([4, 5]);
  });
});
