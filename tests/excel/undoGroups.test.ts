import { exportGapSheet, installPack } from "../../src/excel";
import { FakeExcel } from "../../src/sim";
import { townshipPack } from "./helpers";

// "Use mergeUndoGroup to group multiple API calls into a single undoable action" (ExcelApi 1.20):
// https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-undo-capabilities
// What the user asked for (install, 导出) must come back with one Ctrl+Z where the host can group.
describe("explicit actions are one undo step", () => {
  const setup = (apiVersion: string, grouped: boolean) => {
    const excel = new FakeExcel({ apiVersion });
    const opts = {
      run: excel.run,
      isSetSupported: excel.isSetSupported,
      ...(grouped ? { runWith: excel.runWith } : {}),
    };
    return { excel, opts };
  };

  it("an install on ExcelApi 1.20 is one undo step, where ungrouped it would be two", async () => {
    const grouped = setup("1.20", true);
    await installPack(townshipPack(), grouped.opts);
    expect(grouped.excel.undoSteps).toBe(1);

    const ungrouped = setup("1.20", false);
    await installPack(townshipPack(), ungrouped.opts);
    expect(ungrouped.excel.undoSteps).toBe(2);
  });

  it("导出 on ExcelApi 1.20 is one undo step", async () => {
    const { excel, opts } = setup("1.20", true);
    await installPack(townshipPack(), opts);
    const before = excel.undoSteps;
    await exportGapSheet(null, opts);
    expect(excel.undoSteps - before).toBe(1);
  });

  it("asks for no grouping below ExcelApi 1.20, where Excel does not know the option", async () => {
    const { excel, opts } = setup("1.14", true);
    await installPack(townshipPack(), opts);
    expect(excel.undoSteps).toBe(2);
  });
});
