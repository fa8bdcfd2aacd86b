import { check } from "../../../src/core/rules/check";
import type { CellValue } from "../../../src/core/snapshot";
import { buildSnapshot, type SnapshotSpec } from "../../support/snapshot";
import { testPack } from "../../support/testPack";

const pack = testPack();

/** The findings against one item, as [code, severity], and whether its item rules were met. */
function itemOutcome(itemId: string, spec: SnapshotSpec) {
  const item = check(pack, buildSnapshot(pack, spec)).items.find((i) => i.item.id === itemId);
  if (!item) throw new Error(itemId);
  return { found: item.findings.map((f) => [f.code, f.severity]), met: item.itemRulesMet };
}

describe("countBetween: 5–10 执法记录仪", () => {
  it.each<[CellValue, string[][], boolean | "unknown"]>([
    [4, [["count.belowRange", "error"]], false],
    [5, [], true],
    ["10台", [], true],
    [11, [["count.aboveRange", "error"]], false],
    ["", [["input.missing", "error"]], "unknown"],
    ["几台", [["value.number.invalid", "error"]], "unknown"],
    [5.5, [["value.integer.notWhole", "error"]], "unknown"],
  ])("%p recorders → %j", (recorders, found, met) => {
    expect(itemOutcome("T2.2", { inputs: { recorders } })).toEqual({ found, met });
  });
});

describe("countAtLeast: ≥ 2 法制工作人员", () => {
  it.each<[CellValue, string[][], boolean]>([
    [1, [["count.belowMin", "error"]], false],
    [2, [], true],
    ["３", [], true],
  ])("%p → %j", (legalStaff, found, met) => {
    expect(itemOutcome("T2.3", { inputs: { legalStaff } })).toEqual({ found, met });
  });
});

describe("countAtLeast over a ledger: ≥ 2 讲座 in the assessment year", () => {
  const lecture = (date: CellValue, kind = "讲座") => ({ kind, date, attendees: 30 });
  it.each<[string, Record<string, CellValue>[], boolean]>([
    ["two lectures this year", [lecture("2018-03-01"), lecture("2018年6月1日")], true],
    ["one lecture this year", [lecture("2018-03-01")], false],
    ["one this year, one last year", [lecture("2018-03-01"), lecture("2017-12-31")], false],
    ["a training class is not a lecture", [lecture("2018-03-01"), lecture("2018-04-01", "培训班")], false],
    ["an undated lecture does not count", [lecture("2018-03-01"), lecture("")], false],
  ])("%s", (_name, trainings, met) => {
    const outcome = itemOutcome("T2.5", { ledgers: { trainings } });
    expect(outcome.met).toBe(met);
    expect(outcome.found.map(([code]) => code)).toEqual(met ? [] : ["count.belowMinOfKindInYear"]);
  });
});

describe("ratioAtLeast: 持证 ≥ 50 % of 在编 by 2018-12-31", () => {
  it.each<[string, number, string, string[][], boolean]>([
    ["49 % before the deadline", 49, "2018-12-30", [["ratio.belowBeforeDeadline", "warning"]], false],
    ["49 % on the deadline", 49, "2018-12-31", [["ratio.belowAfterDeadline", "error"]], false],
    ["49 % after the deadline", 49, "2019-01-01", [["ratio.belowAfterDeadline", "error"]], false],
    ["50 % before the deadline", 50, "2018-12-30", [], true],
    ["50 % on the deadline", 50, "2018-12-31", [], true],
    ["50 % after the deadline", 50, "2019-01-01", [], true],
  ])("%s", (_name, certified, assessmentDate, found, met) => {
    expect(itemOutcome("T2.1", { assessmentDate, inputs: { certified, established: 100 } })).toEqual({
      found,
      met,
    });
  });

  it("reports the share in percent with both figures, on the 持证 input the user typed (issue 12)", () => {
    const snapshot = buildSnapshot(pack, { inputs: { certified: 49, established: 100 } });
    const finding = check(pack, snapshot).items.find((i) => i.item.id === "T2.1")?.findings[0];
    expect(finding).toMatchObject({
      sheet: "基本信息",
      cell: snapshot.inputs["certified"]?.cell,
      itemId: "T2.1",
      items: ["T2.1"],
      params: {
        numerator: 49,
        denominator: 100,
        ratio: 49,
        min: 50,
        by: "2018-12-31",
        numeratorLabel: "持证执法人数",
      },
    });
  });

  it("cannot divide by no established staff", () => {
    expect(itemOutcome("T2.1", { inputs: { certified: 0, established: 0 } }).found).toEqual([
      ["ratio.zeroDenominator", "error"],
    ]);
  });

  it("asks for a missing input on 基本信息, at its cell", () => {
    const snapshot = buildSnapshot(pack, { inputs: { certified: 5 } });
    const item = check(pack, snapshot).items.find((i) => i.item.id === "T2.1");
    expect(item?.itemRulesMet).toBe("unknown");
    expect(item?.findings).toEqual([
      {
        code: "input.missing",
        severity: "error",
        sheet: "基本信息",
        cell: "B5",
        itemId: "T2.1",
        items: ["T2.1"],
        params: { field: "在编人数", field_en: "Established staff" },
      },
    ]);
  });
});

describe("quarterDeadline: the report on the previous year by 03-31", () => {
  it.each<[string, CellValue, string, string[][], boolean | "unknown"]>([
    ["submitted on 03-31", "2018-03-31", "2018-12-31", [], true],
    ["submitted on 04-01", "2018-04-01", "2018-12-31", [["quarterDeadline.late", "error"]], false],
    ["submitted as 2018年3月31日", "2018年3月31日", "2018-12-31", [], true],
    [
      "not submitted, 03-31 is the assessment date",
      "",
      "2018-03-31",
      [["quarterDeadline.pending", "warning"]],
      false,
    ],
    ["not submitted, a day later", "", "2018-04-01", [["quarterDeadline.missed", "error"]], false],
    [
      "last year's date, still time",
      "2017-03-20",
      "2018-02-01",
      [["quarterDeadline.notThisYearPending", "warning"]],
      false,
    ],
    [
      "last year's date, too late",
      "2017-03-20",
      "2018-06-30",
      [["quarterDeadline.notThisYear", "error"]],
      false,
    ],
    ["unreadable", "三月底", "2018-12-31", [["value.date.invalid", "error"]], "unknown"],
  ])("%s", (_name, reportDate, assessmentDate, found, met) => {
    // 评估年度 2018 throughout: the report on 2017 is due 2018-03-31.
    const inputs = { reportDate, assessmentYear: 2018 };
    expect(itemOutcome("T2.4", { assessmentDate, inputs })).toEqual({ found, met });
  });

  it("points at the report date's cell on 基本信息", () => {
    const item = check(pack, buildSnapshot(pack, { inputs: { reportDate: "2018-04-01" } })).items.find(
      (i) => i.item.id === "T2.4",
    );
    expect(item?.findings[0]).toMatchObject({ sheet: "基本信息", cell: "B9", itemId: "T2.4" });
  });
});
