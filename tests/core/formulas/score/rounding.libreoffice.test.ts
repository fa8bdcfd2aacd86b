import ExcelJS from "exceljs";
import { roundFormula } from "../../../../src/core/formulas/score/refs";
import { roundTo } from "../../../../src/core/score/round";
import { seededRandom } from "../../../support/townshipSnapshot";
import { cachedFormulaValues } from "./cachedValues";
import { haveSoffice, recalcWithLibreOffice } from "./recalc";

/**
 * Values whose rounding is decided by float noise or by the tie rule: 2.675 and 1.005 sit just below
 * the half in binary, 14.2499999999 is what a division can leave for 14.25, 0.285 × 100 lands on
 * 28.499999999999996. The core rounds them up (round.ts cuts the noise at 1e-6 first).
 */
const EDGES: readonly [number, number][] = [
  [2.675, 2],
  [1.005, 2],
  [14.2499999999, 1],
  [14.25, 1],
  [0.285 * 100, 0],
  [89.95, 1],
  [59.95, 1],
  [8.345, 2],
  [0.125, 2],
  [100 / 3, 1],
  [12345.675, 2],
  [0, 1],
  [4.35 * 3, 2],
];

(haveSoffice ? describe : describe.skip)("rounding in the score formulas equals the core's roundTo", () => {
  it("on edge values and on 实得 / 应得 × 100 for random point sums, in LibreOffice", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("r");
    const want: { row: number; value: number; what: string }[] = [];
    let row = 1;
    for (const [value, digits] of EDGES) {
      ws.getCell(row, 1).value = value;
      ws.getCell(row, 3).value = { formula: roundFormula(`A${row}`, digits) } as ExcelJS.CellFormulaValue;
      want.push({ row, value: roundTo(value, digits), what: `round(${value}, ${digits})` });
      row++;
    }
    // Point sums as the sheets hold them (two decimals, quarters and halves common).
    const random = seededRandom(15);
    for (let i = 0; i < 400; i++) {
      const applicable = Math.round(random() * 4000) / 40;
      const earned = Math.round(random() * applicable * 40) / 40;
      if (applicable <= 0) continue;
      ws.getCell(row, 1).value = earned;
      ws.getCell(row, 2).value = applicable;
      ws.getCell(row, 3).value = {
        formula: roundFormula(`A${row}/B${row}*100`, 1),
      } as ExcelJS.CellFormulaValue;
      want.push({ row, value: roundTo((earned / applicable) * 100, 1), what: `${earned}/${applicable}` });
      row++;
    }
    const [out] = recalcWithLibreOffice([new Uint8Array(await wb.xlsx.writeBuffer())]);
    const cells = cachedFormulaValues(out as Uint8Array).get("r");
    const differences = want.filter((w) => cells?.get(`C${w.row}`) !== w.value).map((w) => w.what);
    expect(differences).toEqual([]);
    expect(want.length).toBeGreaterThan(400);
  }, 60_000);
});
