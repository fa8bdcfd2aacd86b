import { workbookFormulas } from "../../src/core/formulas";
import { layoutFor, WORKBOOK_LOCALE } from "../../src/core/layout";
import { columnLetter } from "../../src/core/layout/layout";
import { installPack, recheckAll } from "../../src/excel";
import { shortFindingMessage } from "../../src/i18n";
import { FakeExcel } from "../../src/sim";
import { townshipPack } from "./helpers";

const RESULTS = "自评结果";

function host() {
  const excel = new FakeExcel({ apiVersion: "1.20" });
  const opts = { run: excel.run, runWith: excel.runWith, isSetSupported: excel.isSetSupported };
  return { excel, opts };
}

/** What the core compiles for 自评结果 of the pack (the oracle: the compiler, not the adapter). */
function compiledResultCells() {
  const pack = townshipPack();
  const formulas = workbookFormulas(
    pack,
    (code, params) => shortFindingMessage(WORKBOOK_LOCALE, { code, params }),
    layoutFor(pack),
  );
  return {
    cells: formulas.cells.filter((c) => c.sheet === RESULTS),
    totals: formulas.score?.totals ?? false,
  };
}

const a1 = (row: number, column: number) => `${columnLetter(column)}${row + 1}`;

describe("自评结果's compiled figures are formulas the add-in never overwrites with numbers", () => {
  it("install writes them; 全部重新校验 rewrites the sheet and keeps them formulas", async () => {
    const { excel, opts } = host();
    const { cells, totals } = compiledResultCells();
    expect(cells.length).toBeGreaterThan(4);
    await installPack(townshipPack(), {
      ...opts,
      settings: { township: "兴仁镇", assessmentDate: "2018-12-31" },
    });
    for (const cell of cells)
      expect(excel.formulas(RESULTS, a1(cell.row, cell.column))).toEqual([[cell.formula]]);

    excel.user.setValues(RESULTS, a1(cells[0]?.row ?? 0, cells[0]?.column ?? 0), [[123]]);
    await recheckAll(null, opts);
    for (const cell of cells)
      expect(excel.formulas(RESULTS, a1(cell.row, cell.column))).toEqual([[cell.formula]]);
    // Every item of the shipped pack compiles, so the 折算 score (B6) is one of them: a formula
    // that 全部重新校验 leaves in place rather than a number it writes.
    expect(totals).toBe(true);
    expect(cells.some((c) => c.row === 5 && c.column === 1)).toBe(true);
    expect(String(excel.formulas(RESULTS, "B6")[0]?.[0] ?? "")).toMatch(/^=/);
  });
});
