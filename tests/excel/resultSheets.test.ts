import type { Assessment } from "../../src/core/assessment";
import { assessmentOf, gapOf, groupResult, itemResult } from "../support/assessmentParts";
import {
  checkCellText,
  gapsSheetModel,
  GAPS_HEADER_ROW,
  RESULTS_GROUP_HEADER_ROW,
  resultsSheetModel,
  type WorkbookLayout,
} from "../../src/core/layout";

const layout = {
  results: { sheet: "自评结果" },
  gaps: { sheet: "差距清单" },
} as WorkbookLayout;

const assessment: Assessment = assessmentOf(50, {
  township: "兴仁镇",
  items: [
    itemResult("T2.1.1", 2, 0, {
      groupId: "G2.1",
      reason: { code: "status.invalid", params: {} },
      findings: [{ code: "evidence.missing", severity: "error", sheet: "组织领导", row: 3, params: {} }],
    }),
  ],
  groups: [
    groupResult("G2.1", { points: 4, applicable: 2, earned: 1 }, { zh: "组织领导", en: "Leadership" }),
    groupResult("G9", {}, { zh: "一票否决", en: "Veto" }),
  ],
  total: { points: 4, applicable: 2, earned: 1 },
  scaled: true,
  band: { id: "fail", label: { zh: "不合格", en: "Fail" } },
  hasVeto: true,
  eligible: false,
  vetoes: [{ itemId: "M9.1", title: { zh: "x", en: "x" }, date: "2018-05-01", sheet: "一票否决", row: 3 }],
  gaps: [
    gapOf("T2.1.1", 2, {
      groupId: "G2.1",
      clause: "二(一)1",
      title: { zh: "成立领导小组", en: "Set up a group" },
      points: 2,
      criteria: { zh: "成立得2分", en: "2 when set up" },
      findingCodes: ["evidence.missing"],
      reason: { code: "status.invalid", params: {} },
      due: "2018-06-30",
      overdue: true,
    }),
  ],
});

describe("result sheet models", () => {
  it("puts score, band and eligibility where a reader looks, and the group table below", () => {
    const model = resultsSheetModel(assessment, layout);
    const cell = (row: number, col: number) => model.rows[row - 1]?.[col];
    expect(cell(6, 0)).toBe("总分(折算)");
    expect(cell(6, 1)).toBe(50);
    expect(cell(7, 1)).toBe("不合格");
    expect([cell(8, 1), cell(8, 2), cell(8, 3)]).toEqual([2, 1, 4]);
    expect(cell(9, 1)).toMatch(/实得 ÷ 应得/);
    expect(cell(10, 1)).toBe(2018);
    expect(cell(11, 1)).toBe("存在否决情形(不予认定): M9.1 2018-05-01");
    expect(cell(12, 1)).toBe("不予认定");
    expect(cell(RESULTS_GROUP_HEADER_ROW, 0)).toBe("措施");
    // 措施 · 得分率 · 分值 · 应得 · 实得 · 失分; the veto group has no points and is left out.
    expect(model.rows[RESULTS_GROUP_HEADER_ROW]).toEqual(["组织领导", 50, 4, 2, 1, 1]);
    expect(model.rows[RESULTS_GROUP_HEADER_ROW + 1]).toEqual(["合计", 50, 4, 2, 1, 1]);
    expect(model.chart).toMatchObject({ firstRow: 14, lastRow: 14, categoryColumn: 0, valueColumn: 1 });
    expect(model.rows.every((r) => r.length === model.widths.length)).toBe(true);
  });

  it("lists each gap with its clause, points lost and the problems in words", () => {
    const model = gapsSheetModel(assessment, layout, {
      texts: { finding: (f) => `F:${f.code}`, reason: (r) => `R:${r.code}` },
    });
    const row = model.rows[GAPS_HEADER_ROW];
    expect(row).toEqual([
      1,
      "T2.1.1",
      "成立领导小组",
      "二(一)1",
      "组织领导",
      2,
      0,
      2,
      "R:status.invalid\nF:evidence.missing",
      "成立得2分",
      null,
      "2018-06-30",
      "是",
      null,
    ]);
  });

  it("says so when there are no gaps, in English when asked", () => {
    const model = gapsSheetModel({ ...assessment, gaps: [] }, layout, { lang: "en" });
    expect(model.rows[GAPS_HEADER_ROW]?.[2]).toBe("No gaps");
    expect(model.rows[1]?.[0]).toBe("No.");
  });

  it.each([
    [[], "✓"],
    [[{ code: "a", severity: "warning" }], "! a"],
    [
      [
        { code: "a", severity: "warning" },
        { code: "b", severity: "error" },
      ],
      "✗ a;b",
    ],
  ] as const)("marks the check cell %#", (findings, text) => {
    const full = findings.map((f) => ({ ...f, sheet: "s", params: {} }));
    expect(checkCellText(full, (f) => f.code)).toBe(text);
  });
});
