import {
  exportGapSheet,
  installPack,
  recheckAll,
  startLiveValidation,
  type CheckOutcome,
} from "../../src/excel";
import { FakeExcel } from "../../src/sim";
import { evaluateTestFormula } from "./formulaEval";
import { townshipPack } from "./helpers";

const G21 = "二(一)依法决策";
/** 校验 of the first rows of 二(一): a formula the workbook computes itself (hand-written here). */
const rowFormula = (row: number) => `=IF(LEN(TRIM(E${row}))=0,"","✓")`;

async function installed(options: { apiVersion?: string } = {}) {
  const excel = new FakeExcel({ apiVersion: options.apiVersion ?? "1.20", evaluate: evaluateTestFormula });
  const opts = { run: excel.run, runWith: excel.runWith, isSetSupported: excel.isSetSupported };
  await installPack(townshipPack(), {
    ...opts,
    settings: { township: "兴仁镇", assessmentDate: "2018-12-31" },
  });
  // J4 and J5 carry simple formulas (computed by the test evaluator); J6 on keep 校验 text, as an
  // older install left them.
  await excel.run(async (ctx) => {
    const sheet = ctx.workbook.worksheets.getItem(G21);
    const cells = sheet.getRange("J4:J5");
    // A formula in a text-formatted ("@") cell would stay text.
    cells.numberFormat = [["General"], ["General"]];
    cells.formulas = [[rowFormula(4)], [rowFormula(5)]];
    const rest = sheet.getRange("J6:J30");
    rest.values = Array.from({ length: 25 }, () => [""]);
    await ctx.sync();
  });
  return { excel, opts };
}

async function session(
  excel: FakeExcel,
  opts: { run: FakeExcel["run"]; isSetSupported: FakeExcel["isSetSupported"] },
) {
  const results: CheckOutcome[] = [];
  const live = await startLiveValidation(null, {
    ...opts,
    onResult: (r) => results.push(r),
    schedule: () => () => undefined,
  });
  await excel.settle();
  const step = async (fn: () => void) => {
    const syncs = excel.syncs;
    const writes = excel.writes;
    fn();
    await excel.settle();
    await live.flush();
    await excel.settle();
    return { syncs: excel.syncs - syncs, writes: excel.writes - writes };
  };
  return { live, results, step, last: () => results[results.length - 1] };
}

describe("no writes on edit; explicit checks never overwrite a formula", () => {
  it("starting live validation writes nothing", async () => {
    const { excel, opts } = await installed();
    const writes = excel.writes;
    await session(excel, opts);
    expect(excel.writes).toBe(writes);
  });

  it("a row whose 校验 is a formula updates by itself while the add-in writes nothing", async () => {
    const { excel, opts } = await installed();
    const s = await session(excel, opts);
    expect(excel.value(G21, "J4")).toBe("");
    const cost = await s.step(() => excel.user.setValues(G21, "E4", [["完成"]]));
    expect(cost).toEqual({ syncs: 1, writes: 0 });
    expect(excel.value(G21, "J4")).toBe("✓");
    expect(excel.formulas(G21, "J4")).toEqual([[rowFormula(4)]]);
    // The pane has the core's verdict (完成 without evidence).
    expect(
      s.last()?.assessment.findings.some((f) => f.sheet === G21 && f.row === 4 && f.severity === "error"),
    ).toBe(true);
  });

  // A value picked from a list validation's dropdown fires no onChanged on some hosts:
  // https://github.com/OfficeDev/office-js/issues/420, https://github.com/OfficeDev/office-js/issues/3888,
  // https://github.com/OfficeDev/office-js/issues/4066. Worksheet.onSelectionChanged (ExcelApi 1.7):
  // https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheet#excel-excel-worksheet-onselectionchanged-member
  it("catches a dropdown pick when the person selects the next cell: 1 sync, 0 writes", async () => {
    const { excel, opts } = await installed();
    const s = await session(excel, opts);
    await s.step(() => excel.user.select(G21, "E6"));
    const before = s.results.length;
    const picked = await s.step(() => excel.user.pickFromList(G21, "E6", "完成"));
    expect(picked).toEqual({ syncs: 0, writes: 0 });
    expect(s.results.length).toBe(before);
    const moved = await s.step(() => excel.user.select(G21, "E7"));
    expect(moved).toEqual({ syncs: 1, writes: 0 });
    expect(
      s.last()?.assessment.findings.some((f) => f.sheet === G21 && f.row === 6 && f.severity === "error"),
    ).toBe(true);
  });

  it("does not read a cell again when the host reported its edit", async () => {
    const { excel, opts } = await installed();
    const s = await session(excel, opts);
    await s.step(() => excel.user.select(G21, "E6"));
    const typed = await s.step(() => excel.user.setValues(G21, "E6", [["完成"]]));
    expect(typed).toEqual({ syncs: 1, writes: 0 });
    expect(await s.step(() => excel.user.select(G21, "E7"))).toEqual({ syncs: 0, writes: 0 });
  });

  it("全部重新校验 writes 校验 text only to rows without a formula, as one undo step", async () => {
    const { excel, opts } = await installed();
    const s = await session(excel, opts);
    await s.step(() => excel.user.setValues(G21, "E4:E6", [["完成"], ["完成"], ["完成"]]));
    const undo = excel.undoSteps;
    const syncs = excel.syncs;
    await s.live.recheck();
    expect(excel.syncs - syncs).toBeLessThanOrEqual(2);
    expect(excel.undoSteps - undo).toBe(1);
    expect(excel.formulas(G21, "J4:J5")).toEqual([[rowFormula(4)], [rowFormula(5)]]);
    // Row 6 has no formula: the check's text goes there.
    expect(String(excel.value(G21, "J6")).startsWith("✗")).toBe(true);
  });

  it("导出 and 全部重新校验 without a session keep formulas too", async () => {
    const { excel, opts } = await installed();
    excel.user.setValues(G21, "E4:E6", [["完成"], ["完成"], ["完成"]]);
    await recheckAll(null, opts);
    await exportGapSheet(null, opts);
    expect(excel.formulas(G21, "J4:J5")).toEqual([[rowFormula(4)], [rowFormula(5)]]);
    expect(String(excel.value(G21, "J6")).startsWith("✗")).toBe(true);
  });
});
