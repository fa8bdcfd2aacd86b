import * as ExcelJS from "exceljs";
import { HEADER_ROW, layoutFor, SHEETS } from "../../src/core/layout";
import { buildTemplate, openWorkbook, readSnapshot, saveXlsx, templateBytes } from "../../src/xlsx";
import { miniPack } from "../fixtures/miniPack";

async function loadFull(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  return wb;
}

type Validations = { model: Record<string, ExcelJS.DataValidation | undefined> };
const validations = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { dataValidations: Validations }).dataValidations.model;

describe("the blank workbook", () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await loadFull(await templateBytes(miniPack, { township: "宣和镇", assessmentDate: "2018-12-31" }));
  });

  it("has the layout's sheets, with the metadata sheet very hidden", () => {
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      SHEETS.info,
      SHEETS.results,
      SHEETS.gaps,
      "一、职能",
      "二、监督",
      "决策台账",
      SHEETS.meta,
    ]);
    expect(wb.getWorksheet(SHEETS.meta)?.state).toBe("veryHidden");
  });

  it("names every input cell TZ_<id> on 基本信息 and fills township and date", () => {
    expect(wb.definedNames.getRanges("TZ_township").ranges).toEqual(["'基本信息'!$B$3"]);
    expect(wb.definedNames.getRanges("TZ_staff").ranges).toEqual(["'基本信息'!$B$5"]);
    const info = wb.getWorksheet(SHEETS.info) as ExcelJS.Worksheet;
    expect(info.getCell("B3").value).toBe("宣和镇");
    expect(info.getCell("B4").value).toEqual(new Date(Date.UTC(2018, 11, 31)));
  });

  it("puts a title in row 1 and each table's header at HEADER_ROW", () => {
    const sheet = wb.getWorksheet("一、职能") as ExcelJS.Worksheet;
    expect(sheet.getCell(1, 1).value).toBe("一、职能");
    expect(sheet.getRow(HEADER_ROW).values).toEqual(
      expect.arrayContaining([
        "编号",
        "要求",
        "依据",
        "分值",
        "状态",
        "完成日期",
        "佐证材料",
        "责任人",
        "备注",
        "校验",
      ]),
    );
    expect(sheet.getCell(HEADER_ROW + 1, 1).value).toBe("T1.1");
    expect(Object.keys((sheet as unknown as { tables: object }).tables)).toEqual(["TZ_checklist_G1"]);
  });

  it("offers the status dropdown and a date check on the whole data range, with input prompts", () => {
    const sheet = wb.getWorksheet("一、职能") as ExcelJS.Worksheet;
    const model = validations(sheet);
    for (const row of [3, 4, 5]) {
      // Row 5 is T1.3, a ledger-type item: its 状态 cell shows the ledger's result, no dropdown.
      if (row !== 5)
        expect(model[`E${row}`]).toMatchObject({ type: "list", formulae: ['"完成,部分完成,未开始,不适用"'] });
      expect(model[`F${row}`]).toMatchObject({ type: "date", showInputMessage: true });
    }
    expect(model.E5).toBeUndefined();
    expect(model.E6).toBeUndefined();
    expect(model.A3).toBeUndefined();
    const ledger = validations(wb.getWorksheet("决策台账") as ExcelJS.Worksheet);
    expect(ledger.D3).toMatchObject({ type: "list", formulae: ['"是,否"'] });
    expect(ledger.D1002).toMatchObject({ type: "list" });
    expect(ledger.E3).toMatchObject({ type: "decimal", formulae: [0, 1] });
  });

  it("writes one validation element per rule range, not one per cell", async () => {
    const ws = buildTemplate(miniPack, { township: "甲" }).getWorksheet("决策台账") as ExcelJS.Worksheet;
    expect(Object.keys(validations(ws)).sort()).toEqual(["B3:B1002", "C3:C1002", "D3:D1002", "E3:E1002"]);
  });

  it("colours status, missing evidence and failing checks with conditional formats, never a ✓", () => {
    const sheet = wb.getWorksheet("一、职能") as ExcelJS.Worksheet;
    const cf = (
      sheet as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }
    ).conditionalFormattings;
    const formulas = cf.flatMap((c) => c.rules.map((r) => `${c.ref} ${r.formulae[0]}`));
    expect(formulas).toEqual(
      expect.arrayContaining([
        'E3:E5 $E3="完成"',
        'G3:G5 AND($E3="完成",LEN(TRIM($G3))=0)',
        "F3:F5 AND(ISNUMBER($F3),ISNUMBER(TZ_assessmentDate),$F3>TZ_assessmentDate)",
        'J3:J5 LEFT($J3,1)="✗"',
        'J3:J5 LEFT($J3,1)="!"',
        'A3:K5 LEFT($J3,1)="✗"',
      ]),
    );
  });

  it("regression (issue 10): a ✓ in 校验 is not coloured; every rule on 校验 tests for ✗ or !", () => {
    const sheet = wb.getWorksheet("一、职能") as ExcelJS.Worksheet;
    const cf = (
      sheet as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }
    ).conditionalFormattings;
    // Rules whose range covers the 校验 column J.
    const onCheck = cf
      .filter((c) => /^[A-J]3:J5$/.test(c.ref))
      .flatMap((c) => c.rules.map((r) => r.formulae[0] ?? ""));
    expect(onCheck.length).toBeGreaterThan(0);
    const marks = onCheck.map((f) => /^LEFT\(\$J3,1\)="(.)"$/.exec(f)?.[1] ?? `other: ${f}`);
    expect(new Set(marks)).toEqual(new Set(["✗", "!"]));
  });

  it("stacks the veto table below the checklist on a shared sheet, and reads both back", async () => {
    const { workbook, meta } = await openWorkbook(await templateBytes(miniPack, { township: "甲" }));
    const { snapshot, missingTables } = readSnapshot(workbook, layoutFor(miniPack), meta);
    expect(missingTables).toEqual([]);
    expect(snapshot.tables["veto:G2"]?.rows.map((r) => r.cells.id)).toEqual(["T2.2"]);
    expect(snapshot.tables["checklist:G2"]?.rows.map((r) => r.cells.id)).toEqual(["T2.1"]);
  });
});

