import type { Assessment, GroupResult, ItemResult, VetoHit } from "./assessment";
import { gapList } from "./gaps/gaps";
import { dueDate } from "./gaps/due";
import type { Item, Pack } from "./pack/schema";
import { check } from "./rules/check";
import { bandFor } from "./score/band";
import { overallScore, roundTo, scoreGroup, scoredGroupWeight } from "./score/group";
import { scoreItem } from "./score/item";
import type { WorkbookSnapshot } from "./snapshot";

/**
 * Checks a workbook snapshot against its pack and scores it: findings, item and group scores,
 * overall score and band, veto, gap list. Pure and deterministic; never throws on workbook content.
 */
export function assess(pack: Pack, snapshot: WorkbookSnapshot): Assessment {
  const checked = check(pack, snapshot);
  const { assessmentDate } = checked;

  const items: ItemResult[] = checked.items.map((c) => {
    const { applicable, score, reason } = scoreItem(c);
    const result: ItemResult = {
      itemId: c.item.id,
      groupId: c.group.id,
      kind: c.item.kind,
      weight: c.item.weight,
      applicable,
      score,
      reason,
      findings: c.findings,
    };
    if (c.owner) result.owner = c.owner;
    const due = dueDate(c.item, assessmentDate);
    if (due) result.due = due;
    return result;
  });

  const groups: GroupResult[] = pack.groups.map((group) =>
    scoreGroup(
      group,
      items.filter((i) => i.groupId === group.id),
    ),
  );
  const score = roundTo(overallScore(groups), 1);

  const vetoes: VetoHit[] = checked.items.flatMap((c) =>
    c.veto?.state === "inWindow"
      ? [{ itemId: c.item.id, title: c.item.title, date: c.veto.date, sheet: c.veto.sheet, row: c.veto.row }]
      : [],
  );

  const packItems = new Map<string, Item>(pack.groups.flatMap((g) => g.items.map((i) => [i.id, i] as const)));
  return {
    packId: pack.id,
    packVersion: pack.version,
    township: checked.township,
    assessmentDate,
    findings: checked.findings,
    items,
    groups: groups.map((g) => (g.score === null ? g : { ...g, score: roundTo(g.score, 1) })),
    score,
    band: bandFor(score, pack.assessment.bands),
    eligible: vetoes.length === 0,
    vetoes,
    gaps: gapList(items, groups, packItems, assessmentDate, scoredGroupWeight(groups)),
  };
}
