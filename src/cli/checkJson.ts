import type { Assessment } from "../core/assessment";
import type { AppliedSettings } from "../core/pack";
import type { Severity } from "../core/findings";
import { findingMessage, localized, t, type Locale } from "../i18n";

/**
 * The documented, stable output of `taizhang check --json` (issue 5). Keys never change meaning;
 * new keys may be added. Texts (titles, messages, bandLabel) follow --lang; codes and ids do not.
 */
export interface CheckJson {
  pack: string;
  version: string;
  /** The local settings file the pack was adjusted with (recorded in the workbook or given), or null. */
  settings: { hash: string; name: string | null } | null;
  township: string;
  /** ISO date or null when 评估基准日 is missing or unreadable. */
  assessmentDate: string | null;
  /** 评估年度, or null when neither it nor the assessment date can be read. */
  assessmentYear: number | null;
  /**
   * points: the pack's total (分值 of all items); applicable: Σ 分值 of the items that count (应得);
   * earned: Σ 实得. Σ items[].earned = total.earned; score = earned / applicable × points.
   */
  total: { points: number; applicable: number; earned: number };
  /** earned / applicable × total.points (缺项折算), one decimal; 0 when nothing applies. */
  score: number;
  /** True when applicable < points, so the score is scaled (折算). */
  scaled: boolean;
  /** Band id from the pack, e.g. "excellent"; bandLabel is its text. */
  band: string;
  bandLabel: string;
  /** No veto condition inside its window (always true for packs without veto conditions). */
  eligible: boolean;
  /** 可予认定: the pack has veto conditions, none is in the window, and the band is at least its pass band. */
  recognized: boolean;
  /** The pack has veto conditions at all. */
  hasVeto: boolean;
  vetoes: { itemId: string; title: string; date: string; sheet: string; row: number }[];
  /** Per group: Σ 分值, Σ 应得, Σ 实得 of its items, and earned / applicable in % (null when nothing applies). */
  groups: {
    id: string;
    title: string;
    points: number;
    applicable: number;
    earned: number;
    score: number | null;
  }[];
  /** Every item that carries points or a veto condition. */
  items: {
    id: string;
    groupId: string;
    points: number;
    earned: number;
    state: "earned" | "partial" | "lost" | "notApplicable" | "pending";
    /** "source" when the document states the points, "local" when they are a local choice (本地设定). */
    basis: "source" | "local";
    /** ISO due date or null. */
    due: string | null;
    reason: string;
  }[];
  /** Items due after the assessment date (待完成): neither earned nor lost. */
  pending: { itemId: string; title: string; points: number; due: string }[];
  /** Ledgers declared 本评估年度无此类事项 (for the reviewer to verify). */
  declarations: {
    ledgerId: string;
    title: string;
    reason: string;
    sheet: string;
    cell: string;
    items: string[];
  }[];
  findings: {
    code: string;
    severity: Severity;
    sheet: string;
    /** A1 address, or null when the finding is about a whole table or sheet. */
    cell: string | null;
    itemId: string | null;
    /** Every item the problem counts against (one finding per problem per cell); [] when none. */
    items: string[];
    message: string;
  }[];
  gaps: {
    itemId: string;
    clause: string;
    title: string;
    points: number;
    earned: number;
    pointsLost: number;
    criteria: string;
    owner: string | null;
    /** ISO date or null. */
    due: string | null;
    reason: string;
  }[];
}

export function checkJson(
  assessment: Assessment,
  locale: Locale,
  settings: AppliedSettings | null = null,
): CheckJson {
  return {
    pack: assessment.packId,
    version: assessment.packVersion,
    settings: settings
      ? { hash: settings.hash, name: settings.name ? localized(locale, settings.name) : null }
      : null,
    township: assessment.township,
    assessmentDate: assessment.assessmentDate,
    assessmentYear: assessment.assessmentYear,
    total: { ...assessment.total },
    score: assessment.score,
    scaled: assessment.scaled,
    band: assessment.band.id,
    bandLabel: localized(locale, assessment.band.label),
    eligible: assessment.eligible,
    recognized: assessment.recognized,
    hasVeto: assessment.hasVeto,
    vetoes: assessment.vetoes.map((v) => ({
      itemId: v.itemId,
      title: localized(locale, v.title),
      date: v.date,
      sheet: v.sheet,
      row: v.row,
    })),
    groups: assessment.groups.map((g) => ({
      id: g.groupId,
      title: localized(locale, g.title),
      points: g.points,
      applicable: g.applicable,
      earned: g.earned,
      score: g.score,
    })),
    items: assessment.items.map((i) => ({
      id: i.itemId,
      groupId: i.groupId,
      points: i.points,
      earned: i.earned,
      state: i.state,
      basis: i.basis,
      due: i.due ?? null,
      reason: t(locale, `reason.${i.reason.code}`, i.reason.params),
    })),
    pending: assessment.pending.map((p) => ({
      itemId: p.itemId,
      title: localized(locale, p.title),
      points: p.points,
      due: p.due,
    })),
    declarations: assessment.declarations.map((d) => ({
      ledgerId: d.ledgerId,
      title: localized(locale, d.title),
      reason: d.reason,
      sheet: d.sheet,
      cell: d.cell,
      items: [...d.itemIds],
    })),
    findings: assessment.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      sheet: f.sheet,
      cell: f.cell ?? null,
      itemId: f.itemId ?? null,
      items: f.items ? [...f.items] : f.itemId ? [f.itemId] : [],
      message: findingMessage(locale, f),
    })),
    gaps: assessment.gaps.map((g) => ({
      itemId: g.itemId,
      clause: g.clause,
      title: localized(locale, g.title),
      points: g.points,
      earned: g.earned,
      pointsLost: g.pointsLost,
      criteria: localized(locale, g.criteria),
      owner: g.owner ?? null,
      due: g.due ?? null,
      reason: t(locale, `reason.${g.reason.code}`, g.reason.params),
    })),
  };
}

export const hasErrors = (assessment: Assessment): boolean =>
  assessment.findings.some((f) => f.severity === "error");
