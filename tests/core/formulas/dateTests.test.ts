import { compactDateTests, foldedDateBounds } from "../../../src/core/formulas/dateTests";
import { or } from "../../../src/core/formulas/expr";
import { Recalculation, type CellValue, type WorkbookModel } from "../../../src/formula";

// What a date helper holds: a serial, "" (blank), "I" (no date), "P" (no such day).
const HELPER_VALUES: CellValue[] = [43000, 43005, 43010, "", "I", "P"];
const DATES = new Set(["A1", "B1", "C1", "D1"]);

/** Every assignment of helper values to A1–D1, and a yes/no answer in X1. */
function* assignments(): Generator<Map<string, CellValue>> {
  for (const a of HELPER_VALUES)
    for (const b of HELPER_VALUES)
      for (const c of HELPER_VALUES)
        for (const d of [43003, ""] as CellValue[])
          for (const x of [1, 0] as CellValue[])
            yield new Map([
              ["A1", a],
              ["B1", b],
              ["C1", c],
              ["D1", d],
              ["X1", x],
            ]);
}

/** The formula's value with the cells set, by the workbook formula engine. */
function value(formula: string, cells: Map<string, CellValue>): CellValue {
  const book: WorkbookModel = {
    sheets: new Map([["S", { cells: new Map([...cells].map(([a, v]) => [a, { value: v }])) }]]),
    names: [],
  };
  return new Recalculation(book).evaluate(`=${formula}`, "S", "Z9");
}

describe("date tests read as MAX(date)>bound", () => {
  it("keep the truth of AND(ISNUMBER(a),ISNUMBER(b),a>b) for every helper value, with other conditions kept", () => {
    const original =
      "OR(AND(X1=1,ISNUMBER(A1),ISNUMBER(B1),NOT(ISNUMBER(C1)),A1>B1),NOT(AND(ISNUMBER(C1),ISNUMBER(B1),C1>B1)))";
    const compact = compactDateTests(original, DATES);
    expect(compact).toBe("OR(AND(X1=1,NOT(ISNUMBER(C1)),MAX(A1)>B1),NOT(MAX(C1)>B1))");
    for (const cells of assignments()) expect(value(compact, cells)).toBe(value(original, cells));
  });

  it("leave a comparison alone when a side is no date helper or its ISNUMBER test is missing", () => {
    expect(compactDateTests("AND(ISNUMBER(N1),ISNUMBER(B1),N1>B1)", DATES)).toBe(
      "AND(ISNUMBER(N1),ISNUMBER(B1),N1>B1)",
    );
    // Without ISNUMBER(a), a text a is "after" any date: the comparison stays as written.
    expect(compactDateTests("AND(X1=1,ISNUMBER(B1),A1>B1)", DATES)).toBe("AND(X1=1,ISNUMBER(B1),A1>B1)");
  });

  it("join the tests against one bound exactly: the joined MAX holds exactly when one of them does", () => {
    const whens = ["MAX(A1)>D1", "MAX(B1)>D1", "MAX(C1)>D1", "X1=0"];
    const folded = foldedDateBounds(whens, DATES, true);
    expect(folded).toEqual(["X1=0", "MAX(A1,B1,C1)>D1"]);
    for (const cells of assignments()) expect(value(or(...folded), cells)).toBe(value(or(...whens), cells));
  });

  it("for the error gate, join tests inside a wider condition too: the gate holds whenever one of them does", () => {
    const whens = ["AND(X1=1,MAX(A1)>D1)", "AND(X1=1,MAX(B1)>D1)", "AND(NOT(ISNUMBER(C1)),MAX(A1)>B1)"];
    expect(foldedDateBounds(whens, DATES, true)).toEqual(whens);
    const gate = or(...foldedDateBounds(whens, DATES, false));
    expect(gate).toBe("OR(MAX(A1,B1)>D1,MAX(A1)>B1)");
    let opened = 0;
    let kept = 0;
    for (const cells of assignments()) {
      const any = value(or(...whens), cells);
      const open = value(gate, cells);
      if (any === true) expect(open).toBe(true);
      if (open === true) opened++;
      if (open === false) kept++;
    }
    // It still tells most clean rows apart: a record whose dates are in order keeps it shut.
    expect(kept).toBeGreaterThan(0);
    expect(opened).toBeGreaterThan(0);
  });
});
