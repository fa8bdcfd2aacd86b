import { BUILTIN_PACKS } from "../core/pack/builtin";
import type { Group, Item, Pack } from "../core/pack/schema";

export interface PackSummary {
  pack: Pack;
  itemCount: number;
  vetoCount: number;
}

export function summarizePacks(packs: readonly Pack[] = BUILTIN_PACKS): PackSummary[] {
  return packs.map((pack) => {
    const items = pack.groups.flatMap((g) => g.items);
    const vetoCount = items.filter((i) => i.kind === "veto").length;
    return { pack, itemCount: items.length - vetoCount, vetoCount };
  });
}

export interface PackIndex {
  item(id: string): Item | undefined;
  group(id: string): Group | undefined;
  groupOfItem(id: string): Group | undefined;
}

export function indexPack(pack: Pack): PackIndex {
  const items = new Map<string, { item: Item; group: Group }>();
  const groups = new Map<string, Group>();
  for (const group of pack.groups) {
    groups.set(group.id, group);
    for (const item of group.items) items.set(item.id, { item, group });
  }
  return {
    item: (id) => items.get(id)?.item,
    group: (id) => groups.get(id),
    groupOfItem: (id) => items.get(id)?.group,
  };
}
