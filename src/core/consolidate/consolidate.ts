import { compareVersions } from "../pack/builtin";
import type { LocalizedText } from "../pack/schema";
import { roundTo } from "../score/group";
import { mostMissedItems } from "./mostMissed";
import { townshipRecord, type TownshipRecord, type TownshipResult } from "./record";
import { competitionRanks, compareForRanking } from "./rank";
import { splitByYear, type YearChange } from "./yearOverYear";
import type {
  BandCount,
  Consolidation,
  ConsolidatedGroup,
  ConsolidateOptions,
  ConsolidationNote,
  TownshipInput,
  TownshipRow,
} from "./types";

/**
 * Many townships' assessments → one summary: townships × groups matrix, ranking, eligibility,
 * band counts, gap counts and the items most often missing. Pure and deterministic: the same
 * inputs in any order give the same result.
 */
export function consolidate(
  allInputs: readonly (TownshipInput | TownshipRecord)[],
  options: ConsolidateOptions = {},
): Consolidation {
  const years = splitByYear(
    allInputs.map((given) => {
      const input = townshipRecord(given);
      return { ...input, township: townshipName(input.source, input.assessment) };
    }),
  );
  const inputs = years.latest;
  const rows = inputs.map((input) => ({
    row: {
      ...rowFor(input.source, input.assessment, years.changes.get(input) ?? null),
      ...(input.carriedPack?.state === "differs" ? { packMismatch: input.carriedPack.differences } : {}),
    },
    assessment: input.assessment,
  }));
  rows.sort((a, b) => compareForRanking(a.row, b.row));
  const ranks = competitionRanks(rows.map((r) => r.row));
  const sourcesByName = new Map<string, string[]>();
  for (const { row } of rows)
    sourcesByName.set(row.township, [...(sourcesByName.get(row.township) ?? []), row.source]);
  const townships = rows.map(({ row }, i): TownshipRow => {
    const sources = sourcesByName.get(row.township) ?? [];
    return {
      ...row,
      rank: ranks[i] as number,
      duplicateSources: sources.length > 1 ? [...sources].sort() : [],
    };
  });

  const groups = groupColumns(rows.map((r) => r.assessment));
  const scores = townships.map((t) => t.score);
  return {
    packIds: unique(inputs.map((i) => i.assessment.packId)),
    versions: unique(inputs.map((i) => `${i.assessment.packId}@${i.assessment.packVersion}`)),
    groups,
    townships,
    mostMissed: mostMissedItems(
      rows.map(({ row, assessment }) => ({ township: row.township, assessment })),
      options.mostMissedLimit,
    ),
    bands: bandCounts(rows.map((r) => r.assessment)),
    eligibleCount: townships.filter((t) => t.eligible).length,
    meanScore: scores.length === 0 ? null : roundTo(scores.reduce((s, x) => s + x, 0) / scores.length, 1),
    notes: notesFor(inputs, townships, years.earlier.length),
    earlier: years.earlier
      .map((e) => ({
        source: e.source,
        township: e.township,
        assessmentYear: e.assessment.assessmentYear as number,
      }))
      .sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0)),
  };
}

const townshipName = (source: string, assessment: TownshipResult): string =>
  assessment.township.trim() || source;

function rowFor(
  source: string,
  assessment: TownshipResult,
  change: YearChange | null,
): Omit<TownshipRow, "rank" | "duplicateSources"> {
  return {
    source,
    township: townshipName(source, assessment),
    packId: assessment.packId,
    packVersion: assessment.packVersion,
    assessmentDate: assessment.assessmentDate,
    score: assessment.score,
    band: assessment.band,
    eligible: assessment.eligible,
    vetoCount: assessment.vetoes.length,
    vetoes: assessment.vetoes,
    groupScores: Object.fromEntries(assessment.groups.map((g) => [g.groupId, g.score])),
    gapCount: assessment.gaps.length,
    errorCount: assessment.errorCount,
    warningCount: assessment.warningCount,
    assessmentYear: assessment.assessmentYear,
    change,
    groups: assessment.groups
      .filter((g) => g.points > 0)
      .map((g) => ({
        groupId: g.groupId,
        title: g.title,
        earned: g.earned,
        applicable: g.applicable,
        score: g.score,
      })),
    gaps: assessment.gaps.map((g) => ({
      itemId: g.itemId,
      clause: g.clause,
      title: g.title,
      pointsLost: g.pointsLost,
      reason: g.reason,
    })),
  };
}

