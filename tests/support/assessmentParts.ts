import type { Assessment, Gap, GroupResult, ItemResult } from "../../src/core/assessment";

/** Hand-built pieces of an Assessment for tests of what is shown; every figure is the caller's. */
const text = (zh: string, en = zh) => ({ zh, en });

export function itemResult(
  itemId: string,
  points: number,
  earned: number,
  extra: Partial<ItemResult> = {},
): ItemResult {
  return {
    itemId,
    groupId: "G1",
    kind: "status",
    points,
    applicable: true,
    earned,
    lost: points - earned,
    state: earned >= points ? "earned" : earned > 0 ? "partial" : "lost",
    basis: "local",
    reason: { code: earned >= points ? "status.done" : "status.notStarted", params: {} },
    findings: [],
    ...extra,
  };
}

export function groupResult(
  groupId: string,
  figures: { points?: number; applicable?: number; earned?: number; score?: number | null } = {},
  title = text(groupId),
): GroupResult {
  const points = figures.points ?? 0;
  const applicable = figures.applicable ?? points;
  const earned = figures.earned ?? 0;
  return {
    groupId,
    title,
    points,
    applicable,
    earned,
    lost: applicable - earned,
    score: figures.score !== undefined ? figures.score : applicable > 0 ? (earned / applicable) * 100 : null,
  };
}

export function gapOf(itemId: string, pointsLost: number, extra: Partial<Gap> = {}): Gap {
  return {
    itemId,
    groupId: "G1",
    clause: `二(一)${itemId}`,
    title: text(`要求${itemId}`, `Req ${itemId}`),
    points: pointsLost,
    earned: 0,
    pointsLost,
    criteria: text("完成得满分", "Full points when done"),
    findingCodes: [],
    reason: { code: "status.notStarted", params: {} },
    overdue: false,
    ...extra,
  };
}

/** An assessment with the given score and parts; totals default to score of 100 points. */
export function assessmentOf(score: number, extra: Partial<Assessment> = {}): Assessment {
  return {
    packId: "township-2018",
    packVersion: "1.0.0",
    township: "测试镇",
    assessmentDate: "2018-12-31",
    assessmentYear: 2018,
    findings: [],
    items: [],
    groups: [],
    total: { points: 100, applicable: 100, earned: score },
    score,
    scaled: false,
    band: { id: "pass", label: text("合格", "Pass") },
    hasVeto: false,
    eligible: true,
    recognized: false,
    vetoes: [],
    pending: [],
    declarations: [],
    gaps: [],
    ...extra,
  };
}
