import { readFileSync } from "node:fs";
import { join } from "node:path";
import { layoutFor } from "../../../src/core/layout/layout";
import { loadPack } from "../../../src/core/pack";
import { workbookFormulas } from "../../../src/core/formulas";
import { shortFindingMessage } from "../../../src/i18n";

// Functions Excel 2010+, WPS and LibreOffice all evaluate (issue 15; design.md §6).
// ROUND and SUM: the score figures on 自评结果 (Excel 2010, WPS and LibreOffice all have them).
// CONCATENATE: the 校验 texts (Excel 2010+ takes 255 arguments; WPS and LibreOffice have it).
// ISERROR: an error typed into a yes/no cell, before it is compared (all three have it).
// ISTEXT: a yes/no cell read as a text first, what nearly every one holds (all three have it).
const ALLOWED = new Set(
  "IF AND OR NOT ISNUMBER ISBLANK ISLOGICAL LEN TRIM T MID LEFT RIGHT LOWER SUBSTITUTE VALUE DATE YEAR MONTH DAY EDATE MATCH COUNTIF COUNTIFS SUMPRODUCT SEARCH FIND IFERROR CHOOSE INDEX EXACT INT MOD MIN MAX CHAR NA N ROUND SUM CONCATENATE ISERROR ISTEXT".split(
    " ",
  ),
);
// Excel's documented limits: https://support.microsoft.com/en-us/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3
const MAX_LENGTH = 8192;
const MAX_NESTING = 64;

/** The formula without its string literals: what the spreadsheet parses as functions and references. */
const code = (formula: string): string => formula.replace(/"(?:[^"]|"")*"/g, '""');

function nesting(formula: string): number {
  let depth = 0;
  let max = 0;
  for (const ch of code(formula)) {
    if (ch === "(") max = Math.max(max, ++depth);
    else if (ch === ")") depth--;
  }
  return max;
}

const packs = ["township-2018.json", "model-unit.json"].map((file) => {
  const result = loadPack(JSON.parse(readFileSync(join(__dirname, "../../../templates", file), "utf8")));
  if (!result.ok) throw new Error(file);
  return { file, pack: result.pack };
});

function allFormulas(file: string): string[] {
  const found = packs.find((p) => p.file === file);
  if (!found) throw new Error(file);
  const { pack } = found;
  const layout = layoutFor(pack);
  const compiled = workbookFormulas(pack, (code, params) => shortFindingMessage("zh-CN", { code, params }));
  const out = compiled.cells.map((c) => c.formula);
  for (const table of layout.tables) {
    const formulas = compiled.tables.get(table.key);
    if (!formulas) continue;
    const rows = table.rows.length > 0 ? table.rows.map((r) => r.itemId) : [undefined];
    for (const itemId of rows) {
      const position = { row: 1048000, firstColumn: 700, ...(itemId ? { itemId } : {}) };
      out.push(...formulas.rowFormulas(position).map((f) => f.formula));
    }
  }
  return out;
}

const longest = Math.max(...packs.flatMap((p) => allFormulas(p.file).map((f) => f.length)));

describe(`generated formulas stay inside what every spreadsheet evaluates (longest: ${longest} characters)`, () => {
  it.each(packs.map((p) => p.file))(
    "%s: every formula is short, shallow, bounded and uses allowed functions",
    (file) => {
      const formulas = allFormulas(file);
      expect(formulas.length).toBeGreaterThan(20);
      for (const formula of formulas) {
        expect(formula.startsWith("=")).toBe(true);
        expect(formula.length).toBeLessThanOrEqual(MAX_LENGTH);
        expect(nesting(formula)).toBeLessThanOrEqual(MAX_NESTING);
        const functions = [...code(formula).matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1]);
        expect(functions.filter((f) => !ALLOWED.has(f ?? ""))).toEqual([]);
        // No whole-column (A:A) or whole-row (1:1) references, no LET/LAMBDA/TEXTJOIN.
        expect(code(formula)).not.toMatch(/(^|[^A-Z0-9$])\$?[A-Z]{1,3}:\$?[A-Z]{1,3}([^A-Z0-9(]|$)/);
        expect(code(formula)).not.toMatch(/(^|[^A-Z0-9$])\$?\d+:\$?\d+/);
        // Parentheses balance.
        expect(nesting(formula + ")".repeat(0))).toBeGreaterThanOrEqual(0);
      }
    },
  );
});

