import { inspectWorkbook, readSnapshot, recheckAll } from "../../src/excel";
import { assessWorkbookBytes } from "../../src/xlsx";
import { openXlsxWorkbook } from "../../src/preview/xlsx";
import { filledBytes } from "./workbooks";

// Whole township workbooks through ExcelJS several times: seconds each on a busy 2-core machine.
jest.setTimeout(60_000);

describe("opening a workbook made by taizhang init and filled in elsewhere", () => {
  it("gives Taizhang's adapter the same assessment as the CLI's reader", async () => {
    const bytes = await filledBytes();
    const expected = await assessWorkbookBytes(bytes);
    const { excel } = await openXlsxWorkbook(bytes);
    const options = { run: excel.run, isSetSupported: excel.isSetSupported };
    await expect(inspectWorkbook(options)).resolves.toEqual({
      packId: "township-2018",
      packVersion: expected.meta.packVersion,
      township: "宣和镇",
      assessmentDate: "2018-12-31",
      // The add-in knows the formulas `taizhang init` wrote for its own: it may write beside them.
      formulasCurrent: true,
    });
    const read = await readSnapshot(options);
    expect(Object.keys(read.snapshot.tables).sort()).toEqual(Object.keys(expected.snapshot.tables).sort());
    const outcome = await recheckAll(null, options);
    expect(outcome.assessment).toEqual(expected.assessment);
  });
});
