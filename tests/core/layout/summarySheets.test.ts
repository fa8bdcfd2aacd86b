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
  reason: (r) => `reason:${r.code}`,
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

  it("fills the score and group cells by band (≥90 green, ≥60 yellow) and charts the scores by township", () => {
    // Ranked 甲镇 90, 乙镇 70, 丙镇 95 (ineligible); each one's G1 score equals its total.
    expect(models.matrix.fills).toEqual([
      { row: 3, column: 2, color: "#63BE7B" },
      { row: 3, column: 5, color: "#63BE7B" },
      { row: 4, column: 2, color: "#FFEB84" },
      { row: 4, column: 5, color: "#FFEB84" },
      { row: 5, column: 2, color: "#63BE7B" },
      { row: 5, column: 5, color: "#63BE7B" },
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

  it("links each township's name to its block on the detail sheet, and each block back", () => {
    // Detail rows: 1 title, 2 blank, 3 甲镇 (4 line, 5 group head, 6-7 G1/G2, 8 gap head, 9 gap,
    // 10 blank), 11 乙镇 (12 line, 13 head, 14-15 groups, 16 gap head, 17-18 gaps, 19 blank), 20 丙镇.
    expect(models.matrix.links).toEqual([
      { row: 3, column: 1, sheet: "sheet.detail", cell: "A3" },
      { row: 4, column: 1, sheet: "sheet.detail", cell: "A11" },
      { row: 5, column: 1, sheet: "sheet.detail", cell: "A20" },
    ]);
    expect(models.detail.links[1]).toEqual({ row: 11, column: 7, sheet: "sheet.matrix", cell: "B4" });
    const rows = models.detail.rows;
    expect(rows[10]?.[0]).toBe('detail.yearTitle{"rank":2,"township":"乙镇","year":2018}');
    expect(rows[13]?.slice(1, 7)).toEqual(["G1", null, "组G1", 70, 0, 10]);
    expect(rows[16]).toEqual([1, "1", "二(一)1", "要求1", 5, null, null, "reason:status.notStarted"]);
    expect(models.detail.fills).toContainEqual({ row: 14, column: 4, color: "#FFEB84" });
  });

  it("words an empty batch without fills or a chart", () => {
    const empty = summarySheetModels(consolidate([]), [], texts, { sheetNames: { matrix: "汇总" } });
    expect(empty.matrix.sheet).toBe("汇总");
    expect(empty.matrix.fills).toEqual([]);
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
