import type { GroupResult, ItemResult } from "../assessment";
import type { Group } from "../pack/schema";

/** Σ weight·score / Σ applicable weight × 100; null when nothing in the group applies. */
export function scoreGroup(group: Group, items: readonly ItemResult[]): GroupResult {
  let earned = 0;
  let possible = 0;
  for (const item of items) {
    if (!item.applicable) continue;
    earned += item.weight * item.score;
    possible += item.weight;
  }
  return {
    groupId: group.id,
    title: group.title,
    weight: group.weight,
    score: possible > 0 ? (earned / possible) * 100 : null,
    earned,
    possible,
  };
}

/** Weighted mean of the scored groups (0..100, unrounded); 0 when no group scores. */
export function overallScore(groups: readonly GroupResult[]): number {
  let sum = 0;
  let weights = 0;
  for (const group of groups) {
    if (group.score === null || group.weight <= 0) continue;
    sum += group.weight * group.score;
    weights += group.weight;
  }
  return weights > 0 ? sum / weights : 0;
}

/** Total weight of the groups that count in the overall score. */
export function scoredGroupWeight(groups: readonly GroupResult[]): number {
  return groups.reduce((sum, g) => sum + (g.score !== null && g.weight > 0 ? g.weight : 0), 0);
}

/** Overall points (0..100) an item loses: its missing share of its group, scaled by the group's weight. */
export function pointsLost(item: ItemResult, group: GroupResult, totalWeight: number): number {
  if (!item.applicable || group.possible <= 0 || group.weight <= 0 || totalWeight <= 0) return 0;
  return ((item.weight * (1 - item.score)) / group.possible) * (group.weight / totalWeight) * 100;
}

/** Round half away from zero to `digits` decimals, only for what is shown. */
export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round((value + Number.EPSILON) * factor) / factor;
}
