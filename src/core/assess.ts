import type { Assessment, Declaration, GroupResult, ItemResult, PendingItem, VetoHit } from "./assessment";
import { gapList } from "./gaps/gaps";
import type { Item, Pack } from "./pack/schema";
import { check } from "./rules/check";
import { bandFor, isAtLeastBand } from "./score/band";
import { roundTo, scaledScore, scoreGroup, sumPoints } from "./score/group";
import { scoreItem } from "./score/item";
import type { WorkbookSnapshot } from "./snapshot";

/**
 * Checks a workbook snapshot against its pack and scores it: findings, each item's 应得 / 实得,
 * group and total sums, the scaled score and band, vetoes and recognition, gaps, pending items and
 * declared exemptions. Pure and deterministic; never throws on workbook content.
 */
export function assess(pack: Pack, snapshot: WorkbookSnapshot): Assessment {
  const checked = check(pack, snapshot);
  const { assessmentDate } = checked;

  const items: ItemResult[] = checked.items.map((c) => {
    const { applicable, earned, state, reason } = scoreItem(c);
    const result: ItemResult = {
      itemId: c.item.id,
      groupId: c.group.id,
      kind: c.item.kind,
      points: c.item.points,
      applicable,
      earned,
      lost: applicable ? roundTo(c.item.points - earned, 2) : 0,
      state,
      basis: pack.assessment.points.basis,
      reason,
      findings: c.findings,
    };
    if (c.owner) result.owner = c.owner;
    if (c.due) result.due = c.due;
    return result;
  });

  const groups: GroupResult[] = pack.groups.map((group) =>
    scoreGroup(
      group,
      items.filter((i) => i.groupId === group.id),
    ),
  );
  const total = { ...sumPoints(items), points: pack.assessment.total };
  const score = roundTo(scaledScore(total, pack.assessment.total), 1);
  const band = bandFor(score, pack.assessment.bands);

  const vetoes: VetoHit[] = checked.items.flatMap((c) =>
    c.veto?.state === "inWindow"
      ? [{ itemId: c.item.id, title: c.item.title, date: c.veto.date, sheet: c.veto.sheet, row: c.veto.row }]
      : [],
  );
  const hasVeto = pack.groups.some((g) => g.items.some((i) => i.kind === "veto"));
  const eligible = vetoes.length === 0;

  const packItems = new Map<string, Item>(pack.groups.flatMap((g) => g.items.map((i) => [i.id, i] as const)));
  const pending: PendingItem[] = items.flatMap((result) => {
    const item = packItems.get(result.itemId);
    if (result.state !== "pending" || !item || !result.due) return [];
    return [
      {
        itemId: item.id,
        groupId: result.groupId,
        clause: item.source,
        title: item.title,
        points: item.points,
        due: result.due,
        findingCodes: [...new Set(result.findings.map((f) => f.code))],
      },
    ];
  });
  const declarations: Declaration[] = checked.declarations.map((d) => ({
    ...d,
    title: pack.ledgers.find((l) => l.id === d.ledgerId)?.title ?? { zh: d.ledgerId, en: d.ledgerId },
    itemIds: pack.groups.flatMap((g) => g.items.filter((i) => i.ledger === d.ledgerId).map((i) => i.id)),
  }));

  return {
    packId: pack.id,
    packVersion: pack.version,
    township: checked.township,
    assessmentDate,
    assessmentYear: checked.assessmentYear,
    findings: checked.findings,
    items,
    groups,
    total,
    score,
    scaled: total.applicable < sumPoints(items).points,
    band,
    hasVeto,
    eligible,
    recognized:
      hasVeto && eligible && isAtLeastBand(band.id, pack.assessment.passBand, pack.assessment.bands),
    vetoes,
    pending,
    declarations,
    gaps: gapList(items, packItems, assessmentDate),
  };
}
