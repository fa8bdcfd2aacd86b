import { runSelfTest, SELF_TEST_STEPS, type SelfTestStep } from "../../src/excel/selfTest";
import { FAKE_ERROR_CODES, FakeExcel } from "../../src/sim";
import { evaluateTestFormula } from "./formulaEval";
import { testFormulas } from "./formulaSource";
import { townshipPack } from "./helpers";

/** The self-test page's runner on the simulator: what a person with real Excel will see pass. */

function setup(options: { apiVersion?: string } = {}) {
  const excel = new FakeExcel({ apiVersion: options.apiVersion ?? "1.14" });
  const asked: string[] = [];
  return { excel, asked };
}

// A whole install, upgrade and removal of the township pack on the simulator.
jest.setTimeout(60_000);

const statuses = (steps: readonly SelfTestStep[]) => Object.fromEntries(steps.map((s) => [s.id, s.status]));

describe("self-test against the simulator", () => {
  it("passes every step in a blank workbook and leaves it as it found it", async () => {
    const { excel, asked } = setup();
    const steps = await runSelfTest({
      pack: townshipPack(),
      run: excel.run,
      isSetSupported: excel.isSetSupported,
      ask: (request) => {
        asked.push(`${request.sheet}!${request.address}`);
        // The person types the value, as the page asks.
        excel.user.setValues(request.sheet, request.address, [[request.value]]);
      },
    });
    expect(steps.map((s) => s.id)).toEqual([...SELF_TEST_STEPS]);
    expect(steps.filter((s) => s.status !== "pass")).toEqual([]);
    expect(asked).toEqual(["基本信息!B3"]);
    expect(steps.find((s) => s.id === "host")?.detail).toEqual({
      key: "selftest.detail.api",
      params: { version: "1.14" },
    });
    // Nothing the test added is left: one sheet, no tables, no names.
    expect(excel.model.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(excel.model.tables).toEqual([]);
    expect(excel.model.names).toEqual([]);
  });

  it("checks on the live host that an edit writes nothing and that 校验 formulas survive an upgrade", async () => {
    const excel = new FakeExcel({ apiVersion: "1.14", evaluate: evaluateTestFormula });
    const steps = await runSelfTest({
      pack: townshipPack(),
      run: excel.run,
      isSetSupported: excel.isSetSupported,
      formulas: testFormulas,
      ask: (request) => excel.user.setValues(request.sheet, request.address, [[request.value]]),
    });
    expect(steps.filter((s) => s.status !== "pass")).toEqual([]);
    expect(steps.find((s) => s.id === "userEdit")?.detail).toEqual({
      key: "selftest.detail.edited",
      params: { syncs: 1 },
    });
    const upgrade = steps.find((s) => s.id === "upgrade")?.detail;
    expect(upgrade?.key).toBe("selftest.detail.keptFormulas");
    expect(upgrade?.params.formulas).toBeGreaterThan(10);
  });

  it("fails the upgrade step when the upgrade loses a 校验 formula", async () => {
    const excel = new FakeExcel({ apiVersion: "1.14" });
    let installs = 0;
    const steps = await runSelfTest({
      pack: townshipPack(),
      run: excel.run,
      isSetSupported: excel.isSetSupported,
      // The first install writes formulas, the upgrade none: its 校验 text replaces them.
      formulas: (pack, layout) =>
        installs++ === 0 ? testFormulas(pack, layout) : { tables: new Map(), cells: [], without: [] },
      ask: (request) => excel.user.setValues(request.sheet, request.address, [[request.value]]),
    });
    const upgrade = steps.find((s) => s.id === "upgrade");
    expect(upgrade?.status).toBe("fail");
    expect(upgrade?.detail?.key).toBe("selftest.detail.formulaLost");
    expect(steps.find((s) => s.id === "remove")?.status).toBe("pass");
  });

  it("refuses a workbook with the user's data and changes none of it", async () => {
    const { excel } = setup();
    excel.user.setValues("Sheet1", "A1", [["我的数据"]]);
    const steps = await runSelfTest({
      pack: townshipPack(),
      run: excel.run,
      isSetSupported: excel.isSetSupported,
      ask: () => undefined,
    });
    expect(statuses(steps)).toEqual({
      host: "pass",
      blank: "fail",
      install: "skip",
      cellTypes: "skip",
      readBack: "skip",
      userEdit: "skip",
      upgrade: "skip",
      remove: "pass",
    });
    expect(steps.find((s) => s.id === "blank")?.detail?.key).toBe("selftest.detail.notBlank");
    expect(excel.value("Sheet1", "A1")).toBe("我的数据");
    expect(excel.model.sheets).toHaveLength(1);
  });

  it("reports a host that sends no change event for a typed entry, and still cleans up", async () => {
    const { excel } = setup();
    const steps = await runSelfTest({
      pack: townshipPack(),
      run: excel.run,
      isSetSupported: excel.isSetSupported,
      ask: () => undefined, // nobody types: as when Excel fires no onChanged for the entry
      editTimeoutMs: 1500,
    });
    const edit = steps.find((s) => s.id === "userEdit");
    expect(edit?.status).toBe("fail");
    expect(edit?.detail).toEqual({ key: "selftest.detail.noEvent", params: { seconds: 2 } });
    expect(steps.find((s) => s.id === "remove")?.status).toBe("pass");
    expect(excel.model.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  it("stops at once on an Excel older than the minimum API", async () => {
    const { excel } = setup({ apiVersion: "1.7" });
    const steps = await runSelfTest({
      pack: townshipPack(),
      run: excel.run,
      isSetSupported: excel.isSetSupported,
      ask: () => undefined,
    });
    expect(steps[0]).toMatchObject({
      id: "host",
      status: "fail",
      detail: { key: "selftest.detail.apiTooOld", params: { version: "1.7", minimum: "1.8" } },
    });
    expect(steps.slice(1).map((s) => s.status)).toEqual([
      "skip",
      "skip",
      "skip",
      "skip",
      "skip",
      "skip",
      "pass",
    ]);
  });
});

describe("simulator: deleting sheets as Excel does", () => {
  // https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member(1)
  // "if the worksheet's visibility is set to "VeryHidden", the delete operation will fail with an
  // InvalidOperation exception. You should first change its visibility to hidden or visible".
  it("refuses to delete a VeryHidden sheet until it is made Hidden", async () => {
    const excel = new FakeExcel({ sheets: ["Sheet1", "meta"] });
    excel.model.requireSheet("meta").visibility = "VeryHidden";
    await expect(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("meta").delete();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: FAKE_ERROR_CODES.invalidOperation });
    await excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("meta");
      sheet.visibility = "Hidden";
      sheet.delete();
      await ctx.sync();
    });
    expect(excel.model.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  it("keeps a name whose sheet was deleted, showing =#REF!", async () => {
    const excel = new FakeExcel({ sheets: ["Sheet1", "基本信息"] });
    await excel.run(async (ctx) => {
      ctx.workbook.names.add("TZ_township", "=基本信息!B3");
      ctx.workbook.worksheets.getItem("基本信息").delete();
      await ctx.sync();
    });
    const formula = await excel.run(async (ctx) => {
      const item = ctx.workbook.names.getItemOrNullObject("TZ_township").load("formula");
      const range = item.getRangeOrNullObject().load("address");
      await ctx.sync();
      return { formula: (item as unknown as { formula: string }).formula, gone: range.isNullObject };
    });
    expect(formula).toEqual({ formula: "=#REF!", gone: true });
  });
});
