import type { GroupResult, ItemResult, PointsTotal } from "../assessment";
import type { Group } from "../pack/schema";
import { roundTo } from "./round";

export { roundTo } from "./round";

/** 分值 / 应得 / 实得 of some items: each the plain sum of the items' own figures. */
export function sumPoints(items: readonly ItemResult[]): PointsTotal {
  let points = 0;
  let applicable = 0;
  let earned = 0;
  for (const item of items) {
    points += item.points;
    if (!item.applicable) continue;
    applicable += item.points;
    earned += item.earned;
  }
  return { points: roundTo(points, 2), applicable: roundTo(applicable, 2), earned: roundTo(earned, 2) };
}

/** A group's figures are the sums of its items'; its rate is 实得 / 应得 (null when nothing applies). */
export function scoreGroup(group: Group, items: readonly ItemResult[]): GroupResult {
  const total = sumPoints(items);
  return {
    groupId: group.id,
    title: group.title,
    ...total,
    lost: roundTo(total.applicable - total.earned, 2),
    score: total.applicable > 0 ? roundTo((total.earned / total.applicable) * 100, 1) : null,
  };
}

/** Σ 实得 / Σ 应得 × the pack's total (缺项折算), unrounded; 0 when nothing applies. */
export function scaledScore(total: PointsTotal, packTotal: number): number {
  return total.applicable > 0 ? (total.earned / total.applicable) * packTotal : 0;
}
