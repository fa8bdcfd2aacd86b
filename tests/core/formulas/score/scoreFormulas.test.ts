import { scoreFormulas } from "../../../../src/core/formulas/score";
import { STATUS_WORDS } from "../../../../src/core/formulas/score/statusWords";
import { layoutFor } from "../../../../src/core/layout/layout";
import { placeTables } from "../../../../src/core/layout/placement";
import { findPack } from "../../../../src/core/pack/builtin";
import type { Pack } from "../../../../src/core/pack/schema";
import { parseStatus } from "../../../../src/core/values/status";

// Functions Excel 2010+, WPS and LibreOffice all evaluate (issue 15); nothing newer may appear.
const ALLOWED = new Set([
  "IF",
  "AND",
  "OR",
  "NOT",
  "SUM",
  "SUMPRODUCT",
  "ROUND",
  "MIN",
  "MAX",
  "LEN",
  "TRIM",
  "LEFT",
  "ISNUMBER",
  "MATCH",
  "SUBSTITUTE",
  "CHAR",
  "YEAR",
  "MONTH",
  "DAY",
  "RIGHT",
  "EXACT",
  "DATE",
  // Counts of records (in the 评估年度, of one kind or answer): bounded ranges, linear in rows.
  "COUNTIFS",
]);
// https://support.microsoft.com/en-us/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3
const MAX_FORMULA_LENGTH = 8192;
const MAX_NESTING = 64;

/** Every option on, so that every kind of formula is generated: veto pieces, record marks, figures. */
function withEveryHelper(pack: Pack) {
  const layout = layoutFor(pack);
  const placements = placeTables(layout);
  const formulas = scoreFormulas(pack, layout, placements, {
    firstHelperOffset: 14,
    vetoDateOffset: 9,
    assessmentDate: "'基本信息'!$D$4",
    assessmentYear: "'基本信息'!$D$20",
    inputNumber: (inputId) => {
      const row = layout.info.rows.find((r) => r.inputId === inputId);
      return row ? `'${layout.info.sheet}'!$D$${row.row}` : undefined;
    },
    inputDate: (inputId) => {
      const row = layout.info.rows.find((r) => r.inputId === inputId && r.type === "date");
      return row ? `'${layout.info.sheet}'!$E$${row.row}` : undefined;
    },
    // Each ledger's date, text and yes/no helpers right of its columns, in column order.
    ledgerDateOffset: (ledgerId, columnId) => ledgerHelper(pack, ledgerId, columnId, 2),
    ledgerTextOffset: (ledgerId, columnId) => ledgerHelper(pack, ledgerId, columnId, 3),
    ledgerYesNoOffset: (ledgerId, columnId) => ledgerHelper(pack, ledgerId, columnId, 4),
    recordMarkOffset: (_itemId, ledgerId) =>
      (pack.ledgers.find((l) => l.id === ledgerId)?.columns.length ?? 0) + 2,
  });
  return { formulas, placements };
}

function ledgerHelper(pack: Pack, ledgerId: string, columnId: string, kind: number): number | undefined {
  const columns = pack.ledgers.find((l) => l.id === ledgerId)?.columns ?? [];
  const index = columns.findIndex((c) => c.id === columnId);
  return index < 0 ? undefined : columns.length + 4 + index * 3 + kind;
}

function allFormulas(pack: Pack): string[] {
  const { formulas, placements } = withEveryHelper(pack);
  const out = formulas.cells.map((c) => c.formula);
  for (const placement of placements) {
    const table = formulas.tables.get(placement.table.key);
    placement.table.rows.forEach((row, i) => {
      const position = { row: placement.firstDataRow + i - 1, firstColumn: 0 };
      for (const f of table?.rowFormulas(row.itemId, position) ?? []) out.push(f.formula);
    });
  }
  return out;
}

const withoutStrings = (formula: string): string => formula.replace(/"(?:[^"]|"")*"/g, '""');

