import type { ItemResult } from "../../../src/core/assessment";
import { bandFor, roundTo, scaledScore, scoreGroup, sumPoints } from "../../../src/core/score";
import { testPack } from "../../support/testPack";

const pack = testPack();
const bands = pack.assessment.bands;

const item = (points: number, earned: number, applicable = true): ItemResult => ({
  itemId: "X1.1",
  groupId: "G1",
  kind: "status",
  points,
  applicable,
  earned: applicable ? earned : 0,
  lost: applicable ? points - earned : 0,
  state: !applicable ? "notApplicable" : earned >= points ? "earned" : earned > 0 ? "partial" : "lost",
  basis: "local",
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

describe("group and total points", () => {
  const group = pack.groups[0] as (typeof pack.groups)[number];

  it("sums 分值, 应得 and 实得 of the items; 失分 = 应得 − 实得; the rate is 实得 / 应得", () => {
    const result = scoreGroup(group, [item(20, 20), item(10, 5), item(20, 15), item(10, 0, false)]);
    expect(result).toMatchObject({ points: 60, applicable: 50, earned: 40, lost: 10, score: 80 });
  });

  it("has no rate when nothing applies", () => {
    expect(scoreGroup(group, [item(10, 0, false)]).score).toBeNull();
  });

  it("adds halves and tenths without float noise", () => {
    const items = [item(0.1, 0.1), item(0.2, 0.2), item(2.5, 1.25)];
    expect(sumPoints(items)).toEqual({ points: 2.8, applicable: 2.8, earned: 1.55 });
  });

  it("scales the total: Σ 实得 / Σ 应得 × the pack's total", () => {
    expect(scaledScore({ points: 100, applicable: 90, earned: 59 }, 100)).toBeCloseTo(65.5556, 4);
    expect(scaledScore({ points: 100, applicable: 0, earned: 0 }, 100)).toBe(0);
  });
});
