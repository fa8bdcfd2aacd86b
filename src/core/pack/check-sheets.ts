import { SHEETS } from "../layout/layout";
import type { PackParts } from "./parts";
import { formatPackPath, problem, type PackPath, type PackProblem } from "./problems";

const RESERVED: ReadonlySet<string> = new Set(Object.values(SHEETS).map((s) => s.toLowerCase()));

/**
 * Group and ledger sheets share the workbook with Taizhang's own sheets. Excel compares sheet
 * names without case and refuses names that start or end with an apostrophe, or are "History".
 */
export function checkSheets(parts: PackParts): PackProblem[] {
  const sheets: { sheet: string; path: PackPath }[] = [
    ...parts.groups.flatMap((g) => (g.sheet ? [{ sheet: g.sheet, path: ["groups", g.index, "sheet"] }] : [])),
    ...parts.ledgers.parts.map(({ index, value }) => ({
      sheet: value.sheet,
      path: ["ledgers", index, "sheet"],
    })),
  ];
  const out: PackProblem[] = [];
  const first = new Map<string, PackPath>();
  for (const { sheet, path } of sheets) {
    const key = sheet.toLowerCase();
    if (RESERVED.has(key)) {
      out.push(problem("sheet.reserved", path, { sheet }));
      continue;
    }
    if (/^'|'$/.test(sheet) || key === "history") out.push(problem("sheet.invalid_name", path, { sheet }));
    const seen = first.get(key);
    if (seen) out.push(problem("sheet.duplicate", path, { sheet, first: formatPackPath(seen) }));
    else first.set(key, path);
  }
  return out;
}
