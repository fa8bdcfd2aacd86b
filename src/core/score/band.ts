import type { BandResult } from "../assessment";
import type { Band } from "../pack/schema";

/** The first band (highest first) whose minimum the score reaches; the last band otherwise. */
export function bandFor(score: number, bands: readonly Band[]): BandResult {
  const band = bands.find((b) => score >= b.min) ?? bands[bands.length - 1];
  return band ? { id: band.id, label: band.label } : { id: "none", label: { zh: "—", en: "—" } };
}

/** True when band `id` is `floor` or a higher one (bands are listed highest first). */
export function isAtLeastBand(id: string, floor: string, bands: readonly Band[]): boolean {
  const at = bands.findIndex((b) => b.id === id);
  const limit = bands.findIndex((b) => b.id === floor);
  return at >= 0 && limit >= 0 && at <= limit;
}
