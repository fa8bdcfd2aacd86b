/**
 * The preview's formula cells: computed once per change to the workbook, and a filled-down
 * formula parsed once yet read at each row (hand-computed values as the oracle).
 */
import { shapeOf, withFormulaEngine } from "../../src/preview/formulaValues";
import { FakeExcel, WorkbookModel } from "../../src/sim";

const box = (r0: number, c0: number, r1: number, c1: number) => ({ r0, c0, r1, c1 });

describe("preview formula values", () => {
  // Excel: a reference to a formula that returns "" gives that empty text, a reference to an empty
  // cell gives blank (0 where a number is wanted). Range.values shows both as "", so the preview
  // must not take one for the other: the 校验 helpers cut a row's inputs out as "" and compare them.
  // https://support.microsoft.com/office/display-or-hide-zero-values-3ec7a433-46b8-4516-8085-a00e9e476b03
  it("reads a formula's empty text as text, an empty cell as blank", () => {
    const model = new WorkbookModel(["S"]);
    withFormulaEngine(new FakeExcel({ model }));
    const s = model.requireSheet("S");
    model.setFormulas(s, box(0, 0, 0, 4), [
      ['=TRIM(MID("",1,1))', "=IF(FALSE,1,A1)", '=A1&"|"', "=IF(FALSE,1,Z9)", "=ISTEXT(A1)"],
    ]);
    expect(model.readValues(s, box(0, 0, 0, 4))).toEqual([["", "", "|", 0, true]]);
  });

  it("shows each row's own result for a filled-down formula and follows every write", () => {
    const model = new WorkbookModel(["S", "T"]);
    withFormulaEngine(new FakeExcel({ model }));
    const s = model.requireSheet("S");
    model.setValues(s, box(0, 0, 2, 0), [[1], [2], [3]]);
    model.setValues(model.requireSheet("T"), box(0, 0, 0, 0), [[100]]);
    model.setFormulas(s, box(0, 1, 2, 1), [["=A1*10+$A$1"], ["=A2*10+$A$1"], ["=A3*10+$A$1"]]);
    model.setFormulas(s, box(0, 2, 0, 2), [["=SUM(B1:B3)+T!A1"]]);
    expect(model.readValues(s, box(0, 1, 2, 2))).toEqual([
      [11, 163],
      [21, ""],
      [31, ""],
    ]);
    // A read at the same revision reuses results; a write anywhere is seen by the next read.
    const revision = model.revision;
    expect(model.readValues(s, box(0, 2, 0, 2))).toEqual([[163]]);
    expect(model.revision).toBe(revision);
    model.setValues(s, box(0, 0, 0, 0), [[2]]);
    expect(model.readValues(s, box(0, 1, 2, 2))).toEqual([
      [22, 176],
      [22, ""],
      [32, ""],
    ]);
    model.setValues(model.requireSheet("T"), box(0, 0, 0, 0), [[0]]);
    expect(model.readValues(s, box(0, 2, 0, 2))).toEqual([[76]]);
    model.deleteRows(s, 1, 1);
    // B2 now holds the old B3 (=A2*10+$A$1 after the move), C1 sums what is left of B1:B3.
    expect(model.readValues(s, box(0, 1, 1, 2))).toEqual([
      [22, 54],
      [32, ""],
    ]);
  });

  it("gives moved copies of a formula one shape, and different formulas different ones", () => {
    // The second is the first filled 4 rows down and 1 column right.
    const first = `A1*$B$2+'x y'!C$3&"A1"&SUM(C4:$D9)`;
    const moved = `B5*$B$2+'x y'!D$3&"A1"&SUM(D8:$D13)`;
    expect(shapeOf(moved, 4, 1)).toBe(shapeOf(first, 0, 0));
    expect(shapeOf(first, 4, 1)).not.toBe(shapeOf(first, 0, 0));
    expect(shapeOf(first.replace("$B$2", "$B$3"), 0, 0)).not.toBe(shapeOf(first, 0, 0));
    // Quoted text is not a reference.
    expect(shapeOf('"A1"&A1', 0, 0)).not.toBe(shapeOf('"A2"&A2', 1, 0));
  });
});
