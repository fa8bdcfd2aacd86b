import { assess } from "../../src/core/assess";
import { consolidate, type Consolidation } from "../../src/core/consolidate";
import { findPack } from "../../src/core/pack/builtin";
import type { Pack } from "../../src/core/pack/schema";
import { installPack, SUMMARY_CHART, writeConsolidation } from "../../src/excel";
import { freeSheetName } from "../../src/core/layout";
import { sheetOfFormula } from "../../src/excel/consolidation";
import type { FakeExcel } from "../../src/sim";
import { buildSnapshot, type SnapshotSpec } from "../support/snapshot";
import { fakeExcel, townshipPack } from "./helpers";

const township = townshipPack();

function batch(count: number, pack: Pack = township): Consolidation {
  const items = pack.groups.flatMap((g) => g.items).filter((i) => i.kind === "status");
  return consolidate(
    Array.from({ length: count }, (_, n) => {
      // Township n has its first n status items done: scores differ, gaps overlap.
      const done = Object.fromEntries(
        items
          .slice(0, n * 2)
          .map((i) => [i.id, { status: "完成", doneDate: "2018-06-01", evidence: "纪要" }]),
      );
      const spec: SnapshotSpec = { township: `${"甲乙丙丁戊己庚辛壬癸"[n % 10]}镇${n}`, items: done };
      return { source: `t${n}.xlsx`, assessment: assess(pack, buildSnapshot(pack, spec)) };
    }),
  );
}

const sheetNames = (excel: FakeExcel) => excel.model.sheets.map((s) => s.name);
const value = (excel: FakeExcel, sheet: string, r: number, c: number) =>
  excel.model.sheet(sheet)?.value(r, c);
/** Column A of a sheet, from row 1, up to the last non-empty cell. */
function columnA(excel: FakeExcel, sheet: string): unknown[] {
  const s = excel.model.sheet(sheet);
  const out: unknown[] = [];
  for (let r = 0; r < 500; r++) out.push(s?.value(r, 0) ?? "");
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out;
}

