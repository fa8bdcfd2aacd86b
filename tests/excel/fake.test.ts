import type { XlChangedArgs, XlContext } from "../../src/excel/api";
import { FakeExcel, serialFromDate } from "../../src/sim";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code ?? "no code";
  }
  return "no error";
}

function codeOfSync(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code ?? "no code";
  }
  return "no error";
}

describe("the Excel fake", () => {
  it("throws PropertyNotLoaded until load() and sync()", async () => {
    const excel = new FakeExcel();
    await excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      expect(codeOfSync(() => range.values)).toBe("PropertyNotLoaded");
      range.load("values");
      expect(codeOfSync(() => range.values)).toBe("PropertyNotLoaded");
      await ctx.sync();
      expect(range.values).toEqual([
        ["", ""],
        ["", ""],
      ]);
      expect(codeOfSync(() => range.address)).toBe("PropertyNotLoaded");
    });
  });

  it("applies queued writes only on sync, in order, and counts every sync", async () => {
    const excel = new FakeExcel();
    await excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.values = [["first"]];
      expect(excel.value("Sheet1", "A1")).toBe("");
      range.values = [["second"]];
      await ctx.sync();
    });
    expect(excel.value("Sheet1", "A1")).toBe("second");
    expect(excel.syncs).toBe(1);
  });

  it.each([
    ["a row short", "A1:B2", [["x", "y"]]],
    ["a column short", "A1:B2", [["x"], ["y"]]],
    ["ragged", "A1:B2", [["x", "y"], ["z"]]],
  ])("rejects a values array that does not match the range (%s)", async (_label, address, values) => {
    const excel = new FakeExcel();
    const code = await codeOf(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange(address).values = values;
        await ctx.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
  });

  it("applies a single value to every cell of the range", async () => {
    const excel = new FakeExcel();
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").numberFormat = [["@"]];
      await ctx.sync();
    });
    expect(excel.cell("Sheet1", "B2")?.numberFormat).toBe("@");
  });

  it.each([
    ["2018-04-03", "General", serialFromDate(2018, 4, 3)],
    ["2018/4/3", "General", serialFromDate(2018, 4, 3)],
    ["2018-02-30", "General", "2018-02-30"],
    ["2018-04-03", "@", "2018-04-03"],
    ["'2018-04-03", "General", "2018-04-03"],
    ["50%", "General", 0.5],
    ["12", "General", 12],
    ["TRUE", "General", true],
    ["完成", "General", "完成"],
  ])("stores %s typed into a %s cell as %p (dates as serial numbers)", async (typed, format, stored) => {
    const excel = new FakeExcel();
    await excel.run(async (ctx) => {
      const cell = ctx.workbook.worksheets.getItem("Sheet1").getRange("C3");
      cell.numberFormat = [[format]];
      cell.values = [[typed]];
      cell.load("values");
      await ctx.sync();
      expect(cell.values[0]?.[0]).toBe(stored);
    });
  });

  it.each([
    ["a".repeat(32), "InvalidArgument"],
    ["a[b", "InvalidArgument"],
    ["a/b", "InvalidArgument"],
    ["a?b", "InvalidArgument"],
    ["SHEET1", "ItemAlreadyExists"],
    ["基本信息", "no error"],
    ["a".repeat(31), "no error"],
  ])("checks the sheet name %s → %s", async (name, expected) => {
    const excel = new FakeExcel();
    const code = await codeOf(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.add(name);
        await ctx.sync();
      }),
    );
    expect(code).toBe(expected);
  });

  it("keeps what ran before a failed operation and drops what came after", async () => {
    const excel = new FakeExcel();
    const code = await codeOf(
      excel.run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1").values = [["kept"]];
        ctx.workbook.worksheets.add("bad:name");
        sheet.getRange("A2").values = [["dropped"]];
        await ctx.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
    expect(excel.values("Sheet1", "A1:A2")).toEqual([["kept"], [""]]);
  });

  it("fails every request while a cell is being edited", async () => {
    const excel = new FakeExcel();
    excel.setCellEditMode(true);
    const code = await codeOf(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x"]];
        await ctx.sync();
      }),
    );
    expect(code).toBe("InvalidOperationInCellEditMode");
    expect(excel.value("Sheet1", "A1")).toBe("");
  });

  it("hides a sheet very hidden but never the last visible one", async () => {
    const excel = new FakeExcel({ sheets: ["A", "B"] });
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("B").visibility = "VeryHidden";
      await ctx.sync();
    });
    expect(excel.model.sheet("B")?.visibility).toBe("VeryHidden");
    const code = await codeOf(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("A").visibility = "Hidden";
        await ctx.sync();
      }),
    );
    expect(code).toBe("InvalidOperation");
  });

  it("gives null objects for missing items, and ItemNotFound from getItem", async () => {
    const excel = new FakeExcel();
    await excel.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("nope");
      const name = ctx.workbook.names.getItemOrNullObject("TZ_x");
      expect(codeOfSync(() => missing.isNullObject)).toBe("PropertyNotLoaded");
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(name.isNullObject).toBe(true);
    });
    const code = await codeOf(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("nope").load("name");
        await ctx.sync();
      }),
    );
    expect(code).toBe("ItemNotFound");
  });

  it("models tables: unique headers, at least one data row, rows added shift what is below", async () => {
    const excel = new FakeExcel();
    await excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A2:C2").values = [["编号", "编号", ""]];
      const top = sheet.tables.add("A2:C2", true);
      top.name = "Top";
      sheet.getRange("A5:B6").values = [
        ["h1", "h2"],
        ["x", "y"],
      ];
      sheet.tables.add("A5:B6", true).name = "Below";
      top.rows.add(undefined, [
        ["1", "2", "3"],
        ["4", "5", "6"],
      ]);
      const header = top.getHeaderRowRange().load("values");
      const body = top.getDataBodyRange().load("address");
      const below = ctx.workbook.tables.getItem("Below").getRange().load("address");
      await ctx.sync();
      expect(header.values).toEqual([["编号", "编号2", "Column3"]]);
      expect(body.address).toBe("Sheet1!A3:C5");
      expect(below.address).toBe("Sheet1!A7:B8");
    });
    expect(excel.values("Sheet1", "A4:C5")).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it("grows a table when a person pastes right below it", async () => {
    const excel = new FakeExcel();
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").tables.add("A1:B2", true).name = "T";
      await ctx.sync();
    });
    excel.user.setValues("Sheet1", "A3:B4", [
      ["x", "y"],
      ["z", "w"],
    ]);
    expect(excel.table("T")?.dataRows).toBe(3);
    excel.user.setValues("Sheet1", "A9", [["far"]]);
    expect(excel.table("T")?.dataRows).toBe(3);
  });

  it("gives one column of a range", async () => {
    const excel = new FakeExcel();
    await excel.run(async (ctx) => {
      const column = ctx.workbook.worksheets.getItem("Sheet1").getRange("B2:D5").getColumn(2).load("address");
      await ctx.sync();
      expect(column.address).toBe("Sheet1!D2:D5");
    });
  });

  it("finds a table by id after it was renamed", async () => {
    const excel = new FakeExcel();
    let id = "";
    await excel.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem("Sheet1").tables.add("A1:B2", true);
      t.name = "Ours";
      t.load("id");
      await ctx.sync();
      id = t.id;
    });
    excel.user.renameTable("Ours", "Theirs");
    await excel.run(async (ctx) => {
      const t = ctx.workbook.tables.getItem(id).load("name");
      await ctx.sync();
      expect(t.name).toBe("Theirs");
    });
  });

  it("adds named items that follow inserted rows", async () => {
    const excel = new FakeExcel();
    await excel.run(async (ctx) => {
      ctx.workbook.names.add("TZ_township", ctx.workbook.worksheets.getItem("Sheet1").getRange("B3"));
      await ctx.sync();
    });
    excel.user.insertRows("Sheet1", 1, 2);
    await excel.run(async (ctx) => {
      const range = ctx.workbook.names
        .getItemOrNullObject("TZ_township")
        .getRangeOrNullObject()
        .load("address");
      await ctx.sync();
      expect(range.address).toBe("Sheet1!B5");
    });
  });

  it("enforces Excel's limits on input messages", async () => {
    const excel = new FakeExcel();
    const code = await codeOf(
      excel.run(async (ctx) => {
        const dv = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation;
        dv.rule = { list: { inCellDropDown: true, source: "是,否" } };
        dv.prompt = { showPrompt: true, title: "标题", message: "长".repeat(256) };
        await ctx.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
  });

  it("refuses data validation below ExcelApi 1.8", async () => {
    const excel = new FakeExcel({ apiVersion: "1.7" });
    expect(excel.isSetSupported("ExcelApi", "1.8")).toBe(false);
    const code = await codeOf(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.rule = {
          list: { inCellDropDown: true, source: "a,b" },
        };
        await ctx.sync();
      }),
    );
    expect(code).toBe("ApiNotFound");
  });

  describe("onChanged", () => {
    async function listen(excel: FakeExcel): Promise<XlChangedArgs[]> {
      const seen: XlChangedArgs[] = [];
      await excel.run(async (ctx: XlContext) => {
        ctx.workbook.worksheets.getItem("Sheet1").onChanged.add(async (args) => {
          seen.push(args);
        });
        await ctx.sync();
      });
      return seen;
    }

    it("fires after the add-in's sync, marked as its own write", async () => {
      const excel = new FakeExcel();
      const seen = await listen(excel);
      await excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("B2").values = [["x"]];
        expect(seen).toHaveLength(0);
        await ctx.sync();
      });
      await excel.settle();
      expect(seen).toEqual([
        {
          type: "WorksheetChanged",
          address: "B2",
          changeType: "RangeEdited",
          source: "Local",
          worksheetId: excel.model.sheet("Sheet1")?.id,
          triggerSource: "ThisLocalAddin",
          details: { valueBefore: "", valueAfter: "x", valueTypeBefore: "Empty", valueTypeAfter: "String" },
        },
      ]);
    });

    it("gives a co-author's paste as one range with no details", async () => {
      const excel = new FakeExcel();
      const seen = await listen(excel);
      excel.user.setValues(
        "Sheet1",
        "A1:B2",
        [
          ["1", "2"],
          ["3", "4"],
        ],
        "Remote",
      );
      await excel.settle();
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({ address: "A1:B2", source: "Remote", triggerSource: "Unknown" });
      expect(seen[0]?.details).toBeUndefined();
    });

    it("leaves out details and triggerSource on ExcelApi 1.8", async () => {
      const excel = new FakeExcel({ apiVersion: "1.8" });
      const seen = await listen(excel);
      excel.user.setValues("Sheet1", "C3", [["x"]]);
      await excel.settle();
      expect(seen[0]).not.toHaveProperty("details");
      expect(seen[0]).not.toHaveProperty("triggerSource");
    });

    it("reports inserted rows as whole rows", async () => {
      const excel = new FakeExcel();
      const seen = await listen(excel);
      excel.user.insertRows("Sheet1", 4, 2);
      await excel.settle();
      expect(seen[0]).toMatchObject({ address: "4:5", changeType: "RowInserted" });
    });
  });
});
