import { readFileSync } from "node:fs";
import { assess } from "../../src/core/assess";
import { formulasFor } from "../../src/xlsx";
import { exportGapSheet, installPack, readSnapshot } from "../../src/excel";
import { withFormulaEngine } from "../../src/preview/formulaValues";
import { openXlsxWorkbook } from "../../src/preview/xlsx";
import { FakeExcel } from "../../src/sim";
import { cli, tempDir } from "../cli/helpers";
import { syncsOf, townshipPack } from "./helpers";

// Issue 15 item 1 in the add-in: 导出 writes 差距清单's 分值 / 实得 / 失分 (F, G, H; 编号 in B) as
// formulas reading each item's 应得 / 实得 helpers. The workbook is one `taizhang init` made, opened
// in the preview (the simulator computes formulas with the JS engine), so a fix typed on the
// checklist shows on the gap row with no add-in run.
const GAPS = "差距清单";
const G21 = "二(一)依法决策";
const REF = /^='((?:[^']|'')+)'!\$([A-Z]+)\$(\d+)$/;

const tmp = tempDir();
afterAll(() => tmp.remove());
// The preview computes every formula of a read (helpers over 200 ledger rows): an 导出 takes a while.
jest.setTimeout(300_000);

async function exported() {
  const path = tmp.path(`init-${Math.random().toString(36).slice(2)}.xlsx`);
  const made = await cli([
    "init",
    "--pack",
    "township-2018",
    "--township",
    "兴仁镇",
    "--date",
    "2018-12-31",
    "-o",
    path,
  ]);
  expect(made.code).toBe(0);
  const { excel } = await openXlsxWorkbook(new Uint8Array(readFileSync(path)));
  const opts = { run: excel.run, runWith: excel.runWith, isSetSupported: excel.isSetSupported };
  const undoBefore = excel.undoSteps;
  const { syncs, value } = await syncsOf(excel, () => exportGapSheet(null, opts));
  return { excel, opts, outcome: value, syncs, undoSteps: excel.undoSteps - undoBefore };
}

/**
 * 差距清单 as shown (formulas computed) in one read, since each read computes the formulas again:
 * rows of the gap list proper by 编号 (down to its first blank row) and each row's F:H.
 */
function gapSheet(excel: FakeExcel) {
  const shown = excel.values(GAPS, "A1:N150");
  const rows = new Map<string, number>();
  for (let r = 2; r < shown.length && shown[r]?.[1] !== ""; r++) rows.set(String(shown[r]?.[1]), r + 1);
  const figures = (row: number) => shown[row - 1]?.slice(5, 8);
  return { rows, figures, shown };
}

/** A checklist row of 二(一) by its 编号 (column A, plain text: no formula computed). */
function checklistRow(excel: FakeExcel, itemId: string): number {
  const ids = excel.formulas(G21, "A1:A60").map((r) => r[0]);
  const row = ids.indexOf(itemId);
  if (row < 0) throw new Error(itemId);
  return row + 1;
}

