import { canonicalJson } from "./canonical";
import type { Item, Pack } from "./schema";

/**
 * One way a workbook's own pack differs from the coordinator's copy, as data (text from i18n by
 * code). `subject` is an item id, a ledger id, or the assessment setting that differs.
 */
export interface PackDifference {
  code:
    | "packDiff.total"
    | "packDiff.bands"
    | "packDiff.passBand"
    | "packDiff.vetoWindow"
    | "packDiff.itemAdded"
    | "packDiff.itemRemoved"
    | "packDiff.points"
    | "packDiff.criteria"
    | "packDiff.rules"
    | "packDiff.scoring"
    | "packDiff.kind"
    | "packDiff.due"
    | "packDiff.ledger";
  subject: string;
  /** The coordinator's value, then the workbook's, when they are short enough to show. */
  expected?: string;
  actual?: string;
}

/**
 * What scores differently under `actual` (a workbook's own pack) than under `expected` (the
 * coordinator's): assessment settings, then items in the coordinator's order, then items only the
 * workbook has, then ledgers. Titles and help texts are not differences: they score the same.
 */
export function diffPacks(expected: Pack, actual: Pack): PackDifference[] {
  const out: PackDifference[] = [];
  const a = expected.assessment;
  const b = actual.assessment;
  if (a.total !== b.total) out.push(value("packDiff.total", "total", a.total, b.total));
  const bandsText = (p: Pack) => p.assessment.bands.map((band) => `${band.id}≥${band.min}`).join(" ");
  if (bandsText(expected) !== bandsText(actual))
    out.push(value("packDiff.bands", "bands", bandsText(expected), bandsText(actual)));
  if (a.passBand !== b.passBand) out.push(value("packDiff.passBand", "passBand", a.passBand, b.passBand));
  if (a.vetoWindowYears !== b.vetoWindowYears)
    out.push(value("packDiff.vetoWindow", "vetoWindowYears", a.vetoWindowYears, b.vetoWindowYears));

  const theirs = itemsById(actual);
  const ours = itemsById(expected);
  for (const [id, item] of ours) {
    const other = theirs.get(id);
    if (!other) out.push({ code: "packDiff.itemRemoved", subject: id });
    else out.push(...diffItem(item, other));
  }
  for (const id of theirs.keys()) if (!ours.has(id)) out.push({ code: "packDiff.itemAdded", subject: id });

  const ledgers = new Map(actual.ledgers.map((l) => [l.id, l]));
  for (const ledger of expected.ledgers) {
    const other = ledgers.get(ledger.id);
    const shape = (l: typeof ledger) => canonicalJson(l.columns.map((c) => [c.id, c.type, c.values ?? []]));
    if (!other || shape(ledger) !== shape(other)) out.push({ code: "packDiff.ledger", subject: ledger.id });
  }
  return out;
}

function diffItem(ours: Item, theirs: Item): PackDifference[] {
  const id = ours.id;
  const out: PackDifference[] = [];
  if (ours.kind !== theirs.kind) out.push(value("packDiff.kind", id, ours.kind, theirs.kind));
  if (ours.points !== theirs.points) out.push(value("packDiff.points", id, ours.points, theirs.points));
  if (canonicalJson(ours.criteria) !== canonicalJson(theirs.criteria))
    out.push({ code: "packDiff.criteria", subject: id });
  if (canonicalJson(ours.rules) !== canonicalJson(theirs.rules))
    out.push({ code: "packDiff.rules", subject: id });
  if (canonicalJson(ours.scoring ?? null) !== canonicalJson(theirs.scoring ?? null))
    out.push({ code: "packDiff.scoring", subject: id });
  if (canonicalJson(ours.due ?? null) !== canonicalJson(theirs.due ?? null))
    out.push({ code: "packDiff.due", subject: id });
  return out;
}

function value(
  code: PackDifference["code"],
  subject: string,
  expected: string | number,
  actual: string | number,
): PackDifference {
  return { code, subject, expected: String(expected), actual: String(actual) };
}

function itemsById(pack: Pack): Map<string, Item> {
  return new Map(pack.groups.flatMap((g) => g.items.map((item) => [item.id, item] as const)));
}
