import type { Assessment } from "../core/assessment";
import type { Severity } from "../core/findings";
import { findingMessage, localized, t, type Locale } from "../i18n";

/**
 * The documented, stable output of `taizhang check --json` (issue 5). Keys never change meaning;
 * new keys may be added. Texts (titles, messages, bandLabel) follow --lang; codes and ids do not.
 */
export interface CheckJson {
  pack: string;
  version: string;
  township: string;
  /** ISO date or null when 评估基准日 is missing or unreadable. */
  assessmentDate: string | null;
  /** 0..100, one decimal. */
  score: number;
  /** Band id from the pack, e.g. "excellent"; bandLabel is its text. */
  band: string;
  bandLabel: string;
  eligible: boolean;
  vetoes: { itemId: string; title: string; date: string; sheet: string; row: number }[];
  groups: { id: string; title: string; score: number | null }[];
  findings: {
    code: string;
    severity: Severity;
    sheet: string;
    /** A1 address, or null when the finding is about a whole table or sheet. */
    cell: string | null;
    itemId: string | null;
    message: string;
  }[];
  gaps: {
    itemId: string;
    clause: string;
    title: string;
    pointsLost: number;
    owner: string | null;
    /** ISO date or null. */
    due: string | null;
    reason: string;
  }[];
}

export function checkJson(assessment: Assessment, locale: Locale): CheckJson {
  return {
    pack: assessment.packId,
    version: assessment.packVersion,
    township: assessment.township,
    assessmentDate: assessment.assessmentDate,
    score: assessment.score,
    band: assessment.band.id,
    bandLabel: localized(locale, assessment.band.label),
    eligible: assessment.eligible,
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
      score: g.score,
    })),
    findings: assessment.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      sheet: f.sheet,
      cell: f.cell ?? null,
      itemId: f.itemId ?? null,
      message: findingMessage(locale, f),
    })),
    gaps: assessment.gaps.map((g) => ({
      itemId: g.itemId,
      clause: g.clause,
      title: localized(locale, g.title),
      pointsLost: g.pointsLost,
      owner: g.owner ?? null,
      due: g.due ?? null,
      reason: t(locale, `reason.${g.reason.code}`, g.reason.params),
    })),
  };
}

export const hasErrors = (assessment: Assessment): boolean =>
  assessment.findings.some((f) => f.severity === "error");
