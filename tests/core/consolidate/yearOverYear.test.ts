import type { Assessment } from "../../../src/core/assessment";
import { consolidate, formatChange } from "../../../src/core/consolidate";
import { assessmentOf, groupResult } from "../../support/assessmentParts";

/** A township's file: total score and G1/G2 group scores as given (hand-chosen numbers). */
function file(
  source: string,
  township: string,
  year: number | null,
  score: number,
  g1: number | null,
  g2: number | null,
  packId = "township-2018",
): { source: string; assessment: Assessment } {
  return {
    source,
    assessment: assessmentOf(score, {
      packId,
      township,
      assessmentYear: year,
      groups: [groupResult("G1", { points: 10, score: g1 }), groupResult("G2", { points: 10, score: g2 })],
    }),
  };
}

describe("year over year", () => {
  const summary = consolidate([
    file("甲镇2024.xlsx", "甲镇", 2024, 72.5, 70, 80),
    file("甲镇2025.xlsx", "甲镇", 2025, 81, 85, 75.5),
    file("甲镇2023.xlsx", "甲镇", 2023, 50, 50, 50),
    file("乙镇2025.xlsx", "乙镇", 2025, 90, 90, null),
    file("乙镇2024.xlsx", "乙镇", 2024, 93.5, 95, 60),
    file("丙镇2025.xlsx", "丙镇", 2025, 60, 60, 60),
  ]);

  it("ranks the latest year only and counts nothing of earlier years", () => {
    expect(summary.townships.map((t) => [t.township, t.assessmentYear, t.rank])).toEqual([
      ["乙镇", 2025, 1],
      ["甲镇", 2025, 2],
      ["丙镇", 2025, 3],
    ]);
    // (90 + 81 + 60) / 3 = 77.0; no duplicate is reported for a township's other years.
    expect(summary.meanScore).toBe(77);
    expect(summary.earlier.map((e) => e.source)).toEqual(["乙镇2024.xlsx", "甲镇2023.xlsx", "甲镇2024.xlsx"]);
    expect(summary.notes).toEqual([{ code: "consolidate.earlierYears", params: { count: 3 } }]);
    expect(summary.townships.every((t) => t.duplicateSources.length === 0)).toBe(true);
  });

  it("compares with the nearest earlier year, per group and in total", () => {
    const jia = summary.townships.find((t) => t.township === "甲镇");
    // 81 − 72.5 = 8.5; G1 85 − 70 = 15; G2 75.5 − 80 = −4.5 (2024, not 2023).
    expect(jia?.change).toEqual({
      previousYear: 2024,
      previousSource: "甲镇2024.xlsx",
      previousScore: 72.5,
      score: 8.5,
      groups: { G1: 15, G2: -4.5 },
    });
    const yi = summary.townships.find((t) => t.township === "乙镇");
    // 90 − 93.5 = −3.5; G1 90 − 95 = −5; G2 has no score in 2025: no change.
    expect(yi?.change).toMatchObject({ previousYear: 2024, score: -3.5, groups: { G1: -5, G2: null } });
    expect(summary.townships.find((t) => t.township === "丙镇")?.change).toBeNull();
  });

  it("compares only within one template, and leaves files without a year as they are", () => {
    const mixed = consolidate([
      file("a.xlsx", "甲镇", 2024, 70, 70, 70),
      file("b.xlsx", "甲镇", 2025, 80, 80, 80, "model-unit"),
      file("c.xlsx", "乙镇", null, 60, 60, 60),
      file("d.xlsx", "乙镇", 2025, 65, 65, 65),
    ]);
    expect(mixed.townships).toHaveLength(4);
    expect(mixed.townships.every((t) => t.change === null)).toBe(true);
    expect(mixed.earlier).toEqual([]);
  });

  it("gives the same result in any input order", () => {
    const inputs = [
      file("x1.xlsx", "甲镇", 2024, 70, 70, 70),
      file("x2.xlsx", "甲镇", 2025, 75, 72, 78),
      file("y.xlsx", "乙镇", 2025, 88, 88, 88),
    ];
    expect(consolidate([...inputs].reverse())).toEqual(consolidate(inputs));
  });

  it.each([
    [8.5, "▲ 8.5"],
    [-4.5, "▼ 4.5"],
    [0, "0.0"],
  ])("writes a change of %p as %p", (change, text) => {
    expect(formatChange(change)).toBe(text);
  });
});