function nesting(formula: string): number {
  let depth = 0;
  let max = 0;
  for (const ch of withoutStrings(formula)) {
    if (ch === "(") max = Math.max(max, ++depth);
    if (ch === ")") depth--;
  }
  return max;
}

describe("score formulas", () => {
  it("know every word the core reads as a status, and each as the same status", () => {
    for (const [status, words] of Object.entries(STATUS_WORDS))
      for (const word of words) expect(parseStatus(word)).toEqual({ ok: true, value: status });
    // Words the core reads that the list lacks would earn points in the pane but not in the sheet.
    for (const word of ["Done", "N/A", "  完成 ", "Not Started"])
      expect(Object.values(STATUS_WORDS).flat()).toContain(word.trim().toLowerCase());
  });

  it.each(["township-2018", "model-unit"])(
    "stay within the shared function set and Excel's limits (%s)",
    (id) => {
      const formulas = allFormulas(findPack(id) as Pack);
      expect(formulas.length).toBeGreaterThan(20);
      let longest = 0;
      for (const formula of formulas) {
        expect(formula.startsWith("=")).toBe(true);
        const code = withoutStrings(formula);
        for (const [, name] of code.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) expect(ALLOWED).toContain(name);
        // Bounded ranges only: no A:A or 1:1 references.
        expect(code).not.toMatch(/(^|[^A-Z$0-9])\$?[A-Z]{1,3}:\$?[A-Z]{1,3}(?![0-9])/);
        expect(formula.length).toBeLessThanOrEqual(MAX_FORMULA_LENGTH);
        expect(nesting(formula)).toBeLessThanOrEqual(MAX_NESTING);
        longest = Math.max(longest, formula.length);
      }
      console.log(`${id}: ${formulas.length} score formulas, longest ${longest} characters`);
    },
  );

  it.each([
    ["township-2018", 29, 29],
    ["model-unit", 111, 111],
  ])("compile %s's items with every helper given (%i of %i)", (id, compiled, items) => {
    const pack = findPack(id) as Pack;
    const { coverage } = withEveryHelper(pack).formulas;
    const layout = layoutFor(pack);
    const bare = scoreFormulas(pack, layout, placeTables(layout), { firstHelperOffset: 14 }).coverage;
    console.log(
      `${id}: items ${coverage.compiled}/${coverage.items} with every helper (${bare.compiled} without), ` +
        `groups ${coverage.groups.compiled}/${coverage.groups.total}, totals ${String(coverage.totals)}, ` +
        `veto status ${String(coverage.vetoStatus)}; not compiled: ` +
        coverage.notCompiled.map((n) => `${n.itemId} (${n.reason})`).join(", "),
    );
    expect([coverage.compiled, coverage.items]).toEqual([compiled, items]);
    // Every group, so the totals, 折算, band (and 认定) on 自评结果 are formulas.
    expect(coverage.groups.compiled).toBe(coverage.groups.total);
    expect(coverage.totals).toBe(true);
    expect(bare.compiled).toBeLessThan(coverage.compiled);
  });

  it("report what is not compiled, and leave the totals alone when a group is incomplete", () => {
    const pack = findPack("township-2018") as Pack;
    const layout = layoutFor(pack);
    const result = scoreFormulas(pack, layout, placeTables(layout), { firstHelperOffset: 14 });
    const reasons = new Map(result.coverage.notCompiled.map((n) => [n.itemId, n.reason]));
    // 二(三)1 is a count typed on 基本信息 (an indicator); 二(一)1 shares 重大行政决策台账 with 二(一)6, 7.
    expect(reasons.get("T2.3.1")).toBe("indicator");
    expect(reasons.get("T2.1.1")).toBe("sharedLedger");
    expect(result.coverage.totals).toBe(false);
    expect(result.cells.some((c) => c.row === 5 && c.column === 1)).toBe(false);
  });
});
