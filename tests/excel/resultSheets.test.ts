import type { Assessment } from "../../src/core/assessment";
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

const assessment: Assessment = {
  packId: "township-2018",
  packVersion: "1.0.0",
  township: "兴仁镇",
  assessmentDate: "2018-12-31",
  findings: [],
  items: [
    {
      itemId: "T2.1.1",
      groupId: "G2.1",
      kind: "status",
      weight: 2,
      applicable: true,
      score: 0,
      reason: { code: "status.invalid", params: {} },
      findings: [{ code: "evidence.missing", severity: "error", sheet: "组织领导", row: 3, params: {} }],
    },
  ],
  groups: [
    {
      groupId: "G2.1",
      title: { zh: "组织领导", en: "Leadership" },
      weight: 1,
      score: 50,
      earned: 1,
      possible: 2,
    },
    { groupId: "G9", title: { zh: "一票否决", en: "Veto" }, weight: 0, score: null, earned: 0, possible: 0 },
  ],
  score: 50,
  band: { id: "fail", label: { zh: "不合格", en: "Fail" } },
  eligible: false,
  vetoes: [{ itemId: "M9.1", title: { zh: "x", en: "x" }, date: "2018-05-01", sheet: "一票否决", row: 3 }],
  gaps: [
    {
      itemId: "T2.1.1",
      groupId: "G2.1",
      clause: "二(一)1",
      title: { zh: "成立领导小组", en: "Set up a group" },
      pointsLost: 12.345,
      findingCodes: ["evidence.missing"],
      reason: { code: "status.invalid", params: {} },
      due: "2018-06-30",
      overdue: true,
    },
  ],
};

describe("result sheet models", () => {
  it("puts score, band and eligibility where a reader looks, and the group table below", () => {
    const model = resultsSheetModel(assessment, layout);
    const cell = (row: number, col: number) => model.rows[row - 1]?.[col];
    expect(cell(6, 0)).toBe("总分");
    expect(cell(6, 1)).toBe(50);
    expect(cell(7, 1)).toBe("不合格");
    expect(cell(8, 1)).toBe("不予认定(一票否决)");
    expect(cell(9, 1)).toBe("M9.1 2018-05-01");
    expect(cell(RESULTS_GROUP_HEADER_ROW, 0)).toBe("措施");
    expect(cell(RESULTS_GROUP_HEADER_ROW + 1, 0)).toBe("组织领导");
    expect(cell(RESULTS_GROUP_HEADER_ROW + 1, 1)).toBe(50);
    expect(cell(RESULTS_GROUP_HEADER_ROW + 2, 1)).toBeNull();
    expect(model.chart).toMatchObject({ firstRow: 11, lastRow: 12, categoryColumn: 0, valueColumn: 1 });
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
      12.3,
      "R:status.invalid\nF:evidence.missing",
      null,
      "2018-06-30",
      "是",
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