describe("导出: 差距清单's points are formulas over the item's helpers (issue 15)", () => {
  // One exported workbook: the first test reads it, the second changes it.
  let shared: Awaited<ReturnType<typeof exported>>;
  beforeAll(async () => {
    shared = await exported();
  });

  it("reads the right item's 应得 / 实得, shows the core's figures, in one undo step", () => {
    const { excel, outcome, syncs, undoSteps } = shared;
    expect(syncs).toBeLessThanOrEqual(3);
    expect(undoSteps).toBe(1);
    const notCompiled = new Set(formulasFor(townshipPack()).score?.notCompiled.map((n) => n.itemId));
    const { rows, figures } = gapSheet(excel);
    const written = excel.formulas(GAPS, "A1:N150");
    const ids = new Map<string, unknown[]>();
    const idsOn = (sheet: string) => {
      const got = ids.get(sheet) ?? excel.formulas(sheet, "A1:A60").map((r) => r[0]);
      ids.set(sheet, got);
      return got;
    };
    expect([...rows.keys()]).toEqual(outcome.assessment.gaps.map((g) => g.itemId));
    let formulas = 0;
    for (const gap of outcome.assessment.gaps) {
      const row = rows.get(gap.itemId) ?? 0;
      const [points, earned, lost] = written[row - 1]?.slice(5, 8) ?? [];
      // The engine's value of each cell is the core's figure (and a number, not text).
      expect(figures(row)).toEqual([gap.points, gap.earned, gap.pointsLost]);
      if (notCompiled.has(gap.itemId)) {
        expect([points, earned, lost]).toEqual([gap.points, gap.earned, gap.pointsLost]);
        continue;
      }
      formulas++;
      const a = REF.exec(String(points));
      const e = REF.exec(String(earned));
      if (!a || !e) throw new Error(`${gap.itemId}: ${String(points)} ${String(earned)}`);
      // Both on the item's own row (its 编号 in A there), 应得 then 实得.
      expect(idsOn(a[1] ?? "")[Number(a[3]) - 1]).toBe(gap.itemId);
      expect(e[1]).toBe(a[1]);
      expect(e[3]).toBe(a[3]);
      expect(String(lost)).toContain(`${String(points).slice(1)}-${String(earned).slice(1)}`);
    }
    expect(formulas).toBe(rows.size - [...rows.keys()].filter((id) => notCompiled.has(id)).length);
    expect(formulas).toBeGreaterThan(20);
  });

  it("a fix typed on the checklist shows on the gap row at once; the next 导出 keeps typing, restores formulas", async () => {
    const { excel, opts } = shared;
    const { rows } = gapSheet(excel);
    const t214 = rows.get("T2.1.4") ?? 0;
    const t212 = rows.get("T2.1.2") ?? 0;
    const t213 = rows.get("T2.1.3") ?? 0;
    excel.user.setValues(G21, `E${checklistRow(excel, "T2.1.4")}`, [["部分完成"]]);
    excel.user.setValues(G21, `E${checklistRow(excel, "T2.1.2")}:G${checklistRow(excel, "T2.1.2")}`, [
      ["完成", "2018-05-01", "征求意见制度"],
    ]);
    const t213Row = checklistRow(excel, "T2.1.3");
    excel.user.setValues(G21, `E${t213Row}`, [["不适用"]]);
    excel.user.setValues(G21, `I${t213Row}`, [["本年度无重大决策事项"]]);
    // No add-in run: the gap rows follow. By hand: T2.1.4 (1.5) 部分完成 earns 0.75, loses 0.75;
    // T2.1.2 (3) done earns 3, loses 0; T2.1.3 不适用 leaves 应得: 0 / 0 / 0.
    const { figures } = gapSheet(excel);
    expect(figures(t214)).toEqual([1.5, 0.75, 0.75]);
    expect(figures(t212)).toEqual([3, 3, 0]);
    expect(figures(t213)).toEqual([0, 0, 0]);
    // … and agree with the core's reading of the changed workbook.
    const { snapshot, pack } = await readSnapshot(opts);
    const core = assess(pack, snapshot);
    for (const [itemId, row] of rows) {
      const item = core.items.find((i) => i.itemId === itemId);
      expect([itemId, ...(figures(row) ?? [])]).toEqual([
        itemId,
        item?.applicable ? item.points : 0,
        item?.earned,
        item?.lost,
      ]);
    }

    // A person types over T2.1.4's 实得 and fills its 责任人 (K): 导出 keeps the 责任人 and puts the
    // formula back (points are Taizhang's figures, one truth with 自评结果).
    excel.user.setValues(GAPS, `G${t214}`, [[1.5]]);
    excel.user.setValues(GAPS, `K${t214}`, [["王芳"]]);
    const again = await exportGapSheet(null, opts);
    const { rows: now, figures: after, shown: all } = gapSheet(excel);
    const row = now.get("T2.1.4") ?? 0;
    expect(all[row - 1]?.[10]).toBe("王芳");
    expect(String(excel.formulas(GAPS, `G${row}`)[0]?.[0])).toMatch(REF);
    expect(after(row)).toEqual([1.5, 0.75, 0.75]);
    expect(again.assessment.gaps.find((g) => g.itemId === "T2.1.4")?.earned).toBe(0.75);
    // T2.1.2 and T2.1.3 left the list: their 已整改 rows keep the item's 分值 (3 each), read back
    // from the formula cells; T2.1.3's showed 0 once 不适用, the item's 分值 is kept instead.
    expect(now.has("T2.1.2")).toBe(false);
    const resolved = all.slice(all.findIndex((r) => String(r[0]).startsWith("已整改")) + 2);
    const pointsOf = (itemId: string) => resolved.find((r) => r[1] === itemId)?.[5];
    expect([pointsOf("T2.1.2"), pointsOf("T2.1.3")]).toEqual([3, 3]);
  });

  it("a workbook whose rows hold no helpers (the add-in's own install) keeps numbers, never a 0 from an empty cell", async () => {
    const excel = withFormulaEngine(new FakeExcel({ apiVersion: "1.20" }));
    const opts = { run: excel.run, runWith: excel.runWith, isSetSupported: excel.isSetSupported };
    await installPack(townshipPack(), {
      ...opts,
      settings: { township: "兴仁镇", assessmentDate: "2018-12-31" },
    });
    const outcome = await exportGapSheet(null, opts);
    const { rows, figures } = gapSheet(excel);
    expect(rows.size).toBeGreaterThan(20);
    for (const gap of outcome.assessment.gaps) {
      const row = rows.get(gap.itemId) ?? 0;
      // What the sheet shows is the core's figure, formula or not.
      expect([gap.itemId, ...(figures(row) ?? [])]).toEqual([
        gap.itemId,
        gap.points,
        gap.earned,
        gap.pointsLost,
      ]);
    }
  });
});
