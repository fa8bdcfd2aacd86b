import type * as ExcelJS from "exceljs";
import { formulasStamp } from "../../src/core/formulas";
import { layoutFor, parseMetaRows, SHEETS } from "../../src/core/layout";
import type { WorkbookFormulas } from "../../src/core/formulas/types";
import { extendTablesOverRows, inspectWorkbook, installPack, recheckAll } from "../../src/excel";
import { currentFormulasStamp, workbookFormulasFor } from "../../src/excel/installFormulas";
import { openXlsxWorkbook } from "../../src/preview/xlsx";
import { FakeExcel } from "../../src/sim";
import { buildTemplate, saveXlsx } from "../../src/xlsx";
import { miniPack } from "../fixtures/miniPack";
import { evaluateTestFormula } from "./formulaEval";
import { testFormulas } from "./formulaSource";
import { townshipPack } from "./helpers";

// Opening a township workbook made by `taizhang init` evaluates every formula in the preview engine.
jest.setTimeout(120_000);

/*
 * A workbook records which formulas it was given (a stamp in its metadata). Another version of
 * Taizhang compiles other formulas, with helpers at other columns: writing its formulas beside the
 * old ones would make the workbook's own 校验 and 自评结果 read the wrong cells in WPS or Excel
 * without the add-in. So 导出 and 扩展表格 write values there, the pane says so, and a reinstall
 * rewrites every formula.
 */

const RESULTS_AREA = "A1:J80";
const DECISIONS = "重大行政决策台账";

function formulaCount(excel: FakeExcel, sheet: string, address = RESULTS_AREA): number {
  return excel
    .formulas(sheet, address)
    .flat()
    .filter((f) => typeof f === "string" && f.startsWith("=")).length;
}

/** The metadata row holding the stamp, 1-based, in a workbook open in the simulator. */
function stampRow(excel: FakeExcel): number {
  const rows = excel.values(SHEETS.meta, "A1:A400");
  return rows.findIndex((r) => r[0] === "formulas") + 1;
}

const SETTINGS = { township: "兴仁镇", assessmentDate: "2018-12-31" };

/** The install the tests below start from: a built-in pack, the stand-in formulas of tests/excel. */
async function installed(formulas = testFormulas) {
  const excel = new FakeExcel({ apiVersion: "1.20", evaluate: evaluateTestFormula });
  const opts = { run: excel.run, runWith: excel.runWith, isSetSupported: excel.isSetSupported };
  await installPack(townshipPack(), { ...opts, formulas, settings: SETTINGS });
  return { excel, opts };
}

describe("the formulas' stamp", () => {
  it("is what `taizhang init` records and what the add-in compiles: one stamp for both writers", () => {
    const wb = buildTemplate(miniPack, { township: "宣和镇", assessmentDate: "2018-12-31" });
    const rows: unknown[][] = [];
    (wb.getWorksheet(SHEETS.meta) as ExcelJS.Worksheet).eachRow((row) =>
      rows.push((row.values as unknown[]).slice(1)),
    );
    expect(parseMetaRows(rows)?.formulas).toBe(currentFormulasStamp(miniPack));
  });

  it("changes with any formula's text or any helper's place, and not for the same pack read again", () => {
    const layout = layoutFor(miniPack);
    const base = testFormulas(miniPack, layout);
    const stamp = formulasStamp(base, layout);
    const reworded: WorkbookFormulas = {
      ...base,
      tables: new Map(
        [...base.tables].map(([key, tf]) => [
          key,
          {
            ...tf,
            rowFormulas: (p) =>
              tf.rowFormulas(p).map((f, i) => (i === 0 ? { ...f, formula: `${f.formula}&""` } : f)),
          },
        ]),
      ),
    };
    expect(formulasStamp(reworded, layout)).not.toBe(stamp);
    expect(formulasStamp(olderFormulas(miniPack, layout), layout)).not.toBe(stamp);
    // Compiled for the pack's own layout (what a workbook calls its sheets does not enter it): reproducible.
    expect(currentFormulasStamp(miniPack)).toBe(currentFormulasStamp(structuredClone(miniPack)));
  });
});

