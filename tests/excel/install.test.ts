import { SHEETS } from "../../src/core/layout";
import { BUILTIN_PACKS } from "../../src/core/pack/builtin";
import { installPack } from "../../src/excel";
import { fakeExcel, syncsOf, townshipPack } from "./helpers";

const G21 = "二(一)依法决策";
const DECISIONS = "重大行政决策台账";

async function installed() {
  const { excel, opts } = fakeExcel();
  const pack = townshipPack();
  const progress: string[] = [];
  const { value: summary, syncs } = await syncsOf(excel, () =>
    installPack(pack, {
      ...opts,
      settings: { township: "兴仁镇", assessmentDate: "2018-12-31" },
      onProgress: (p) => progress.push(p.stepKey),
    }),
  );
  return { excel, pack, summary, syncs, progress };
}

describe("installing a pack", () => {
  it.each(BUILTIN_PACKS.map((p) => [p.id, p] as const))(
    "installs %s in at most 3 syncs, and again in at most 3",
    async (_id, pack) => {
      const { excel, opts } = fakeExcel();
      const first = await syncsOf(excel, () => installPack(pack, opts));
      const again = await syncsOf(excel, () => installPack(pack, opts));
      expect(first.syncs).toBeLessThanOrEqual(3);
      expect(again.syncs).toBeLessThanOrEqual(3);
      expect(again.value.kept).toBe(pack.groups.flatMap((g) => g.items).length);
    },
  );

  it("builds the whole workbook in at most 3 syncs", async () => {
    const { excel, pack, summary, syncs, progress } = await installed();
    expect(syncs).toBeLessThanOrEqual(3);
    expect(summary.syncs).toBe(syncs);
    expect(summary).toMatchObject({ upgradedFrom: null, kept: 0, retired: 0, renamedSheets: [] });
    expect(summary.added).toBe(pack.groups.flatMap((g) => g.items).length);
    const names = excel.model.sheets.map((s) => s.name);
    expect(names.slice(0, 4)).toEqual(["Sheet1", SHEETS.meta, "基本信息", "自评结果"]);
    for (const g of pack.groups) expect(names).toContain(g.sheet);
    for (const l of pack.ledgers) expect(names).toContain(l.sheet);
    expect(excel.model.sheet(SHEETS.meta)?.visibility).toBe("VeryHidden");
    expect(progress[progress.length - 1]).toBe("excel.step.done");
  });

  it("writes a checklist table with its items, a title and frozen headers", async () => {
    const { excel } = await installed();
    expect(excel.value(G21, "A1")).toBe("健全依法决策机制");
    expect(excel.values(G21, "A2:J2")[0]).toEqual([
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
    ]);
    expect(excel.values(G21, "A3:D3")[0]).toEqual(["T2.1.1", expect.any(String), "二(一)1", 5]);
    expect(excel.model.sheet(G21)?.frozenRows).toBe(2);
    expect(excel.table("TZ_checklist_G2_1")?.dataRows).toBe(7);
  });

  it("formats dates as yyyy-mm-dd, ratios as 0% and keeps text as text", async () => {
    const { excel } = await installed();
    expect(excel.cell(G21, "F3")?.numberFormat).toBe("yyyy-mm-dd");
    expect(excel.cell(G21, "G3")?.numberFormat).toBe("@");
    expect(excel.cell("基本信息", "B4")?.numberFormat).toBe("yyyy-mm-dd");
    expect(excel.value("基本信息", "B4")).toBe(43465);
  });

  it("adds dropdowns, date checks and Chinese input prompts", async () => {
    const { excel } = await installed();
    const status = excel.cell(G21, "E4")?.validation;
    expect(status?.rule.list?.source).toBe("完成,部分完成,未开始,不适用");
    expect(status?.prompt?.title).toBe("T2.1.2");
    expect(status?.prompt?.message).toContain("二(一)2");
    expect(status?.errorAlert?.message).toContain("只能填写");
    expect(excel.cell(G21, "F3")?.validation?.rule.date).toBeDefined();
    expect(excel.cell(G21, "F3")?.validation?.errorAlert?.message).toContain("2018-04-03");
    expect(excel.cell(DECISIONS, "B3")?.validation?.rule.list?.source).toBe("是,否");
  });

  it("colours failing rows, and the 校验 cell only for problems (✗ / !), from the 校验 column", async () => {
    const { excel } = await installed();
    const formats = excel.model.sheet(G21)?.conditionalFormats ?? [];
    // The whole row, 评分标准 (K) included, from the 校验 column (J).
    const rows = formats.filter((f) => f.box.c0 === 0 && f.box.c1 === 10);
    expect(rows.map((f) => f.formula).sort()).toEqual(['=LEFT($J3,1)="!"', '=LEFT($J3,1)="✗"']);
    expect(rows[0]?.box).toEqual({ r0: 2, c0: 0, r1: 8, c1: 10 });
    const checkCell = formats.filter((f) => f.box.c0 === 9 && f.box.c1 === 9).map((f) => f.formula);
    expect(checkCell.sort()).toEqual(['=LEFT($J3,1)="!"', '=LEFT($J3,1)="✗"']);
    expect(formats.some((f) => f.formula.includes("✓"))).toBe(false);
  });

  it("names the inputs on 基本信息 and writes the settings", async () => {
    const { excel, pack } = await installed();
    for (const id of ["township", "assessmentDate", ...pack.inputs.map((i) => i.id)]) {
      expect(excel.model.name(`TZ_${id}`)?.sheet.name).toBe("基本信息");
    }
    expect(excel.value("基本信息", "B3")).toBe("兴仁镇");
  });

  it("writes the result sheet with a chart of group scores, and the gap list", async () => {
    const { excel, summary } = await installed();
    expect(excel.value("自评结果", "A6")).toBe("总分(折算)");
    // The 折算 score is the workbook's own formula (every item compiles); the simulator does not evaluate it.
    expect(String(excel.formulas("自评结果", "B6")[0]?.[0] ?? "")).toMatch(/^=/);
    expect(excel.model.sheet("自评结果")?.charts).toEqual([
      expect.objectContaining({
        name: "TZ_scores",
        title: "各项得分率",
        source: { r0: 13, c0: 0, r1: 19, c1: 1 },
      }),
    ]);
    expect(excel.values("差距清单", "A2:B2")[0]).toEqual(["序号", "编号"]);
    expect(excel.values("差距清单", "B3:B40").flat().filter(Boolean).length).toBe(
      summary.assessment.gaps.length,
    );
  });
});
