import type { Group, Item, Pack } from "./schema";

export function packItems(pack: Pack): Item[] {
  return pack.groups.flatMap((group) => group.items);
}

/** Items per group id, in pack order. */
export function packItemCount(pack: Pack): Record<string, number> {
  return Object.fromEntries(pack.groups.map((group: Group) => [group.id, group.items.length]));
}
