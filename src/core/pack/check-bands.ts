import type { PackParts } from "./parts";
import { problem, type PackProblem } from "./problems";

/** Bands are read top down: each threshold below the one before, the last catching everything. */
export function checkBands(parts: PackParts): PackProblem[] {
  if (!parts.bands.complete) return [];
  const out: PackProblem[] = [];
  const bands = parts.bands.parts;
  bands.forEach(({ index, value }, i) => {
    const previous = bands[i - 1];
    if (previous && value.min >= previous.value.min) {
      out.push(
        problem("band.not_descending", ["assessment", "bands", index, "min"], {
          id: value.id,
          min: value.min,
          previous: previous.value.min,
        }),
      );
    }
  });
  const last = bands[bands.length - 1];
  if (last && last.value.min !== 0) {
    out.push(
      problem("band.last_not_zero", ["assessment", "bands", last.index, "min"], {
        id: last.value.id,
        min: last.value.min,
      }),
    );
  }
  return out;
}
