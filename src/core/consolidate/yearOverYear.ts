import { roundTo } from "../score/group";
import type { TownshipResult } from "./record";

/** One township's result in the 评估年度 before the one ranked, and the change since. */
export interface YearChange {
  /** 评估年度 compared with. */
  previousYear: number;
  /** The file of that year. */
  previousSource: string;
  previousScore: number;
  /** Latest − previous total score, one decimal (▲ when positive, ▼ when negative). */
  score: number;
  /** Per group id of the latest year: latest − previous group score; null when either has none. */
  groups: Readonly<Record<string, number | null>>;
}

export interface YearInput {
  source: string;
  township: string;
  assessment: Pick<TownshipResult, "packId" | "assessmentYear" | "score" | "groups">;
}

export interface YearSplit<T extends YearInput> {
  /** The latest 评估年度 of each township (and every file without a year): these are ranked. */
  latest: T[];
  /** Earlier years of a township that also has a later one: compared with, not ranked. */
  earlier: T[];
  /** By latest-year input (not by name: two files may share one): its change against the year before. */
  changes: ReadonlyMap<T, YearChange>;
}

/**
 * Splits a batch by 评估年度: the same township (same unit name, same template) in several years
 * is ranked by its latest year only, and compared with the nearest earlier year. A file without a
 * 评估年度 cannot be placed in time and is ranked as it is. Of two files of the same earlier year,
 * the one whose source sorts first is compared with (the duplicate is named by the notes anyway).
 */
export function splitByYear<T extends YearInput>(inputs: readonly T[]): YearSplit<T> {
  const byKey = new Map<string, T[]>();
  for (const input of inputs) {
    if (input.assessment.assessmentYear === null) continue;
    const key = `${input.township}\u0000${input.assessment.packId}`;
    byKey.set(key, [...(byKey.get(key) ?? []), input]);
  }
  const earlier = new Set<T>();
  const changes = new Map<T, YearChange>();
  for (const group of byKey.values()) {
    const years = [...new Set(group.map((i) => i.assessment.assessmentYear as number))].sort((a, b) => b - a);
    const [latestYear, previousYear] = years;
    if (latestYear === undefined || previousYear === undefined) continue;
    for (const input of group) if (input.assessment.assessmentYear !== latestYear) earlier.add(input);
    const previous = group
      .filter((i) => i.assessment.assessmentYear === previousYear)
      .sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0))[0];
    if (!previous) continue;
    for (const input of group) {
      if (input.assessment.assessmentYear !== latestYear) continue;
      changes.set(input, yearChange(input.assessment, previous.assessment, previous.source));
    }
  }
  return {
    latest: inputs.filter((i) => !earlier.has(i)),
    earlier: inputs.filter((i) => earlier.has(i)),
    changes,
  };
}

function yearChange(
  latest: YearInput["assessment"],
  previous: YearInput["assessment"],
  previousSource: string,
): YearChange {
  const before = new Map(previous.groups.map((g) => [g.groupId, g.score]));
  return {
    previousYear: previous.assessmentYear as number,
    previousSource,
    previousScore: previous.score,
    score: roundTo(latest.score - previous.score, 1),
    groups: Object.fromEntries(
      latest.groups.map((g) => {
        const old = before.get(g.groupId) ?? null;
        return [g.groupId, g.score === null || old === null ? null : roundTo(g.score - old, 1)];
      }),
    ),
  };
}

/** "▲ 3.5", "▼ 2.0", "0.0": the sign as an arrow, so the change reads without colour. */
export function formatChange(change: number): string {
  if (change > 0) return `▲ ${change.toFixed(1)}`;
  if (change < 0) return `▼ ${Math.abs(change).toFixed(1)}`;
  return "0.0";
}
