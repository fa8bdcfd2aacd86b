import { ExcelAdapterError, extendTablesOverRows, installPack, startLiveValidation } from "../../src/excel";
import { FakeExcel } from "../../src/sim";
import { evaluateTestFormula } from "./formulaEval";
import { testFormulas } from "./formulaSource";
import { townshipPack, withNewItems } from "./helpers";

const G21 = "二(一)依法决策";
const DECISIONS = "重大行政决策台账";
const check = (row: number) => `=IF(LEN(TRIM(E${row}))=0,"","✓")`;

function host(apiVersion = "1.20") {
  const excel = new FakeExcel({ apiVersion, evaluate: evaluateTestFormula });
  const opts = { run: excel.run, runWith: excel.runWith, isSetSupported: excel.isSetSupported };
  const install = (pack = townshipPack()) =>
    installPack(pack, {
      ...opts,
      formulas: testFormulas,
      settings: { township: "兴仁镇", assessmentDate: "2018-12-31" },
    });
  return { excel, opts, install };
}

/** The 0-based last data row of a table. */
const bottomOf = (excel: FakeExcel, table: string) => excel.table(table)?.box.r1 ?? -1;

describe("install writes the workbook's formulas", () => {
  it("gives every data row its 校验 formula and hidden ';;;' helper, in ≤ 3 syncs and one undo step", async () => {
    const { excel, install } = host();
    const summary = await install();
    expect(summary.syncs).toBeLessThanOrEqual(3);
    expect(excel.undoSteps).toBe(1);
    const last = bottomOf(excel, "TZ_checklist_G2_1") + 1;
    expect(last).toBeGreaterThan(3);
    for (let row = 3; row <= last; row++) {
      expect(excel.formulas(G21, `J${row}`)).toEqual([[check(row)]]);
      // The helper goes right of the table's 11 columns (A–K): column L.
      expect(excel.formulas(G21, `L${row}`)).toEqual([[`=LEN(E${row})`]]);
      expect(excel.cell(G21, `L${row}`)?.numberFormat).toBe(";;;");
    }
    expect(excel.model.requireSheet(G21).hiddenColumns.has(11)).toBe(true);
    // Not one row past the table.
    expect(excel.formulas(G21, `J${last + 1}`)).toEqual([[""]]);
    // A ledger's one blank row gets its formula too (校验 is its 21st column, U).
    expect(excel.formulas(DECISIONS, "U3")).toEqual([['=IF(LEN(TRIM(A3))=0,"","✓")']]);
  });

  it("leaves the row to the workbook: an edit shows ✓ in 校验 with no write by the add-in", async () => {
    const { excel, opts, install } = host();
    await install();
    await startLiveValidation(null, { ...opts, onResult: () => undefined, schedule: () => () => undefined });
    const writes = excel.writes;
    excel.user.setValues(G21, "E4", [["完成"]]);
    await excel.settle();
    expect(excel.value(G21, "J4")).toBe("✓");
    expect(excel.writes).toBe(writes);
  });

  it("on upgrade gives an overwritten 校验 its formula back and never touches an entry", async () => {
    const { excel, install } = host();
    await install();
    excel.user.setValues(G21, "J4", [["我改的"]]);
    excel.user.setValues(G21, "E5:H5", [["完成", "2018-05-01", "会议纪要", "张三"]]);
    const summary = await install(withNewItems(townshipPack(), "1.1.0"));
    expect(summary.syncs).toBeLessThanOrEqual(3);
    expect(excel.formulas(G21, "J4:J5")).toEqual([[check(4)], [check(5)]]);
    expect(excel.value(G21, "E5")).toBe("完成");
    expect(excel.value(G21, "H5")).toBe("张三");
    // The item the new version added (appended to the table) has its formulas.
    const last = bottomOf(excel, "TZ_checklist_G2_1") + 1;
    expect(excel.formulas(G21, `J${last}`)).toEqual([[check(last)]]);
    expect(excel.formulas(G21, `L${last}`)).toEqual([[`=LEN(E${last})`]]);
  });

  it("refuses, naming the cell, when a helper cell holds something a person typed, and changes nothing", async () => {
    const { excel, install } = host();
    await install();
    excel.user.setValues(G21, "L5", [["我的备忘"]]);
    const writes = excel.writes;
    const error = await install(withNewItems(townshipPack(), "1.1.0")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelAdapterError);
    expect(error).toMatchObject({ code: "excel.error.helperCellTaken", params: { cell: `${G21}!L5` } });
    expect(excel.writes).toBe(writes);
    expect(excel.value(G21, "L5")).toBe("我的备忘");
  });

  it("扩展表格 gives the records it takes in their formulas", async () => {
    const { excel, opts, install } = host();
    await install();
    const bottom = bottomOf(excel, "TZ_ledger_decisions") + 1;
    // Records typed below the table after a blank row (as LibreOffice or WPS leave them).
    excel.user.setValues(DECISIONS, `A${bottom + 2}:A${bottom + 3}`, [["学校扩建"], ["道路改造"]]);
    const outcome = await extendTablesOverRows(null, { ...opts, formulas: testFormulas });
    expect(outcome.rows).toBe(2);
    const rows = [bottom + 1, bottom + 2, bottom + 3];
    expect(excel.formulas(DECISIONS, `U${rows[0]}:U${rows[2]}`)).toEqual(
      rows.map((r) => [`=IF(LEN(TRIM(A${r}))=0,"","✓")`]),
    );
    expect(excel.values(DECISIONS, `U${rows[1]}:U${rows[2]}`)).toEqual([["✓"], ["✓"]]);
  });
});
