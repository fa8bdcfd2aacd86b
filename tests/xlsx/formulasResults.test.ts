import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { findPack } from "../../src/core/pack";
import type { Pack } from "../../src/core/pack/schema";
import { columnLetter } from "../../src/core/layout/layout";
import { Recalculation } from "../../src/formula";
import { workbookFromXlsx } from "../../src/formula/xlsx";
import { formulasFor } from "../../src/xlsx";
import { cli, tempDir } from "../cli/helpers";

const RESULTS = "自评结果";

describe("taizhang init: 自评结果's compiled figures are formulas beside the labels", () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it.each(["township-2018", "model-unit"])("%s", async (id) => {
    const out = tmp.path(`${id}.xlsx`);
    const run = await cli(["init", "--pack", id, "--township", "甲镇", "--date", "2018-12-31", "-o", out]);
    expect(run.code).toBe(0);
    const bytes = readFileSync(out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet(RESULTS);
    if (!sheet) throw new Error("no 自评结果");
    const cells = formulasFor(findPack(id) as Pack).cells.filter((c) => c.sheet === RESULTS);
    expect(cells.length).toBeGreaterThan(4);
    // The JS engine recalculates the file as a spreadsheet would on open (fullCalcOnLoad).
    const calc = new Recalculation(workbookFromXlsx(new Uint8Array(bytes)));
    for (const cell of cells) {
      const target = sheet.getCell(cell.row + 1, cell.column + 1);
      expect(target.formula).toBe(cell.formula.slice(1));
      // The value written with it is the core's (`taizhang check`'s) figure for the blank workbook,
      // and the spreadsheet computes the same.
      expect(target.result).not.toBeUndefined();
      const address = `${columnLetter(cell.column)}${cell.row + 1}`;
      expect(calc.value(RESULTS, address)).toEqual(target.result);
    }
    // The labels the add-in writes are there too: the group rows' names stay text.
    const labelOf = (row: number) => sheet.getCell(row + 1, 1).value;
    for (const cell of cells) expect(typeof labelOf(cell.row)).toBe("string");
  });
});