describe("writeConsolidation", () => {
  it("writes 汇总 and 共性差距 into a workbook with no pack, in 2 round trips", async () => {
    const { excel, opts } = fakeExcel();
    const summary = batch(5);
    const result = await writeConsolidation(
      summary,
      [{ source: "坏.xlsx", reason: { key: "xlsx.error.corrupt" } }],
      opts,
    );
    expect(result).toMatchObject({ matrixSheet: "汇总", missedSheet: "共性差距", created: true, syncs: 2 });
    expect(excel.syncs).toBe(2);
    expect(sheetNames(excel)).toEqual(["Sheet1", "汇总", "共性差距", "乡镇详情"]);
    // Ranked: the township with most items done first.
    expect(value(excel, "汇总", 1, 0)).toBe("排名");
    expect(value(excel, "汇总", 2, 0)).toBe(1);
    expect(value(excel, "汇总", 2, 1)).toBe(summary.townships[0]?.township);
    expect(value(excel, "汇总", 2, 2)).toBe(summary.townships[0]?.score);
    // The skipped file is named with its reason, in the workbook's language, under the matrix.
    expect(columnA(excel, "汇总").some((v) => /坏\.xlsx.*损坏/.test(String(v)))).toBe(true);
    expect(value(excel, "共性差距", 2, 4)).toBe(summary.mostMissed[0]?.count);
    const chart = excel.model.sheet("汇总")?.charts.find((c) => c.name === SUMMARY_CHART);
    expect(chart).toMatchObject({ type: "BarClustered", title: "各乡镇总分" });
    expect(chart?.source).toEqual({ r0: 2, c0: 1, r1: 6, c1: 2 });
    expect(excel.model.sheet("汇总")?.frozenRows).toBe(2);
  });

  it("updates the sheets in place on a second run, in 3 round trips, with one chart", async () => {
    const { excel, opts } = fakeExcel();
    await writeConsolidation(batch(6), [], opts);
    const before = excel.syncs;
    const second = await writeConsolidation(batch(3), [], opts);
    expect(excel.syncs - before).toBe(3);
    expect(second).toMatchObject({ matrixSheet: "汇总", created: false, syncs: 3 });
    expect(sheetNames(excel)).toEqual(["Sheet1", "汇总", "共性差距", "乡镇详情"]);
    // Three townships now: nothing of the six-row run is left below them.
    expect(value(excel, "汇总", 4, 0)).toBe(3);
    expect(value(excel, "汇总", 5, 0)).toBe("");
    expect(excel.model.sheet("汇总")?.charts.filter((c) => c.name === SUMMARY_CHART)).toHaveLength(1);
    expect(excel.model.sheet("汇总")?.charts[0]?.source).toEqual({ r0: 2, c0: 1, r1: 4, c1: 2 });
  });

  it("leaves a user's own 汇总 sheet alone and uses a free name, found again after a rename", async () => {
    const { excel, opts } = fakeExcel({ sheets: ["汇总", "共性差距"] });
    excel.user.setValues("汇总", "A1", [["我自己的汇总"]]);
    const first = await writeConsolidation(batch(2), [], opts);
    expect(first).toMatchObject({ matrixSheet: "汇总 (2)", missedSheet: "共性差距 (2)" });
    expect(value(excel, "汇总", 0, 0)).toBe("我自己的汇总");

    const ours = excel.model.sheet("汇总 (2)");
    if (!ours) throw new Error("no sheet");
    excel.model.renameSheet(ours, "区汇总");
    const second = await writeConsolidation(batch(4), [], opts);
    expect(second).toMatchObject({ matrixSheet: "区汇总", created: false });
    expect(sheetNames(excel)).toEqual(["汇总", "共性差距", "区汇总", "共性差距 (2)", "乡镇详情"]);
    expect(value(excel, "汇总", 0, 0)).toBe("我自己的汇总");
    expect(value(excel, "区汇总", 5, 0)).toBe(4);
  });

  it("works beside an installed pack and does not disturb it", async () => {
    const { excel, opts } = fakeExcel();
    await installPack(township, { ...opts, settings: { township: "宣和镇", assessmentDate: "2018-12-31" } });
    const before = sheetNames(excel);
    await writeConsolidation(batch(3), [], opts);
    expect(sheetNames(excel)).toEqual([...before, "汇总", "共性差距", "乡镇详情"]);
    // The pack's own names are untouched and ours do not look like a pack input (TZ_).
    expect(excel.model.names.filter((n) => /^tz_/i.test(n.name)).length).toBeGreaterThan(0);
    expect(excel.model.names.filter((n) => /^Taizhang/.test(n.name)).map((n) => n.name)).toEqual([
      "TaizhangSummary",
      "TaizhangCommonGaps",
      "TaizhangTownshipDetail",
    ]);
  });

  it("names the vetoes and notes mixed pack versions", async () => {
    const modelUnit = findPack("model-unit") as Pack;
    const older = structuredClone(township) as Pack;
    older.version = "0.9.0";
    const vetoed = assess(
      modelUnit,
      buildSnapshot(modelUnit, { items: { "M9.1": { occurred: "是", eventDate: "2018-03-01" } } }),
    );
    const summary = consolidate([
      { source: "a.xlsx", assessment: assess(township, buildSnapshot(township, { township: "甲镇" })) },
      { source: "b.xlsx", assessment: assess(older, buildSnapshot(older, { township: "乙镇" })) },
      { source: "c.xlsx", assessment: vetoed },
    ]);
    const { excel, opts } = fakeExcel();
    await writeConsolidation(summary, [], opts);
    const sheet = excel.model.sheet("汇总");
    const cells: string[] = [];
    for (const cell of sheet?.cells.values() ?? []) cells.push(String(cell.value));
    expect(cells.some((c) => c.startsWith("M9.1 "))).toBe(true);
    expect(cells).toContain("不予认定");
    expect(cells.some((c) => /版本/.test(c) && c.includes("0.9.0"))).toBe(true);
  });

  it("splits a write larger than the request budget over more round trips, with the same result", async () => {
    const summary = batch(40);
    const whole = fakeExcel();
    await writeConsolidation(summary, [], whole.opts);
    const chunked = fakeExcel();
    const result = await writeConsolidation(summary, [], { ...chunked.opts, requestBudgetBytes: 2_000 });
    expect(result.syncs).toBeGreaterThan(2);
    for (const sheet of ["汇总", "共性差距", "乡镇详情"]) {
      const a = whole.excel.model.sheet(sheet);
      const b = chunked.excel.model.sheet(sheet);
      const rows = sheet === "乡镇详情" ? 1200 : 60;
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < 20; c++) {
          // Values, heat-map fills and links alike: links go with the last values, never before them.
          expect(b?.value(r, c)).toEqual(a?.value(r, c));
          expect(b?.cell(r, c)?.fill).toEqual(a?.cell(r, c)?.fill);
          expect(b?.cell(r, c)?.hyperlink).toEqual(a?.cell(r, c)?.hyperlink);
        }
    }
    expect(whole.excel.model.sheet("汇总")?.cell(2, 1)?.hyperlink?.documentReference).toBe("'乡镇详情'!A3");
  });
});

describe("finding our sheets again", () => {
  it.each([
    ["=汇总!$A$1", "汇总"],
    ["='汇总 (2)'!$A$1", "汇总 (2)"],
    ["='乡镇''s 汇总'!$A$1", "乡镇's 汇总"],
    ["=#REF!$A$1", "#REF"],
    ["=1+1", ""],
  ])("the sheet of the name formula %s is %p", (formula, sheet) => {
    expect(sheetOfFormula(formula)).toBe(sheet);
  });

  it.each([
    [[], "汇总"],
    [["汇总"], "汇总 (2)"],
    [["汇总", "汇总 (2)"], "汇总 (3)"],
  ])("with sheets %p taken, 汇总 goes to %p", (taken, name) => {
    expect(freeSheetName("汇总", new Set(taken))).toBe(name);
  });
});