/**
 * Per template (pack ids sorted), its groups in pack order, newest version first, keeping those
 * that score somewhere. Group ids are matched within a template only: two templates may both have
 * a G3 that means different things.
 */
function groupColumns(assessments: readonly TownshipResult[]): ConsolidatedGroup[] {
  return unique(assessments.map((a) => a.packId)).flatMap((packId) => {
    const byVersion = assessments
      .filter((a) => a.packId === packId)
      .sort((a, b) => compareVersions(b.packVersion, a.packVersion));
    const seen = new Map<string, ConsolidatedGroup>();
    const scored = new Set<string>();
    for (const assessment of byVersion) {
      for (const group of assessment.groups) {
        if (!seen.has(group.groupId))
          seen.set(group.groupId, { packId, groupId: group.groupId, title: group.title });
        if (group.score !== null) scored.add(group.groupId);
      }
    }
    return [...seen.values()].filter((g) => scored.has(g.groupId));
  });
}

/** A township's score under a matrix column: null under another template's columns. */
export function groupScoreOf(row: TownshipRow, group: ConsolidatedGroup): number | null {
  return row.packId === group.packId ? (row.groupScores[group.groupId] ?? null) : null;
}

/** A column's heading: the group's title, with its template's id when the batch mixes templates. */
export function groupHeading(summary: Consolidation, group: ConsolidatedGroup): LocalizedText {
  if (summary.packIds.length < 2) return group.title;
  return { zh: `${group.packId}:${group.title.zh}`, en: `${group.packId}: ${group.title.en}` };
}

function bandCounts(assessments: readonly TownshipResult[]): BandCount[] {
  const counts = new Map<string, BandCount>();
  for (const { band } of assessments) {
    const entry = counts.get(band.id) ?? { band, count: 0 };
    entry.count++;
    counts.set(band.id, entry);
  }
  return [...counts.values()];
}

function notesFor(
  inputs: readonly TownshipRecord[],
  townships: readonly TownshipRow[],
  earlier: number,
): ConsolidationNote[] {
  const notes: ConsolidationNote[] = [];
  const packIds = unique(inputs.map((i) => i.assessment.packId));
  if (packIds.length > 1)
    notes.push({ code: "consolidate.mixedPacks", params: { packs: packIds.join(", ") } });
  for (const packId of packIds) {
    const versions = unique(
      inputs.filter((i) => i.assessment.packId === packId).map((i) => i.assessment.packVersion),
    ).sort(compareVersions);
    if (versions.length > 1) {
      notes.push({
        code: "consolidate.mixedVersions",
        params: { pack: packId, versions: versions.join(", ") },
      });
    }
  }
  const settings = unique(inputs.map((i) => i.settings ?? "—"));
  if (settings.length > 1) {
    notes.push({ code: "consolidate.mixedSettings", params: { settings: settings.join(", ") } });
  }
  const replaced = inputs.filter((i) => i.replacedSettings).map((i) => i.source);
  if (replaced.length > 0) {
    notes.push({
      code: "consolidate.settingsReplaced",
      params: { count: replaced.length, files: unique(replaced).join(", ") },
    });
  }
  notes.push(...carriedPackNotes(inputs));
  const counts = new Map<string, number>();
  for (const t of townships) counts.set(t.township, (counts.get(t.township) ?? 0) + 1);
  for (const [township, count] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (count > 1) notes.push({ code: "consolidate.duplicateTownship", params: { township, count } });
  }
  if (earlier > 0) notes.push({ code: "consolidate.earlierYears", params: { count: earlier } });
  return notes;
}

/** One note per file whose own pack differs from the coordinator's copy, or is damaged. */
function carriedPackNotes(
  inputs: readonly Pick<TownshipInput, "source" | "carriedPack">[],
): ConsolidationNote[] {
  return [...inputs]
    .sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0))
    .flatMap((input): ConsolidationNote[] => {
      const status = input.carriedPack;
      if (status?.state === "differs") {
        const items = [...new Set(status.differences.map((d) => d.subject))];
        return [
          {
            code: "consolidate.packMismatch",
            params: { source: input.source, count: items.length, items: items.join(", ") },
          },
        ];
      }
      if (status?.state === "damaged")
        return [{ code: "consolidate.carriedPackDamaged", params: { source: input.source } }];
      return [];
    });
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)].sort();
