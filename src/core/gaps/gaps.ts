import type { Gap, ItemResult } from "../assessment";
import type { Item } from "../pack/schema";
import type { IsoDate } from "../values/isoDate";

/**
 * Every counted item that did not earn all its points, with its 失分; sorted by points lost (most
 * first), then due date (earliest first, none last), then item id in natural order.
 */
export function gapList(
  items: readonly ItemResult[],
  packItems: ReadonlyMap<string, Item>,
  assessmentDate: IsoDate | null,
): Gap[] {
  const gaps: { gap: Gap; lost: number }[] = [];
  for (const result of items) {
    if (!result.applicable || result.lost <= 0) continue;
    const item = packItems.get(result.itemId);
    if (!item) continue;
    const lost = result.lost;
    const gap: Gap = {
      itemId: item.id,
      groupId: result.groupId,
      clause: item.source,
      title: item.title,
      points: result.points,
      earned: result.earned,
      pointsLost: lost,
      criteria: item.criteria,
      findingCodes: [...new Set(result.findings.filter((f) => f.severity !== "info").map((f) => f.code))],
      reason: result.reason,
      overdue: result.due !== undefined && assessmentDate !== null && result.due < assessmentDate,
    };
    if (result.owner) gap.owner = result.owner;
    if (result.due) gap.due = result.due;
    gaps.push({ gap, lost });
  }
  gaps.sort(
    (a, b) =>
      b.lost - a.lost || compareDue(a.gap.due, b.gap.due) || naturalCompare(a.gap.itemId, b.gap.itemId),
  );
  return gaps.map((g) => g.gap);
}

function compareDue(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}

/** T2.1.2 before T2.1.10: digit runs compare as numbers. Locale-free, so every machine agrees. */
export function naturalCompare(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i] as string;
    const y = pb[i] as string;
    if (x === y) continue;
    const nx = /^\d/.test(x) && /^\d/.test(y) ? Number(x) - Number(y) : 0;
    if (nx !== 0) return nx;
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}
