import type { Assessment, BandResult, ScoreReason, VetoHit } from "../assessment";
import type { PackDifference } from "../pack/diff";
import type { CarriedPackStatus } from "../pack/embedCheck";
import type { LocalizedText } from "../pack/schema";
import type { YearChange } from "./yearOverYear";

/** One township's result and where it came from (a file name, for the coordinator). */
export interface TownshipInput {
  source: string;
  assessment: Assessment;
  /** Identity (hash) of the local settings the file was scored with; null for the pack as shipped. */
  settings?: string | null;
  /** The file records other settings than the coordinator's, which were used. */
  replacedSettings?: boolean;
  /** The pack the file carries against the coordinator's copy it was scored with. */
  carriedPack?: CarriedPackStatus;
}

/** A matrix column: one group of one template. Templates never share columns, even when ids match. */
export interface ConsolidatedGroup {
  packId: string;
  groupId: string;
  title: LocalizedText;
}

export interface TownshipRow {
  source: string;
  /** 乡镇名称 from the workbook, else the source. */
  township: string;
  packId: string;
  packVersion: string;
  assessmentDate: string | null;
  score: number;
  band: BandResult;
  eligible: boolean;
  vetoCount: number;
  /** The veto events inside the window, so a summary can name them. */
  vetoes: readonly VetoHit[];
  /** 0..100 by group id; null when the group does not apply or the pack version lacks it. */
  groupScores: Readonly<Record<string, number | null>>;
  gapCount: number;
  errorCount: number;
  warningCount: number;
  /** When the same township name comes from several files: every one of those files, this one too. */
  duplicateSources: readonly string[];
  /** 1-based; ties share a rank (1, 2, 2, 4). Eligible townships rank before ineligible ones. */
  rank: number;
  /** 评估年度 of the file; null when unknown. */
  assessmentYear: number | null;
  /** The change since the township's previous 评估年度 in the batch; null without one. */
  change: YearChange | null;
  /** The drill-down: the township's groups that carry points, in pack order. */
  groups: readonly TownshipGroup[];
  /** The drill-down: its gaps, most points lost first. */
  gaps: readonly TownshipGap[];
  /** 模板与下发版本不一致: how the file's own pack differs from the one it was scored with. */
  packMismatch?: readonly PackDifference[];
}

/** A group of one township, for the drill-down: 实得 / 应得 and the score. */
export interface TownshipGroup {
  groupId: string;
  title: LocalizedText;
  earned: number;
  applicable: number;
  /** 0..100, null when nothing of the group counts. */
  score: number | null;
}

/** A gap of one township, for the drill-down. */
export interface TownshipGap {
  itemId: string;
  clause: string;
  title: LocalizedText;
  pointsLost: number;
  reason: ScoreReason;
}

export interface MissedItem {
  itemId: string;
  groupId: string;
  clause: string;
  title: LocalizedText;
  /** Townships where the item is a gap. */
  count: number;
  /** count / townships whose pack has the item, 0..1. */
  share: number;
  /** Σ points lost over those townships (0..100 scale each). */
  pointsLost: number;
  /** Township names, in ranking order. */
  townships: readonly string[];
}

/** Something the coordinator should know about the batch, as data (text from i18n by code). */
export interface ConsolidationNote {
  /**
   * consolidate.mixedVersions · consolidate.mixedPacks · consolidate.duplicateTownship ·
   * consolidate.mixedSettings · consolidate.settingsReplaced · consolidate.earlierYears ·
   * consolidate.packMismatch · consolidate.carriedPackDamaged
   */
  code: string;
  params: Readonly<Record<string, string | number>>;
}

export interface BandCount {
  band: BandResult;
  count: number;
}

export interface Consolidation {
  packIds: readonly string[];
  /** Every pack version seen, as "id@version", sorted. */
  versions: readonly string[];
  /**
   * Matrix columns: per template (by pack id), its groups that score in at least one township, in
   * pack order. A township's scores go only under its own template's columns.
   */
  groups: readonly ConsolidatedGroup[];
  /** Ranking order. */
  townships: readonly TownshipRow[];
  mostMissed: readonly MissedItem[];
  bands: readonly BandCount[];
  eligibleCount: number;
  /** Mean overall score, one decimal; null for an empty batch. */
  meanScore: number | null;
  notes: readonly ConsolidationNote[];
  /** Files of an earlier 评估年度 of a township also in a later one: compared with, not ranked. */
  earlier: readonly { source: string; township: string; assessmentYear: number }[];
}

export interface ConsolidateOptions {
  /** How many most-missed items to keep; all when absent. */
  mostMissedLimit?: number;
}
