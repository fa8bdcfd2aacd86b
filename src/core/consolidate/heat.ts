/**
 * The heat map's colours as static fills, one per score band, so a cell shows the same colour in
 * Excel, LibreOffice, WPS, the preview and the HTML summary (a colour scale is a conditional format
 * that the preview and some hosts do not draw, and that prints as a gradient nobody can read back).
 * Thresholds are the bands of the shipped packs (优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60): a group has no
 * band of its own, so its score is coloured on the same steps as a township's total.
 */
export interface HeatStep {
  /** The lowest score (0..100) this colour is for. */
  min: number;
  /** "#RRGGBB" */
  color: string;
}

/** Highest first; the last step starts at 0. */
export const HEAT_STEPS: readonly HeatStep[] = [
  { min: 90, color: "#63BE7B" },
  { min: 80, color: "#C6E0B4" },
  { min: 60, color: "#FFEB84" },
  { min: 0, color: "#F8696B" },
];

/** The fill of a score cell; null (no fill) where the group does not apply. */
export function heatColor(score: number | null): string | null {
  if (score === null) return null;
  return (HEAT_STEPS.find((s) => score >= s.min) ?? HEAT_STEPS[HEAT_STEPS.length - 1])?.color ?? null;
}
