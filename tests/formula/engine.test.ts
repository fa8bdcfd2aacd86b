/**
 * The engine's own behaviour, without LibreOffice: recalculation order, cycles, long chains,
 * filled-down formulas, names, and values Microsoft documents with examples (the oracle here).
 */
import {
  ERR,
  isError,
  Recalculation,
  recalculate,
  type CellInput,
  type CellValue,
  type WorkbookModel,
} from "../../src/formula";
import { shiftFormula } from "../../src/formula/translate";

const book = (
  sheets: Record<string, Record<string, CellInput>>,
  names?: WorkbookModel["names"],
): WorkbookModel => ({
  sheets: new Map(Object.entries(sheets).map(([n, cells]) => [n, { cells: new Map(Object.entries(cells)) }])),
  names,
});
const f = (formula: string): CellInput => ({ formula });
const v = (value: CellValue): CellInput => ({ value });

describe("recalculation", () => {
  it("computes a formula that reads a formula cell written after it", () => {
    const { values } = recalculate(book({ S: { A1: f("B5*2"), B5: f("C9+4"), C9: v(3) } }));
    expect(values.get("S")?.get("A1")).toBe(14);
  });

  it("gives a cycle an error value and reports it instead of hanging", () => {
    const { values, problems } = recalculate(book({ S: { A1: f("B1+1"), B1: f("A1+1"), C1: f("C1") } }));
    expect(isError(values.get("S")?.get("A1"))).toBe(true);
    expect(values.get("S")?.get("C1")).toBe(ERR.ref);
    expect(problems.filter((p) => p.kind === "cycle").map((p) => p.address)).toEqual(
      expect.arrayContaining(["A1", "C1"]),
    );
  });

  it("computes a 20,000-cell chain without overflowing the stack, and finds a cycle that long", () => {
    const cells: Record<string, CellInput> = {};
    for (let r = 1; r < 20_000; r++) cells[`A${r}`] = f(`A${r + 1}+1`);
    cells.A20000 = v(1);
    for (let r = 1; r < 5_000; r++) cells[`B${r}`] = f(`B${r + 1}+1`);
    cells.B5000 = f("B1");
    const { values, problems } = recalculate(book({ S: cells }));
    expect(values.get("S")?.get("A1")).toBe(20_000);
    expect(isError(values.get("S")?.get("B1"))).toBe(true);
    expect(problems.some((p) => p.kind === "cycle")).toBe(true);
  });

  it("moves a filled-down formula's relative references and keeps $-anchored ones", () => {
    const calc = new Recalculation(
      book({
        S: {
          A1: v(1),
          A2: v(2),
          A3: v(30),
          C1: v(10),
          B1: f("A1*$C$1"),
          B3: { formula: "A1*$C$1", from: "B1" },
        },
      }),
    );
    expect(calc.value("S", "B1")).toBe(10);
    expect(calc.value("S", "B3")).toBe(300);
  });

  it("shifts formula text as Excel fills it", () => {
    expect(shiftFormula("A1+$B$2+B$3+'x y'!C3:D4", 1, 1)).toBe("B2+$B$2+C$3+'x y'!D4:E5");
    expect(shiftFormula("A1", -1, 0)).toBe("#REF!");
  });

  it("reads a formula with a syntax error as #NAME? and reports the cell", () => {
    const { values, problems } = recalculate(book({ S: { A1: f("1+(2") } }));
    expect(values.get("S")?.get("A1")).toBe(ERR.name);
    expect(problems).toEqual([expect.objectContaining({ address: "A1", kind: "syntax" })]);
  });

  it("prefers a sheet-scoped name and matches names and sheets case-insensitively", () => {
    const calc = new Recalculation(
      book({ 基本信息: { B4: v(45356) }, Other: { A1: v(7) } }, [
        { name: "TZ_assessmentDate", formula: "'基本信息'!$B$4" },
        { name: "TZ_assessmentDate", formula: "Other!$A$1", sheet: "Other" },
      ]),
    );
    expect(calc.evaluate("=tz_ASSESSMENTDATE", "基本信息", "C1")).toBe(45356);
    expect(calc.evaluate("=TZ_assessmentDate", "Other", "C1")).toBe(7);
    expect(calc.evaluate("=other!A1", "基本信息", "C1")).toBe(7);
    expect(calc.evaluate("=NoSheet!A1", "基本信息", "C1")).toBe(ERR.ref);
  });

  it("shows a blank reference as 0 and a range outside the formula's row as #VALUE!", () => {
    const calc = new Recalculation(book({ S: { A2: v(5) } }));
    expect(calc.evaluate("=A9", "S", "C1")).toBe(0);
    expect(calc.evaluate("=A1:A3*2", "S", "C2")).toBe(10);
    expect(calc.evaluate("=A1:A3*2", "S", "C7")).toBe(ERR.value);
  });

  it("recomputes after edits only what the edits reach, and agrees with a fresh recalculation", () => {
    const cells: Record<string, CellInput> = {
      A1: v(1),
      A2: v(2),
      A3: v("x"),
      // Filled down: each row reads its own A.
      B1: f("A1*10"),
      B2: { formula: "A1*10", from: "B1" },
      B3: { formula: "A1*10", from: "B1" },
      // The same text twice: the second reuses the first's result, and must still follow edits.
      C1: f("SUMPRODUCT(--ISNUMBER($A$1:$A$3))"),
      C5: f("SUMPRODUCT(--ISNUMBER($A$1:$A$3))"),
      // Same text, but implicit intersection: each row sees its own A.
      D1: f('$A$1:$A$3&"!"'),
      D3: f('$A$1:$A$3&"!"'),
      E1: f("C5+B2+T!A1"),
    };
    const blank = new Recalculation(book({ S: cells, T: { A1: v(100) } }), { trackDependencies: true });
    expect(blank.value("S", "E1")).toBe(122);
    expect(blank.value("S", "D3")).toBe("x!");
    const edits = [
      { sheet: "S", address: "A3", input: v(5) },
      { sheet: "t", address: "A1", input: f("A2+1") },
    ];
    const edited = blank.withEdits(edits);
    const fresh = new Recalculation(book({ S: { ...cells, A3: v(5) }, T: { A1: f("A2+1") } }), {
      today: blank.today(),
    });
    const want = fresh.all();
    expect(edited.all()).toEqual(want);
    // Hand-computed: three numbers in A1:A3 now, B2 = 20, T!A1 = blank A2 + 1.
    expect(edited.value("S", "E1")).toBe(24);
    expect(edited.value("S", "D3")).toBe("5!");
    expect(edited.value("S", "D1")).toBe("1!");
    // The recalculation edited from is left as it was, and edits chain.
    expect(blank.value("S", "E1")).toBe(122);
    const again = edited.withEdits([{ sheet: "S", address: "A2", input: v("y") }]);
    // Text in A2: B2 = "y"*10 fails, E1 with it; two numbers left in A1:A3.
    expect(again.value("S", "E1")).toBe(ERR.value);
    expect(again.value("S", "C5")).toBe(2);
    expect(again.value("S", "B3")).toBe(50);
    expect(edited.value("S", "B2")).toBe(20);
  });

  it("after a full recalculation, edits (one over a formula) give what a fresh one gives", () => {
    // Every result final: withEdits renews only what the edits reach. The range has a blank tail,
    // whose equal elements the element-wise operators compute once.
    const cells: Record<string, CellInput> = {
      A1: v(1),
      A2: v(1),
      A3: v("a"),
      A4: v("a"),
      B1: f('SUMPRODUCT(LEN($A$1:$A$10&"x")*($A$1:$A$10=1))'),
      C1: f("B1*2"),
      C2: f("A1+A2"),
    };
    const whole = new Recalculation(book({ S: cells }), { trackDependencies: true });
    whole.all();
    expect(whole.value("S", "B1")).toBe(4);
    const edits = [
      { sheet: "S", address: "A2", input: v(2) },
      { sheet: "S", address: "C2", input: f("A3&A4") },
      { sheet: "S", address: "A4", input: v(1) },
      { sheet: "S", address: "A9", input: v(1) },
    ];
    const edited = whole.withEdits(edits);
    const fresh = new Recalculation(book({ S: { ...cells, A2: v(2), C2: f("A3&A4"), A4: v(1), A9: v(1) } }), {
      today: whole.today(),
    });
    expect(edited.all()).toEqual(fresh.all());
    // Hand-computed: A1, A4 and A9 equal 1, each LEN("1x") = 2.
    expect(edited.value("S", "B1")).toBe(6);
    expect(edited.value("S", "C1")).toBe(12);
    expect(edited.value("S", "C2")).toBe("a1");
    expect(whole.value("S", "C1")).toBe(8);
  });

  it("returns the given date for TODAY()", () => {
    const calc = new Recalculation(book({ S: {} }), { today: 46000 });
    expect(calc.evaluate("=TODAY()-1", "S", "A1")).toBe(45999);
  });
});

