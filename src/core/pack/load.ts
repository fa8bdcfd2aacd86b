import { checkBands } from "./check-bands";
import { checkLedgerColumns } from "./check-columns";
import { checkDates } from "./check-dates";
import { checkIds } from "./check-ids";
import { checkItems } from "./check-items";
import { checkPoints } from "./check-points";
import { checkReferences } from "./check-references";
import { checkSheets } from "./check-sheets";
import { partsOfPack, salvageParts, type PackParts } from "./parts";
import { problem, type PackLoadResult, type PackProblem } from "./problems";
import { Pack } from "./schema";
import { unknownKeys } from "./unknown-keys";
import { problemsFromZod } from "./zod-issues";

const CHECKS: readonly ((parts: PackParts) => PackProblem[])[] = [
  checkIds,
  checkSheets,
  checkBands,
  checkLedgerColumns,
  checkDates,
  checkItems,
  checkPoints,
  checkReferences,
];

/**
 * Validates pack data (parsed JSON or YAML) and returns the typed pack, or every problem found,
 * each with its path: shape problems from the schema, and meaning problems (duplicate ids, unknown
 * columns, misplaced rules, …) on every piece that has the right shape.
 */
export function loadPack(data: unknown): PackLoadResult {
  const parsed = Pack.safeParse(data, { reportInput: true });
  const problems: PackProblem[] = [];
  let parts: PackParts;
  if (parsed.success) {
    parts = partsOfPack(parsed.data, data);
  } else {
    problems.push(...problemsFromZod(parsed.error.issues));
    parts = salvageParts(data);
    problems.push(...unknownTopLevelKeys(data));
  }
  for (const piece of parts.parsedPieces) problems.push(...unknownKeys(piece.raw, piece.parsed, piece.path));
  for (const check of CHECKS) problems.push(...check(parts));
  if (parsed.success && problems.length === 0) return { ok: true, pack: parsed.data };
  return { ok: false, problems };
}

function unknownTopLevelKeys(data: unknown): PackProblem[] {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return [];
  return Object.keys(data)
    .filter((key) => !(key in Pack.shape))
    .map((key) => problem("schema.unknown_key", [key], { key }));
}
