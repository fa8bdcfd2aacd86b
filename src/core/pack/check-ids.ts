import { INFO_INPUTS } from "../snapshot";
import type { PackParts } from "./parts";
import { formatPackPath, problem, type PackPath, type PackProblem, type PackProblemCode } from "./problems";

interface Named {
  id: string;
  path: PackPath;
}

/** Every later use of an id already taken is a problem that points back at the first. */
export function duplicates(
  entries: readonly Named[],
  code: PackProblemCode,
  extra: Readonly<Record<string, string>> = {},
  key: (id: string) => string = (id) => id,
): PackProblem[] {
  const first = new Map<string, PackPath>();
  const out: PackProblem[] = [];
  for (const { id, path } of entries) {
    const seen = first.get(key(id));
    if (seen) out.push(problem(code, path, { ...extra, id, first: formatPackPath(seen) }));
    else first.set(key(id), path);
  }
  return out;
}

const RESERVED_INPUTS: ReadonlySet<string> = new Set(
  Object.values(INFO_INPUTS).map((id) => id.toLowerCase()),
);

/** Inputs become defined names and ledgers table names, which Excel compares without case. */
const excelName = (id: string): string => id.toLowerCase();

/** Ids must be unique where they are looked up: items in the pack, columns in their ledger. */
export function checkIds(parts: PackParts): PackProblem[] {
  const items = parts.groups.flatMap((g) =>
    g.items.map(({ index, value }) => ({ id: value.id, path: ["groups", g.index, "items", index, "id"] })),
  );
  const groups = parts.groups.flatMap((g) => (g.id ? [{ id: g.id, path: ["groups", g.index, "id"] }] : []));
  const ledgers = parts.ledgers.parts.map(({ index, value }) => ({
    id: value.id,
    path: ["ledgers", index, "id"],
  }));
  const inputs = parts.inputs.parts.map(({ index, value }) => ({
    id: value.id,
    path: ["inputs", index, "id"],
  }));
  const bands = parts.bands.parts.map(({ index, value }) => ({
    id: value.id,
    path: ["assessment", "bands", index, "id"],
  }));

  const out = [
    ...duplicates(items, "item.duplicate_id"),
    ...duplicates(groups, "group.duplicate_id"),
    ...duplicates(ledgers, "ledger.duplicate_id", {}, excelName),
    ...duplicates(inputs, "input.duplicate_id", {}, excelName),
    ...duplicates(bands, "band.duplicate_id"),
  ];
  for (const input of inputs) {
    // noMatters_<ledger> holds a ledger's 本评估年度无此类事项 declaration on 基本信息.
    if (RESERVED_INPUTS.has(excelName(input.id)) || excelName(input.id).startsWith("nomatters_"))
      out.push(problem("input.reserved_id", input.path, { id: input.id }));
  }
  for (const { index, value: ledger } of parts.ledgers.parts) {
    const columns = ledger.columns.map((c, i) => ({
      id: c.id,
      path: ["ledgers", index, "columns", i, "id"],
    }));
    out.push(...duplicates(columns, "column.duplicate_id", { ledger: ledger.id }));
  }
  for (const group of parts.groups) {
    for (const { index, value: item } of group.items) {
      item.rules.forEach((rule, r) => {
        if (rule.type !== "requiredReviews") return;
        const reviews = rule.reviews.map((review, i) => ({
          id: review.id,
          path: ["groups", group.index, "items", index, "rules", r, "reviews", i, "id"],
        }));
        for (const p of duplicates(reviews, "review.duplicate_id")) {
          out.push(problem("review.duplicate_id", p.path, { item: item.id, id: String(p.params["id"]) }));
        }
      });
    }
  }
  return out;
}