// Examples printed in Microsoft's function reference pages (linked per row).
describe.each([
  // https://support.microsoft.com/en-us/office/round-function-c018c5d8-40fb-4053-90b1-b3e7f61a213c
  ["ROUND(2.15,1)", 2.2],
  ["ROUND(2.149,1)", 2.1],
  ["ROUND(-1.475,2)", -1.48],
  ["ROUND(21.5,-1)", 20],
  ["ROUND(626.3,-3)", 1000],
  ["ROUND(1.98,-1)", 0],
  ["ROUND(-50.55,-2)", -100],
  // https://support.microsoft.com/en-us/office/datevalue-function-df8b07d4-7761-4a93-bc33-b7471bbff252
  ['DATEVALUE("2011/02/23")', 40597],
  ['DATEVALUE("8/22/2011")', 40777],
  // https://learn.microsoft.com/en-us/troubleshoot/microsoft-365-apps/excel/wrongly-assumes-1900-is-leap-year
  ["DATE(1900,2,28)", 59],
  ["DATE(1900,2,29)", 60],
  ["DATE(1900,3,1)", 61],
  ['MONTH(60)&"-"&DAY(60)', "2-29"],
  // https://support.microsoft.com/en-us/office/calculation-operators-and-precedence-in-excel-48be406d-4975-4d31-b2b8-7af9e0e2878a
  ['"1"+"2"', 3],
  ['"6/1/2001"-"5/1/2001"', 31],
  ['"A"&TRUE', "ATRUE"],
  ['ABS("8+1")', ERR.value], // the page's SQRT("8+1") example: text that is not a number
  ["-2^2", 4],
  ["=5+2*3", 11],
  ["(5+2)*3", 21],
  // https://support.microsoft.com/en-us/office/edate-function-3c920eb2-6e66-44e7-a1f5-753ae47ee4f5
  ['EDATE(DATEVALUE("2011/1/15"),1)', 40589],
  ['EDATE(DATEVALUE("2011/1/15"),-1)', 40527],
  // https://support.microsoft.com/en-us/office/countif-function-e0de10c6-f885-4e71-abb4-1f464816df34 (wildcard escape)
  ['SEARCH("~?","a?b")', 2],
])("=%s", (formula, expected) => {
  it(`is ${String(expected)} as documented`, () => {
    const calc = new Recalculation(book({ S: {} }));
    const got = calc.evaluate(formula, "S", "A1");
    if (typeof expected === "number") expect(got).toBeCloseTo(expected, 9);
    else expect(got).toBe(expected);
  });
});
