import type { Assessment, Gap, GroupResult } from "../../../src/core/assessment";
import { consolidate } from "../../../src/core/consolidate";
import { assessmentOf, gapOf, groupResult, itemResult } from "../../support/assessmentParts";

const text = (zh: string) => ({ zh, en: zh });
const BANDS = {
  excellent: { id: "excellent", label: text("优秀") },
  pass: { id: "pass", label: text("合格") },
  fail: { id: "fail", label: text("不合格") },
};

function gap(itemId: string, pointsLost: number, groupId = "G1"): Gap {
  return gapOf(itemId, pointsLost, { groupId, title: text(`要求${itemId}`) });
}

function group(groupId: string, score: number | null): GroupResult {
  return groupResult(groupId, { points: 10, score });
}

function township(
  name: string,
  score: number,
  opts: { eligible?: boolean; gaps?: Gap[]; version?: string; groups?: GroupResult[]; items?: string[] } = {},
): Assessment {
  const items = opts.items ?? ["1", "2", "3"];
  return assessmentOf(score, {
    packVersion: opts.version ?? "1.0.0",
    township: name,
    items: items.map((itemId) => itemResult(itemId, 1, 1)),
    groups: opts.groups ?? [group("G1", score), group("G9", null)],
    band: score >= 90 ? BANDS.excellent : score >= 60 ? BANDS.pass : BANDS.fail,
    eligible: opts.eligible ?? true,
    gaps: opts.gaps ?? [],
  });
}

const input = (a: Assessment, source = `${a.township}.xlsx`) => ({ source, assessment: a });

describe("consolidate", () => {
  it("ranks eligible townships by score, ties sharing a rank, ineligible ones last", () => {
    const result = consolidate([
      input(township("甲镇", 70)),
      input(township("乙镇", 95, { eligible: false })),
      input(township("丙镇", 88)),
      input(township("丁镇", 88)),
      input(township("戊镇", 60)),
    ]);
    expect(result.townships.map((t) => [t.township, t.rank])).toEqual([
      ["丁镇", 1],
      ["丙镇", 1],
      ["甲镇", 3],
      ["戊镇", 4],
      ["乙镇", 5],
    ]);
    expect(result.eligibleCount).toBe(4);
    expect(result.meanScore).toBe(80.2);
  });

  it("gives the same result whatever the input order", () => {
    const inputs = [
      input(township("甲镇", 70, { gaps: [gap("1", 3)] })),
      input(township("乙镇", 80, { gaps: [gap("1", 3), gap("2", 1)] })),
      input(township("丙镇", 80)),
    ];
    expect(consolidate([...inputs].reverse())).toEqual(consolidate(inputs));
  });

  it("builds the townships × groups matrix from groups that score somewhere", () => {
    const result = consolidate([
      input(township("甲镇", 70, { groups: [group("G1", 70), group("G2", 50), group("G9", null)] })),
    ]);
    expect(result.groups.map((g) => g.groupId)).toEqual(["G1", "G2"]);
    expect(result.townships[0]?.groupScores).toEqual({ G1: 70, G2: 50, G9: null });
  });

  it("lists the most missed items with the townships missing them, most first", () => {
    const result = consolidate([
      input(township("甲镇", 90, { gaps: [gap("2", 1)] })),
      input(township("乙镇", 70, { gaps: [gap("1", 5), gap("2", 2)] })),
      input(township("丙镇", 50, { gaps: [gap("1", 5), gap("2", 2), gap("3", 9)] })),
    ]);
    expect(result.mostMissed.map((m) => [m.itemId, m.count, m.pointsLost, m.townships])).toEqual([
      ["2", 3, 5, ["甲镇", "乙镇", "丙镇"]],
      ["1", 2, 10, ["乙镇", "丙镇"]],
      ["3", 1, 9, ["丙镇"]],
    ]);
    expect(result.mostMissed[1]?.share).toBeCloseTo(2 / 3);
    expect(
      consolidate([input(township("甲镇", 1, { gaps: [gap("1", 1), gap("2", 1)] }))], { mostMissedLimit: 1 })
        .mostMissed,
    ).toHaveLength(1);
  });

  it("counts gaps and bands per township", () => {
    const result = consolidate([
      input(township("甲镇", 95, { gaps: [gap("1", 1)] })),
      input(township("乙镇", 65)),
      input(township("丙镇", 92)),
    ]);
    expect(result.townships.map((t) => [t.township, t.gapCount])).toEqual([
      ["甲镇", 1],
      ["丙镇", 0],
      ["乙镇", 0],
    ]);
    expect(result.bands.map((b) => [b.band.id, b.count])).toEqual([
      ["excellent", 2],
      ["pass", 1],
    ]);
  });

  it("notes mixed pack versions and shares items only over townships whose version has them", () => {
    const result = consolidate([
      input(township("甲镇", 80, { version: "1.1.0", items: ["1", "2", "4"], gaps: [gap("4", 2)] })),
      input(township("乙镇", 80, { version: "1.0.0", items: ["1", "2"] })),
    ]);
    expect(result.notes).toEqual([
      { code: "consolidate.mixedVersions", params: { pack: "township-2018", versions: "1.0.0, 1.1.0" } },
    ]);
    expect(result.versions).toEqual(["township-2018@1.0.0", "township-2018@1.1.0"]);
    expect(result.mostMissed[0]).toMatchObject({ itemId: "4", count: 1, share: 1 });
  });

  it("notes duplicate township names and falls back to the source for a blank name", () => {
    const result = consolidate([
      input(township("甲镇", 80), "a.xlsx"),
      input(township("甲镇", 70), "b.xlsx"),
      input(township("  ", 60), "c.xlsx"),
    ]);
    expect(result.notes).toEqual([
      { code: "consolidate.duplicateTownship", params: { township: "甲镇", count: 2 } },
    ]);
    expect(result.townships.map((t) => t.township)).toContain("c.xlsx");
  });

  it("handles an empty batch", () => {
    const result = consolidate([]);
    expect(result.townships).toEqual([]);
    expect(result.meanScore).toBeNull();
  });
});
