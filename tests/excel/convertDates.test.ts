import type * as ExcelJS from "exceljs";
import type { Finding } from "../../src/core/findings";
import { convertTextDates, recheckAll, textDateFix, type TextDateFix } from "../../src/excel";
import { openXlsxWorkbook } from "../../src/preview/xlsx";
import type { FakeExcel } from "../../src/sim";
import { buildTemplate, saveXlsx } from "../../src/xlsx";
import { miniPack } from "../fixtures/miniPack";
import { syncsOf } from "./helpers";

jest.setTimeout(30_000);

// Hand-computed serials: 2018-01-01 is 43101; April 1 is 31 + 28 + 31 days on, May 1 30 more.
const APR_1 = 43191;
const MAY_1 = 43221;
const MAY_10 = 43230;

/**
 * A workbook made by taizhang init whose ledger got dates Excel or WPS kept as text: "2018.4.1"
 * (no such date format), 2018年5月1日, and 2018-05-10 in a cell formatted as text ("@").
 */
async function textDates(apiVersion = "1.20") {
  const wb = buildTemplate(miniPack, { township: "宣和镇", assessmentDate: "2018-12-31" });
  const ledger = wb.getWorksheet("决策台账") as ExcelJS.Worksheet;
  ledger.getRow(3).values = ["道路改造", "2018.4.1", "2018-05-10", "是", 0.8];
  ledger.getCell("C3").numFmt = "@";
  // Below the one-row table (typed in WPS): checked by the core, no 校验 formula there.
  ledger.getRow(4).values = ["学校扩建", "2018年5月1日", MAY_10, "是", 0.9];
  const { excel } = await openXlsxWorkbook(await saveXlsx(wb), { apiVersion });
  return { excel, opts: { run: excel.run, runWith: excel.runWith, isSetSupported: excel.isSetSupported } };
}

const textDateFindings = (findings: readonly Finding[]) =>
  findings.filter((f) => f.code === "date.textNotDate");

const fixesOf = (findings: readonly Finding[]): TextDateFix[] =>
  findings.map(textDateFix).filter((f): f is TextDateFix => f !== null);

/** Every cell of every sheet: what it holds (its formula, else its value) and its format. */
function cellsOf(excel: FakeExcel): Map<string, string> {
  const out = new Map<string, string>();
  for (const sheet of excel.model.sheets) {
    for (const [k, cell] of sheet.cells) {
      out.set(`${sheet.name}!${k}`, JSON.stringify([cell.formula ?? cell.value, cell.numberFormat]));
    }
  }
  return out;
}

describe("转换为日期: dates typed as text become real dates (issue 15)", () => {
  it("flags each text date as a warning carrying the serial to write, in the pane and the 校验 cell", async () => {
    const { excel, opts } = await textDates();
    const { assessment } = await recheckAll(miniPack, opts);
    expect(
      textDateFindings(assessment.findings).map((f) => [f.cell, f.severity, f.params.date, f.params.serial]),
    ).toEqual([
      ["B3", "warning", "2018-04-01", APR_1],
      ["C3", "warning", "2018-05-10", MAY_10],
      ["B4", "warning", "2018-05-01", MAY_1],
    ]);
    // The workbook's own formula says the same, without the add-in.
    expect(excel.value("决策台账", "F3")).toBe(
      "! “合法性审查日期”是文本,应为日期;! “决定日期”是文本,应为日期",
    );
  });

  it("writes one cell's date with the date format, one undo step, and touches nothing else", async () => {
    const { excel, opts } = await textDates();
    const before = await recheckAll(miniPack, opts);
    const cells = cellsOf(excel);
    const undo = excel.undoSteps;
    const writes = excel.writes;
    const one = fixesOf(textDateFindings(before.assessment.findings)).filter((f) => f.cell === "B3");

    const { value, syncs } = await syncsOf(excel, () => convertTextDates(one, opts));
    expect(value).toEqual({ converted: 1, skipped: 0, syncs: 2 });
    // Read the cell, write it: two round trips, one undo step, two writes (format, value).
    expect(syncs).toBe(2);
    expect(excel.undoSteps - undo).toBe(1);
    expect(excel.writes - writes).toBe(2);
    expect(excel.cell("决策台账", "B3")).toMatchObject({ value: APR_1, numberFormat: "yyyy-mm-dd" });
    const changed = [...cellsOf(excel)].filter(([k, v]) => cells.get(k) !== v).map(([k]) => k);
    expect(changed).toHaveLength(1);
    // The comparison saw the sheet's cells, not an empty map.
    expect([...cells.keys()].filter((k) => k.startsWith("决策台账!")).length).toBeGreaterThan(10);

    const after = await recheckAll(miniPack, opts);
    expect(textDateFindings(after.assessment.findings).map((f) => f.cell)).toEqual(["C3", "B4"]);
    // The rest is as it was: the same findings but the one fixed, the same score.
    expect(after.assessment.findings).toEqual(
      before.assessment.findings.filter((f) => !(f.code === "date.textNotDate" && f.cell === "B3")),
    );
    expect(after.assessment.score).toBe(before.assessment.score);
    expect(excel.value("决策台账", "F3")).toBe("! “决定日期”是文本,应为日期");
  });

  it("converts every one at once, a cell formatted as text too, and skips a cell edited since", async () => {
    const { excel, opts } = await textDates();
    const before = await recheckAll(miniPack, opts);
    const fixes = fixesOf(textDateFindings(before.assessment.findings));
    // Typed again after the check ('keeps it text): not the text the fix was made for.
    excel.user.setValues("决策台账", "B4", [["'2018.5.2"]]);
    await excel.settle();
    const undo = excel.undoSteps;

    expect(await convertTextDates(fixes, opts)).toMatchObject({ converted: 2, skipped: 1 });
    expect(excel.undoSteps - undo).toBe(1);
    expect(excel.cell("决策台账", "B3")).toMatchObject({ value: APR_1, numberFormat: "yyyy-mm-dd" });
    // The text format ("@") gave way to the date format, so the cell shows a date, not 43230.
    expect(excel.cell("决策台账", "C3")).toMatchObject({ value: MAY_10, numberFormat: "yyyy-mm-dd" });
    expect(excel.value("决策台账", "B4")).toBe("2018.5.2");

    const after = await recheckAll(miniPack, opts);
    expect(textDateFindings(after.assessment.findings).map((f) => [f.cell, f.params.date])).toEqual([
      ["B4", "2018-05-02"],
    ]);
    expect(excel.value("决策台账", "F3")).toBe("✓");
  });

  it("asks for no undo grouping below ExcelApi 1.20, where only the write round trip is a step", async () => {
    const { excel, opts } = await textDates("1.14");
    const before = await recheckAll(miniPack, opts);
    const undo = excel.undoSteps;
    await convertTextDates(fixesOf(textDateFindings(before.assessment.findings)), opts);
    expect(excel.undoSteps - undo).toBe(1);
  });
});
