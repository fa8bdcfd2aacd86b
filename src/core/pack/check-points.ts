import type { PackParts } from "./parts";
import { problem, type PackPath, type PackProblem } from "./problems";

// Points are typed in halves and tenths; sums compare after rounding off float noise.
const same = (a: number, b: number): boolean => Math.abs(a - b) < 1e-6;

/**
 * Points add up the way a reviewer adds them: the items' 分值 sum to the pack's total exactly,
 * veto conditions carry none, the pass band is one of the bands, and every local choice says why.
 */
export function checkPoints(parts: PackParts): PackProblem[] {
  const out: PackProblem[] = [];
  let sum = 0;
  for (const group of parts.groups) {
    for (const { index, value: item } of group.items) {
      if (item.kind !== "veto") sum += item.points;
      else if (item.points !== 0) {
        out.push(
          problem("item.veto_points", ["groups", group.index, "items", index, "points"], {
            item: item.id,
            points: item.points,
          }),
        );
      }
      item.rules.forEach((rule, r) => {
        if (rule.basis === "local" && !rule.note) {
          out.push(problem("basis.local_without_note", ["groups", group.index, "items", index, "rules", r]));
        }
      });
    }
  }
  const complete = parts.groups.every((g) => g.complete);
  if (complete && parts.total !== undefined && !same(sum, parts.total)) {
    out.push(
      problem("points.sum_mismatch", ["assessment", "total"], {
        sum: Math.round(sum * 100) / 100,
        total: parts.total,
      }),
    );
  }
  if (parts.passBand !== undefined && parts.bands.complete) {
    if (!parts.bands.parts.some((b) => b.value.id === parts.passBand)) {
      const path: PackPath = ["assessment", "passBand"];
      out.push(problem("band.pass_unknown", path, { band: parts.passBand }));
    }
  }
  return out;
}