describe("a workbook carrying another version's formulas", () => {
  it("is told apart by the pane and gets 自评结果 as values on 全部重新校验: the same figures, no formulas", async () => {
    // Made by `taizhang init`: the real formulas, evaluated by the preview's engine.
    const wb = buildTemplate(townshipPack(), { township: "宣和镇", assessmentDate: "2018-12-31" });
    const { excel } = await openXlsxWorkbook(await saveXlsx(wb), { apiVersion: "1.14" });
    const opts = { run: excel.run, isSetSupported: excel.isSetSupported };
    expect(await inspectWorkbook(opts)).toMatchObject({ packId: "township-2018", formulasCurrent: true });
    const current = await recheckAll(null, opts);
    expect(formulaCount(excel, SHEETS.results)).toBeGreaterThan(0);
    const figures = excel.values(SHEETS.results, RESULTS_AREA);

    // As another version would have stamped it.
    excel.user.setValues(SHEETS.meta, `C${stampRow(excel)}`, [["0".repeat(64)]]);
    expect(await inspectWorkbook(opts)).toMatchObject({ formulasCurrent: false });
    const other = await recheckAll(null, opts);
    expect(other.assessment.score).toBe(current.assessment.score);
    expect(formulaCount(excel, SHEETS.results)).toBe(0);
    // The values written are the figures the formulas gave.
    expect(excel.values(SHEETS.results, RESULTS_AREA)).toEqual(figures);
  });

  it("is told apart when it records no stamp (made before stamps, or with no formulas)", async () => {
    const { excel, opts } = await installed(workbookFormulasFor);
    expect(await inspectWorkbook(opts)).toMatchObject({ formulasCurrent: true });
    excel.user.setValues(SHEETS.meta, `A${stampRow(excel)}:D${stampRow(excel)}`, [["", "", "", ""]]);
    expect(await inspectWorkbook(opts)).toMatchObject({ formulasCurrent: false });
  });

  it("扩展表格 takes the rows in but writes them no formulas (theirs would read other columns), and says so", async () => {
    const { excel, opts } = await installed(olderFormulas);
    const bottom = (excel.table("TZ_ledger_decisions")?.box.r1 ?? 0) + 1;
    const below = bottom + 2;
    excel.user.setValues(DECISIONS, `A${below}`, [["学校扩建"]]);
    const before = excel.formulas(DECISIONS, `A3:AZ${bottom}`);

    const outcome = await extendTablesOverRows(null, { ...opts, formulas: testFormulas });
    expect(outcome).toMatchObject({ rows: 1, formulasOutdated: true });
    expect(excel.table("TZ_ledger_decisions")?.box.r1).toBe(below - 1);
    expect(formulaCount(excel, DECISIONS, `A${bottom + 1}:AZ${below}`)).toBe(0);
    expect(excel.formulas(DECISIONS, `A3:AZ${bottom}`)).toEqual(before);

    // The same workbook, given the formulas it carries: the rows taken in get them.
    excel.user.setValues(DECISIONS, `A${below + 2}`, [["道路改造"]]);
    const same = await extendTablesOverRows(null, { ...opts, formulas: olderFormulas });
    expect(same).toMatchObject({ rows: 1, formulasOutdated: false });
    expect(formulaCount(excel, DECISIONS, `A${below + 2}:AZ${below + 2}`)).toBe(2);
  });
});

describe("a reinstall over another version's formulas", () => {
  it("rewrites every row's formulas, records the new stamp, and keeps every entry", async () => {
    const { excel, opts } = await installed(olderFormulas);
    const pack = townshipPack();
    excel.user.setValues(DECISIONS, "A3", [["道路改造"]]);
    const entries = excel.values(DECISIONS, "A3:T3");
    const older = excel.formulas(DECISIONS, "A3:AZ3");

    await installPack(pack, { ...opts, formulas: testFormulas, settings: SETTINGS });
    const layout = layoutFor(pack);
    const want = testFormulas(pack, layout)
      .tables.get("ledger:decisions")
      ?.rowFormulas({ row: 2, firstColumn: 0 });
    const now = excel.formulas(DECISIONS, "A3:AZ3")[0] ?? [];
    expect(want?.length).toBeGreaterThan(0);
    for (const f of want ?? []) expect(now[f.offset]).toBe(f.formula);
    expect(now).not.toEqual(older[0]);
    expect(excel.values(DECISIONS, "A3:T3")).toEqual(entries);
    const metaRows = excel.values(SHEETS.meta, "A1:D400");
    expect(parseMetaRows(metaRows)?.formulas).toBe(currentFormulasStamp(pack, testFormulas));
  });
});

/** An "older version" of tests/excel/formulaSource.ts: the same 校验, its helper one column further right. */
function olderFormulas(...args: Parameters<typeof testFormulas>): WorkbookFormulas {
  const formulas = testFormulas(...args);
  return {
    ...formulas,
    tables: new Map(
      [...formulas.tables].map(([key, tf]) => {
        const moved = (offset: number) => (tf.helperOffsets.includes(offset) ? offset + 1 : offset);
        return [
          key,
          {
            ...tf,
            helperOffsets: tf.helperOffsets.map(moved),
            rowFormulas: (p) => tf.rowFormulas(p).map((f) => ({ ...f, offset: moved(f.offset) })),
          },
        ];
      }),
    ),
  };
}
