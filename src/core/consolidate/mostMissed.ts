import { roundTo } from "../score/group";
import type { TownshipResult } from "./record";
import type { MissedItem } from "./types";

interface Tally {
  item: Omit<MissedItem, "count" | "share" | "townships" | "pointsLost">;
  townships: string[];
  pointsLost: number;
}

/**
 * The items that are gaps in the most townships. A township counts toward an item's share only
 * when its pack version has the item, so a batch with mixed versions is not skewed.
 */
export function mostMissedItems(
  ranked: readonly { township: string; assessment: TownshipResult }[],
  limit?: number,
): MissedItem[] {
  const tallies = new Map<string, Tally>();
  const assessedBy = new Map<string, number>();
  for (const { township, assessment } of ranked) {
    for (const itemId of assessment.itemIds) assessedBy.set(itemId, (assessedBy.get(itemId) ?? 0) + 1);
    for (const gap of assessment.gaps) {
      let tally = tallies.get(gap.itemId);
      if (!tally) {
        tally = {
          item: { itemId: gap.itemId, groupId: gap.groupId, clause: gap.clause, title: gap.title },
          townships: [],
          pointsLost: 0,
        };
        tallies.set(gap.itemId, tally);
      }
      tally.townships.push(township);
      tally.pointsLost += gap.pointsLost;
    }
  }
  const items = [...tallies.values()].map((t): MissedItem => ({
    ...t.item,
    count: t.townships.length,
    share: t.townships.length / Math.max(assessedBy.get(t.item.itemId) ?? 0, t.townships.length),
    pointsLost: roundTo(t.pointsLost, 1),
    townships: t.townships,
  }));
  items.sort(
    (a, b) =>
      b.count - a.count ||
      b.pointsLost - a.pointsLost ||
      (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0),
  );
  return limit === undefined ? items : items.slice(0, limit);
}
