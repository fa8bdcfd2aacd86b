/**
 * Round half up to `digits` decimals, as a reviewer does by hand: 14.25 → 14.3 even when the
 * division behind it lands on 14.2499999999 (the float noise is cut at 1e-6 first).
 */
export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(Number((value * factor).toFixed(6))) / factor;
}

/** Points as a reviewer writes them: at most two decimals, no trailing zeros (4.5, 2.25, 100). */
export function formatPoints(value: number): string {
  return String(roundTo(value, 2));
}
