import type { Finding } from "../findings";

/**
 * Codes that describe one problem of one cell, most telling first: a legality review dated after
 * the discussion is one mistake, whether the date order or the review rule sees it.
 */
const SAME_PROBLEM: readonly (readonly string[])[] = [
  ["dateOrder.violated", "requiredReviews.late"],
  ["required.missing", "requiredReviews.notDone", "requiredReviews.undated"],
];

const FAMILY = new Map<string, { family: number; rank: number }>(
  SAME_PROBLEM.flatMap((codes, family) => codes.map((code, rank) => [code, { family, rank }] as const)),
);

function problemKey(f: Finding): string {
  const family = FAMILY.get(f.code);
  const where = f.cell ?? `${f.tableKey ?? ""}|${f.row ?? ""}|${f.column ?? ""}`;
  // Outside a family, the same code with other figures is another problem (M7.4's three counts).
  const what = family ? `#${family.family}` : `${f.code}|${paramsKey(f)}`;
  return `${f.sheet}|${where}|${f.severity}|${what}`;
}

function paramsKey(f: Finding): string {
  return Object.keys(f.params)
    .sort()
    .map((k) => `${k}=${String(f.params[k])}`)
    .join("&");
}

const rankOf = (f: Finding): number => FAMILY.get(f.code)?.rank ?? 0;

export interface Merged {
  /** One finding per problem per cell, in order of first appearance. */
  findings: Finding[];
  /** Each item's findings as the merged objects, without repeats. */
  byItem: Map<string, Finding[]>;
}

/** Findings in the order a check met them; `itemId` when they count against that item. */
export interface FindingBatch {
  itemId?: string;
  findings: readonly Finding[];
}

/**
 * Merges the findings of a check: a problem reported by several rules or charged to several items
 * becomes one finding listing every item (`items`), and each item keeps it among its own findings
 * so its score still reflects it. Batches without an item are findings nobody is charged for
 * (基本信息, missing tables, read problems) or ones the item batches repeat.
 */
export function mergeFindings(batches: readonly FindingBatch[]): Merged {
  const groups = new Map<string, { members: Set<Finding>; items: Set<string> }>();
  const keyOf = new Map<Finding, string>();
  const join = (f: Finding, itemId?: string): void => {
    let key = keyOf.get(f);
    if (key === undefined) {
      key = problemKey(f);
      keyOf.set(f, key);
    }
    let group = groups.get(key);
    if (!group) {
      group = { members: new Set(), items: new Set() };
      groups.set(key, group);
    }
    group.members.add(f);
    if (itemId !== undefined) group.items.add(itemId);
  };
  for (const { itemId, findings } of batches) for (const f of findings) join(f, itemId);

  const merged = new Map<string, Finding>();
  for (const [key, { members, items }] of groups) {
    let chosen: Finding | undefined;
    for (const f of members) if (!chosen || rankOf(f) < rankOf(chosen)) chosen = f;
    const out: Finding = { ...(chosen as Finding) };
    if (items.size > 0) {
      out.items = [...items];
      out.itemId = out.items[0] as string;
    }
    merged.set(key, out);
  }
  const byItem = new Map<string, Finding[]>();
  for (const { itemId, findings } of batches) {
    if (itemId === undefined) continue;
    const own = new Set<Finding>();
    for (const f of findings) own.add(merged.get(keyOf.get(f) as string) as Finding);
    byItem.set(itemId, [...own]);
  }
  return { findings: [...merged.values()], byItem };
}
