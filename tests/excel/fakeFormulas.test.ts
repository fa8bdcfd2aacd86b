import type { XlSelectionChangedArgs } from "../../src/excel/api";
import { FakeExcel } from "../../src/sim";
import { evaluateTestFormula } from "./formulaEval";

// Range.formulas: "Represents the formula in A1-style notation. If a cell has no formula, its
// value is returned instead."
// https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-formulas-member
// Range.values: text starting with "=" written through values is taken for a formula too.
// https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-values-member

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code ?? "no code";
  }
  return "no error";
}

const write = (excel: FakeExcel, address: string, formulas: unknown[][]) =>
  excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Sheet1").getRange(address).formulas = formulas;
    await ctx.sync();
  });

const read = (excel: FakeExcel, address: string) =>
  excel.run(async (ctx) => {
    const range = ctx.workbook.worksheets.getItem("Sheet1").getRange(address).load("values,formulas");
    await ctx.sync();
    return { values: range.values, formulas: range.formulas };
  });

describe("the simulator's formulas", () => {
  it("reads formulas with '=' and, for cells without one, their values", async () => {
    const excel = new FakeExcel({ evaluate: evaluateTestFormula });
    await write(excel, "A1:C1", [["张三", 5, '=IF(LEN(TRIM(A1))=0,"","✓")']]);
    const got = await read(excel, "A1:D1");
    expect(got.formulas).toEqual([["张三", 5, '=IF(LEN(TRIM(A1))=0,"","✓")', ""]]);
    expect(got.values).toEqual([["张三", 5, "✓", ""]]);
  });

  it("rejects a formulas array of the wrong shape, as values does", async () => {
    const excel = new FakeExcel();
    expect(await codeOf(write(excel, "A1:B2", [["=A3", "=A4"]]))).toBe("InvalidArgument");
    expect(excel.formulas("Sheet1", "A1:B1")).toEqual([["", ""]]);
  });

  it("recomputes a formula cell when what it reads changes, with no write by the add-in", async () => {
    const excel = new FakeExcel({ evaluate: evaluateTestFormula });
    await write(excel, "B1", [['=IF(LEN(TRIM(A1))=0,"","✓")']]);
    expect(excel.value("Sheet1", "B1")).toBe("");
    excel.user.setValues("Sheet1", "A1", [["完成"]]);
    const writes = excel.writes;
    expect((await read(excel, "B1")).values).toEqual([["✓"]]);
    expect(excel.writes).toBe(writes);
  });

  it("without an evaluator shows '' for a new formula and the last result for a replaced one", async () => {
    const excel = new FakeExcel();
    await write(excel, "A1", [["=1+1"]]);
    expect((await read(excel, "A1")).values).toEqual([[""]]);
    excel.model.requireSheet("Sheet1").ensure(0, 0).value = 2; // as if Excel had computed it
    await write(excel, "A1", [["=1+2"]]);
    expect((await read(excel, "A1")).values).toEqual([[2]]);
  });

  it("stores the same formula whether written through values or formulas", async () => {
    const excel = new FakeExcel();
    await excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").values = [["=B1"]];
      sheet.getRange("A2").formulas = [["=B1"]];
      await ctx.sync();
    });
    expect(excel.formulas("Sheet1", "A1:A2")).toEqual([["=B1"], ["=B1"]]);
  });

  it("keeps text in a cell formatted as text, and stores non-formula text as typed input", async () => {
    const excel = new FakeExcel();
    await excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").numberFormat = [["@"]];
      sheet.getRange("A1:A2").formulas = [["=B1"], ["2018-04-03"]];
      await ctx.sync();
    });
    expect(excel.cell("Sheet1", "A1")?.formula).toBeUndefined();
    expect(excel.values("Sheet1", "A1:A2")).toEqual([["=B1"], [43193]]);
  });

  it("keeps formulas through row inserts and deletes, their references following the rows", () => {
    const excel = new FakeExcel({ evaluate: evaluateTestFormula });
    excel.user.setValues("Sheet1", "A3", [["甲"]]);
    excel.user.setFormulas("Sheet1", "B3:B4", [["=A3"], ['=IF(LEN(TRIM(A4))=0,"","✓")']]);
    excel.user.setFormulas("Sheet1", "C1", [['="A3 "&A3']]);
    excel.user.insertRows("Sheet1", 2, 2);
    expect(excel.formulas("Sheet1", "B5:B6")).toEqual([["=A5"], ['=IF(LEN(TRIM(A6))=0,"","✓")']]);
    // Text inside a string literal is not a reference.
    expect(excel.formulas("Sheet1", "C1")).toEqual([['="A3 "&A5']]);
    expect(excel.value("Sheet1", "B5")).toBe("甲");
    excel.user.deleteRows("Sheet1", 5, 1);
    expect(excel.formulas("Sheet1", "B5")).toEqual([['=IF(LEN(TRIM(A5))=0,"","✓")']]);
    expect(excel.formulas("Sheet1", "C1")).toEqual([['="A3 "&#REF!']]);
  });

  it("counts the add-in's writes, not its reads", async () => {
    const excel = new FakeExcel();
    await read(excel, "A1:B2");
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItemOrNullObject("Sheet1").load("name");
      await ctx.sync();
    });
    expect({ writes: excel.writes, undo: excel.undoSteps }).toEqual({ writes: 0, undo: 0 });
    await write(excel, "A1:A2", [["=B1"], ["x"]]);
    expect({ writes: excel.writes, undo: excel.undoSteps }).toEqual({ writes: 1, undo: 1 });
  });
});

describe("the simulator's dropdown picks and selection events", () => {
  // A value picked from a list validation's dropdown fires no onChanged on some hosts:
  // https://github.com/OfficeDev/office-js/issues/420, https://github.com/OfficeDev/office-js/issues/3888
  it("fires no onChanged for a dropdown pick by default, and onSelectionChanged when the selection moves", async () => {
    const excel = new FakeExcel();
    const changed: string[] = [];
    const selected: XlSelectionChangedArgs[] = [];
    await excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      sheet.onChanged.add(async (args) => {
        changed.push(args.address);
      });
      sheet.onSelectionChanged.add(async (args) => {
        selected.push(args);
      });
      await ctx.sync();
    });
    excel.user.pickFromList("Sheet1", "E4", "完成");
    excel.user.select("Sheet1", "E5");
    await excel.settle();
    expect(excel.value("Sheet1", "E4")).toBe("完成");
    expect(changed).toEqual([]);
    expect(selected).toEqual([
      {
        type: "WorksheetSelectionChanged",
        address: "E5",
        worksheetId: excel.model.requireSheet("Sheet1").id,
      },
    ]);
  });

  it("fires onChanged for a pick on a host that does", async () => {
    const excel = new FakeExcel({ dropdownFiresOnChanged: true });
    const changed: string[] = [];
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").onChanged.add(async (args) => {
        changed.push(args.address);
      });
      await ctx.sync();
    });
    excel.user.pickFromList("Sheet1", "E4", "完成");
    await excel.settle();
    expect(changed).toEqual(["E4"]);
  });

  it("needs ExcelApi 1.7 for onSelectionChanged", async () => {
    const excel = new FakeExcel({ apiVersion: "1.6" });
    const registered = excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").onSelectionChanged.add(async () => undefined);
      await ctx.sync();
    });
    expect(await codeOf(registered)).toBe("ApiNotFound");
  });
});
