import type { Assessment, Gap, GroupResult } from "../assessment";
import type { Finding } from "../findings";
import type { TownshipInput } from "./types";

/**
 * What a summary needs of one township's assessment, and no more: the ranking and matrix, the
 * most-missed tally, the year-over-year change and the drill-down (group scores, error/warning
 * counts, gap list). A full assessment keeps every finding, item result and snapshot-derived detail
 * (~200 KB for a filled workbook); this keeps a few KB, so a consolidation of thousands of files
 * grows slowly in memory.
 */
export interface TownshipResult extends Pick<
  Assessment,
  | "packId"
  | "packVersion"
  | "township"
  | "assessmentDate"
  | "assessmentYear"
  | "score"
  | "band"
  | "eligible"
  | "vetoes"
> {
  /** Every group, in pack order (the matrix wants those without points too). */
  groups: readonly Pick<GroupResult, "groupId" | "title" | "points" | "earned" | "applicable" | "score">[];
  /** Most points lost first, as the assessment has them. */
  gaps: readonly Pick<
    Gap,
    "itemId" | "groupId" | "clause" | "title" | "pointsLost" | "reason" | "owner" | "due"
  >[];
  /** The items the township's pack version has: a most-missed share counts only those. */
  itemIds: readonly string[];
  errorCount: number;
  warningCount: number;
  /** By gap item id: the findings against it, for the HTML drill-down; absent when not kept. */
  gapFindings?: ReadonlyMap<string, readonly Finding[]>;
}

/** A township's compact result and where it came from. */
export interface TownshipRecord extends Omit<TownshipInput, "assessment"> {
  assessment: TownshipResult;
}

/**
 * The compact record of one assessed file, built right after it is assessed so the full
 * assessment can go. `findings` keeps the gap items' findings (the HTML drill-down lists them).
 */
export function townshipRecord(
  input: TownshipInput | TownshipRecord,
  options: { findings?: boolean } = {},
): TownshipRecord {
  const a = input.assessment;
  if (!("findings" in a)) return input as TownshipRecord;
  const result: TownshipResult = {
    packId: a.packId,
    packVersion: a.packVersion,
    township: a.township,
    assessmentDate: a.assessmentDate,
    assessmentYear: a.assessmentYear,
    score: a.score,
    band: a.band,
    eligible: a.eligible,
    vetoes: a.vetoes,
    groups: a.groups.map((g) => ({
      groupId: g.groupId,
      title: g.title,
      points: g.points,
      earned: g.earned,
      applicable: g.applicable,
      score: g.score,
    })),
    gaps: a.gaps.map((g) => ({
      itemId: g.itemId,
      groupId: g.groupId,
      clause: g.clause,
      title: g.title,
      pointsLost: g.pointsLost,
      reason: g.reason,
      ...(g.owner === undefined ? {} : { owner: g.owner }),
      ...(g.due === undefined ? {} : { due: g.due }),
    })),
    itemIds: a.items.map((i) => i.itemId),
    errorCount: a.findings.filter((f) => f.severity === "error").length,
    warningCount: a.findings.filter((f) => f.severity === "warning").length,
  };
  if (options.findings) {
    const gapIds = new Set(a.gaps.map((g) => g.itemId));
    const byItem = new Map<string, readonly Finding[]>();
    // The first item of an id, as a lookup by id finds it.
    for (const i of a.items)
      if (gapIds.has(i.itemId) && !byItem.has(i.itemId)) byItem.set(i.itemId, i.findings);
    result.gapFindings = byItem;
  }
  const { assessment: _full, ...rest } = input;
  return { ...rest, assessment: result };
}