describe("workbookFormulas: one seam for both writers and the differential tests", () => {
  const message = (code: string, params: Readonly<Record<string, string | number | boolean>>) =>
    shortFindingMessage("zh-CN", { code, params });

  it.each(packs.map((p) => p.file))(
    "%s: gives the same formulas every time, placed where the row is",
    (file) => {
      const { pack } = packs.find((p) => p.file === file) ?? packs[0]!;
      const a = workbookFormulas(pack, message);
      const b = workbookFormulas(pack, message);
      const ledger = [...a.tables.keys()].find((k) => k.startsWith("ledger:")) as string;
      const at = (f: typeof a, row: number, firstColumn: number) =>
        f.tables.get(ledger)?.rowFormulas({ row, firstColumn }) ?? [];
      expect(at(a, 9, 0)).toEqual(at(b, 9, 0));
      // The 校验 cell of sheet row 10 reads its own row's helpers; moved two columns right, it follows.
      const check = at(a, 9, 0).find((f) => !a.tables.get(ledger)?.helperOffsets.includes(f.offset));
      expect(check?.formula).toMatch(/^=IF\(\(?[A-Z]+10[&=]/);
      const moved = at(a, 9, 2).find((f) => f.offset === check?.offset);
      expect(moved?.formula).not.toEqual(check?.formula);
      expect(a.cells).toEqual(b.cells);
    },
  );

  it("leaves indicator rows and ledger items' checklist rows as text, and says why", () => {
    const { pack } = packs[0]!;
    const without = workbookFormulas(pack, message).without;
    const ledgerItems = pack.groups.flatMap((g) => g.items).filter((i) => i.kind === "ledger");
    for (const item of ledgerItems)
      expect(without).toContainEqual(expect.objectContaining({ itemId: item.id }));
    expect(without.filter((w) => w.itemId === undefined)).toEqual([]);
  });
});

describe("ledger formulas recalculate in time linear in the rows (issue 15)", () => {
  const message = (code: string, params: Readonly<Record<string, string | number | boolean>>) =>
    shortFindingMessage("zh-CN", { code, params });

  it.each(packs.map((p) => p.file))(
    "%s: a ledger row's formulas read cells of their own row only, and fold each input on its own",
    (file) => {
      const { pack } = packs.find((p) => p.file === file) ?? packs[0]!;
      const compiled = workbookFormulas(pack, message);
      const ledgers = [...compiled.tables.entries()].filter(([k]) => k.startsWith("ledger:"));
      expect(ledgers.length).toBeGreaterThan(3);
      for (const [, table] of ledgers) {
        const row = 5000;
        const formulas = table.rowFormulas({ row: row - 1, firstColumn: 0 }).map((f) => f.formula);
        for (const formula of formulas) {
          // Relative references (not $-anchored 基本信息 cells): this row, never a range of rows.
          const refs = [...code(formula).matchAll(/(^|[^A-Z0-9$!'])([A-Z]{1,3})(\d+)/g)];
          expect(refs.length).toBeGreaterThan(0);
          for (const r of refs) expect(Number(r[3])).toBe(row);
        }
        // Each helper that folds text (drops the invisible characters) reads one input cell, so the
        // fold runs on a short text; no input is folded more than twice.
        const normalising = formulas.filter((f) => f.includes('"\u200b"'));
        expect(normalising.length).toBeGreaterThan(0);
        const folded = normalising.map((f) => new Set(code(f).match(/\b[A-Z]{1,3}5000\b/g)));
        for (const refs of folded) expect(refs.size).toBe(1);
        const times = new Map<string, number>();
        for (const refs of folded) for (const r of refs) times.set(r, (times.get(r) ?? 0) + 1);
        expect(Math.max(...times.values())).toBeLessThanOrEqual(2);
      }
    },
  );
});
