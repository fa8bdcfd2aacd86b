import type { Group, Item, ItemKind, Pack } from "./schema";

export function packItems(pack: Pack): Item[] {
  return pack.groups.flatMap((group) => group.items);
}

/** Items per group id, in pack order. */
export function packItemCount(pack: Pack): Record<string, number> {
  return Object.fromEntries(pack.groups.map((group: Group) => [group.id, group.items.length]));
}

export function packKindCount(pack: Pack): Record<ItemKind, number> {
  const counts: Record<ItemKind, number> = { status: 0, indicator: 0, ledger: 0, veto: 0 };
  for (const item of packItems(pack)) counts[item.kind] += 1;
  return counts;
}

export function packVetoCount(pack: Pack): number {
  return packKindCount(pack).veto;
}
