import type { Assessment, Gap, GroupResult } from "../../../src/core/assessment";
import { consolidate } from "../../../src/core/consolidate";
import { assessmentOf, gapOf, groupResult, itemResult } from "../../support/assessmentParts";
import {
  summarySheetModels,
  type SummarySheetOptions,
  type SummaryTexts,
} from "../../../src/core/layout/summarySheets";

const text = (zh: string, en = zh) => ({ zh, en });
const texts: SummaryTexts = {
  lang: "zh",
  label: (key, params) => (params && Object.keys(params).length ? `${key}${JSON.stringify(params)}` : key),
  note: (n) => `note:${n.code}`,
};

function gap(itemId: string): Gap {
  return gapOf(itemId, 5);
}

const group = (groupId: string, score: number | null): GroupResult =>
  groupResult(groupId, { points: 10, score }, text(`组${groupId}`, `Group ${groupId}`));

function township(
  name: string,
  score: number,
  gaps: string[],
  extra: Partial<Assessment> = {},
): { source: string; assessment: Assessment } {
  return {
    source: `${name}.xlsx`,
    assessment: assessmentOf(score, {
      township: name,
      items: ["1", "2", "3"].map((itemId) => itemResult(itemId, 1, gaps.includes(itemId) ? 0 : 1)),
      groups: [group("G1", score), group("G2", null)],
      gaps: gaps.map(gap),
      ...extra,
    }),
  };
}

const veto = {
  itemId: "M9.1",
  title: text("重大违法案件", "Major illegal case"),
  date: "2018-03-01",
  sheet: "一票否决",
  row: 3,
};

describe("summarySheetModels", () => {
  const summary = consolidate([
    township("甲镇", 90, ["1"]),
    township("乙镇", 70, ["1", "2"]),
    township("丙镇", 95, [], { eligible: false, vetoes: [veto] }),
  ]);
  const models = summarySheetModels(summary, [{ source: "坏.xlsx", reason: "损坏" }], texts);

  it.each([
    // [row (1-based), column (0-based), expected]
    [2, 0, "col.rank"],
    [2, 5, "组G1"],
    [3, 0, 1],
    [3, 1, "甲镇"],
    [3, 2, 90],
    [3, 4, "eligible.yes"],
    [4, 1, "乙镇"],
    [5, 1, "丙镇"],
    [5, 4, "eligible.no"],
    [5, 9, "M9.1 重大违法案件 2018-03-01"],
    [3, 10, "township-2018@1.0.0"],
    [3, 11, "甲镇.xlsx"],
  ])("matrix row %i column %i is %p", (row, column, expected) => {
    expect(models.matrix.rows[row - 1]?.[column]).toEqual(expected);
  });

  it("keeps only groups that score somewhere and gives every row the same width", () => {
    expect(models.matrix.rows[1]).toHaveLength(models.matrix.widths.length);
    expect(models.matrix.rows.every((r) => r.length === models.matrix.widths.length)).toBe(true);
    expect(models.matrix.rows[1]).not.toContain("组G2");
  });

  it("colours the score and group columns 0/60/100 and charts the scores by township", () => {
    expect(models.matrix.colorScale?.stops.map((s) => s.value)).toEqual([0, 60, 100]);
    expect(models.matrix.colorScale?.blocks).toEqual([
      { firstRow: 3, lastRow: 5, firstColumn: 2, lastColumn: 2 },
      { firstRow: 3, lastRow: 5, firstColumn: 5, lastColumn: 5 },
    ]);
    expect(models.matrix.chart).toMatchObject({ firstRow: 3, lastRow: 5, categoryColumn: 1, valueColumn: 2 });
  });

  it.each([
    [3, [1, "1", "二(一)1", "要求1", 2, 2 / 3, 10, "甲镇、乙镇"]],
    [4, [2, "2", "二(一)2", "要求2", 1, 1 / 3, 5, "乙镇"]],
  ])("most missed row %i", (row, expected) => {
    const cells = models.missed.rows[row - 1] ?? [];
    expect(cells).toEqual(expected);
  });

  it.each<[SummarySheetOptions, boolean, string]>([
    [{}, false, "notes sheet only"],
    [{ notesOnMatrix: true }, true, "notes under the matrix too"],
  ])("notes: %p → on the matrix %p (%s)", (options, onMatrix) => {
    const m = summarySheetModels(summary, [{ source: "坏.xlsx", reason: "损坏" }], texts, options);
    const flat = (rows: unknown[][]) => rows.flat().map(String);
    expect(flat(m.notes.rows).some((c) => c.includes("坏.xlsx"))).toBe(true);
    expect(flat(m.matrix.rows).some((c) => c.includes("坏.xlsx"))).toBe(onMatrix);
  });

  it("words an empty batch without a scale or a chart", () => {
    const empty = summarySheetModels(consolidate([]), [], texts, { sheetNames: { matrix: "汇总" } });
    expect(empty.matrix.sheet).toBe("汇总");
    expect(empty.matrix.colorScale).toBeNull();
    expect(empty.matrix.chart).toBeNull();
    expect(empty.missed.rows[2]).toContain("noMissed");
    expect(empty.notes.rows[1]).toEqual(["noNotes"]);
  });

  it("picks English pack texts for lang en", () => {
    const en = summarySheetModels(summary, [], { ...texts, lang: "en" });
    expect(en.matrix.rows[1]?.[5]).toBe("Group G1");
    expect(en.missed.rows[2]?.[3]).toBe("Req 1");
  });
});