describe("reading what people and other programs leave in a workbook", () => {
  let snapshot: ReturnType<typeof readSnapshot>["snapshot"];

  beforeAll(async () => {
    const wb = buildTemplate(miniPack, { township: "宣和镇" });
    const sheet = wb.getWorksheet("一、职能") as ExcelJS.Worksheet;
    // A formula with a cached result, rich text, and a date typed as text.
    sheet.getCell("E3").value = { formula: 'IF(1=1,"完成","")', result: "完成" } as ExcelJS.CellFormulaValue;
    sheet.getCell("G3").value = { richText: [{ text: "会议" }, { text: "纪要", font: { bold: true } }] };
    sheet.getCell("F3").value = "2018年4月3日";
    sheet.getCell("H3").value = { text: "张三", hyperlink: "mailto:a@b.c" };
    // The ledger loses its Excel table (as in some programs), gains a column in front and a merged cell.
    const ledger = wb.getWorksheet("决策台账") as ExcelJS.Worksheet;
    ledger.removeTable("TZ_ledger_decisions");
    ledger.spliceColumns(1, 0, ["", "序号", 1, 2]);
    ledger.getCell("B3").value = "道路改造";
    ledger.getCell("B4").value = "学校扩建";
    ledger.getCell("E3").value = "是";
    ledger.mergeCells("E3:E4");
    ledger.getCell("D4").value = 43200; // a serial in the date-formatted column: read as 2018-04-10
    // A whole-column validation, as Excel and LibreOffice write them.
    (
      ledger as unknown as { dataValidations: { add(r: string, v: ExcelJS.DataValidation): void } }
    ).dataValidations.add("C1:C1048576", {
      type: "date",
      operator: "greaterThan",
      formulae: [new Date(Date.UTC(1900, 0, 1))],
    });
    wb.addWorksheet("乡镇附表").getCell("A1").value = "编号";
    const { workbook, meta } = await openWorkbook(await saveXlsx(wb));
    snapshot = readSnapshot(workbook, layoutFor(miniPack), meta).snapshot;
  }, 30_000);

  it("takes a formula's cached result, rich text and hyperlink text", () => {
    const row = snapshot.tables["checklist:G1"]?.rows[0];
    expect(row?.cells).toMatchObject({ id: "T1.1", status: "完成", evidence: "会议纪要", owner: "张三" });
    expect(row?.cells.doneDate).toBe("2018年4月3日");
  });

  it("finds a ledger by its headers when the Excel table is gone and columns moved", () => {
    const table = snapshot.tables["ledger:decisions"];
    expect(table?.columns).toMatchObject({ name: 1, reviewDate: 2, decisionDate: 3, archived: 4 });
    // Dates arrive as Excel serials and a merged cell's value is its top-left cell's only, as
    // Office.js reports them, so the CLI reads what the add-in reads.
    expect(table?.rows.map((r) => [r.row, r.cells.name, r.cells.archived, r.cells.decisionDate])).toEqual([
      [3, "道路改造", "是", null],
      [4, "学校扩建", null, 43200],
    ]);
  });

  it("reads the inputs through their names", () => {
    expect(snapshot.inputs.township).toEqual({ value: "宣和镇", sheet: "基本信息", cell: "B3" });
  });
});
