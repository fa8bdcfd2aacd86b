import type { ItemResult } from "../../../src/core/assessment";
import { bandFor, overallScore, pointsLost, roundTo, scoreGroup } from "../../../src/core/score";
import { testPack } from "../../support/testPack";

const pack = testPack();
const bands = pack.assessment.bands;

const item = (weight: number, score: number, applicable = true): ItemResult => ({
  itemId: "X1.1",
  groupId: "G1",
  kind: "status",
  weight,
  applicable,
  score,
  reason: { code: "status.done", params: {} },
  findings: [],
});

describe("bands", () => {
  it.each<[number, string]>([
    [100, "excellent"],
    [90, "excellent"],
    [89.9, "good"],
    [80, "good"],
    [79.9, "pass"],
    [60, "pass"],
    [59.9, "fail"],
    [0, "fail"],
  ])("%p → %s", (score, band) => {
    expect(bandFor(score, bands).id).toBe(band);
  });

  it("bands the score as shown: 59.96 shows as 60.0 and passes", () => {
    expect(bandFor(roundTo(59.96, 1), bands).id).toBe("pass");
    expect(bandFor(roundTo(59.94, 1), bands).id).toBe("fail");
  });
});

describe("group score", () => {
  const group = pack.groups[0] as (typeof pack.groups)[number];

  it("is Σ weight·score over Σ applicable weight", () => {
    const result = scoreGroup(group, [item(2, 1), item(1, 0.5), item(2, 0.75), item(1, 0, false)]);
    expect(result).toMatchObject({ earned: 4, possible: 5, score: 80 });
  });

  it("is null when nothing applies", () => {
    expect(scoreGroup(group, [item(1, 0, false)]).score).toBeNull();
  });
});

describe("overall score", () => {
  const g = (weight: number, score: number | null) => ({
    groupId: "G",
    title: { zh: "组", en: "Group" },
    weight,
    score,
    earned: 0,
    possible: 1,
  });

  it("weights the groups and leaves out groups with nothing applicable or no weight", () => {
    expect(overallScore([g(60, 80), g(40, 60), g(20, null), g(0, 10)])).toBe(72);
  });

  it("is 0 when no group scores", () => {
    expect(overallScore([g(10, null)])).toBe(0);
  });

  it("costs each item its share of its group, in overall points", () => {
    // Weight 1 of 5 in a group worth 40 of 100: a missed item costs 8 points, a half-done one 4.
    expect(pointsLost(item(1, 0), { ...g(40, 60), possible: 5 }, 100)).toBeCloseTo(8, 10);
    expect(pointsLost(item(1, 0.5), { ...g(40, 60), possible: 5 }, 100)).toBeCloseTo(4, 10);
    expect(pointsLost(item(1, 0, false), { ...g(40, 60), possible: 5 }, 100)).toBe(0);
  });
});
