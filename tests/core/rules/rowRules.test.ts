import type { Rule } from "../../../src/core/pack/schema";
import { checkChecklistRow, cellTypeHits } from "../../../src/core/rules/implicit";
import { RULES, rowModule } from "../../../src/core/rules/registry";
import type { RowView } from "../../../src/core/rules/rowView";
import { vetoState } from "../../../src/core/rules/vetoWindow";
import type { CellValue } from "../../../src/core/snapshot";
import { checklistRow, contextAt, ledgerRow, vetoRow } from "../../support/rows";

const ASSESSED = "2018-12-31";

function run(rule: Rule, row: RowView, assessmentDate: string | null = ASSESSED) {
  const module = rowModule(rule);
  if (!module) throw new Error(`${rule.type} is not a row rule`);
  return module.evaluate(rule, row, contextAt(assessmentDate));
}
const codes = (rule: Rule, row: RowView, assessmentDate?: string | null) =>
  run(rule, row, assessmentDate).map((h) => h.code);

describe("required", () => {
  const rule: Rule = { type: "required", column: "docNo" };
  it.each<[CellValue, string[]]>([
    ["沙政发〔2018〕1号", []],
    ["", ["required.missing"]],
    ["   ", ["required.missing"]],
    [null, ["required.missing"]],
    [0, []],
  ])("%p → %p", (value, expected) => {
    expect(codes(rule, ledgerRow("documents", { docNo: value }))).toEqual(expected);
  });

  it("names the column in both languages", () => {
    expect(run(rule, ledgerRow("documents", {}))[0]).toEqual({
      code: "required.missing",
      severity: "error",
      column: "docNo",
      params: { field: "文号", field_en: "Number" },
    });
  });
});

describe("enum", () => {
  const rule: Rule = { type: "enum", column: "kind", values: ["讲座", "培训班"] };
  it.each<[CellValue, string[]]>([
    ["讲座", []],
    [" 培训班 ", []],
    ["", []],
    ["座谈会", ["enum.notAllowed"]],
  ])("%p → %p", (value, expected) => {
    expect(codes(rule, ledgerRow("trainings", { kind: value }))).toEqual(expected);
  });
});

describe("date", () => {
  it.each<[Rule, CellValue, string[]]>([
    [{ type: "date", column: "issueDate", notAfter: "2018-06-30" }, "2018-06-30", []],
    [{ type: "date", column: "issueDate", notAfter: "2018-06-30" }, "2018-07-01", ["date.afterDeadline"]],
    [{ type: "date", column: "issueDate", notInFuture: true }, "2018-12-31", []],
    [{ type: "date", column: "issueDate", notInFuture: true }, "2019-01-01", ["date.inFuture"]],
    [{ type: "date", column: "issueDate" }, "2018-02-30", ["value.date.impossible"]],
    [{ type: "date", column: "issueDate" }, "下月", ["value.date.invalid"]],
    [{ type: "date", column: "issueDate", notAfter: "2018-06-30" }, "", []],
  ])("%j with %p → %p", (rule, value, expected) => {
    expect(codes(rule, ledgerRow("documents", { issueDate: value }))).toEqual(expected);
  });
});

describe("dateOrder: 审查 ≤ 讨论 ≤ 印发", () => {
  const rule: Rule = { type: "dateOrder", columns: ["reviewDate", "discussDate", "issueDate"] };
  const strict: Rule = { ...rule, strict: true } as Rule;
  it.each<[string, CellValue, CellValue, CellValue, string[]]>([
    ["review before discussion", "2018-05-02", "2018-05-03", "2018-05-04", []],
    ["review the same day as discussion", "2018-05-03", "2018-05-03", "2018-05-04", []],
    ["review a day after discussion", "2018-05-04", "2018-05-03", "2018-05-05", ["dateOrder.violated"]],
    ["a missing middle date is skipped", "2018-05-02", "", "2018-05-01", ["dateOrder.violated"]],
    ["unreadable dates are left to the type check", "2018-05-04", "2018-02-30", "2018-05-05", []],
    ["mixed styles", "2018年5月2日", 43223, "2018/5/4", []],
  ])("%s", (_name, review, discuss, issue, expected) => {
    expect(
      codes(rule, ledgerRow("documents", { reviewDate: review, discussDate: discuss, issueDate: issue })),
    ).toEqual(expected);
  });

  it("says which step came too late, with both dates", () => {
    const [hit] = run(rule, ledgerRow("documents", { reviewDate: "2018-05-10", discussDate: "2018-05-03" }));
    expect(hit).toMatchObject({
      column: "reviewDate",
      params: {
        earlier: "合法性审查日期",
        later: "集体讨论日期",
        earlierDate: "2018-05-10",
        laterDate: "2018-05-03",
      },
    });
  });

  it("in strict order, the same day is not enough", () => {
    expect(
      codes(strict, ledgerRow("documents", { reviewDate: "2018-05-03", discussDate: "2018-05-03" })),
    ).toEqual(["dateOrder.sameDay"]);
  });
});

describe("withinDays: 备案 within 30 days of 印发", () => {
  const rule: Rule = { type: "withinDays", from: "issueDate", to: "filingDate", days: 30 };
  it.each<[string, CellValue, CellValue, string | null, string[]]>([
    ["filed on day 30", "2018-05-01", "2018-05-31", ASSESSED, []],
    ["filed on day 31", "2018-05-01", "2018-06-01", ASSESSED, ["withinDays.exceeded"]],
    ["filed the same day", "2018-05-01", "2018-05-01", ASSESSED, []],
    ["filed before issue", "2018-05-01", "2018-04-30", ASSESSED, ["withinDays.beforeStart"]],
    ["not filed, deadline not reached", "2018-12-15", "", ASSESSED, ["withinDays.pending"]],
    ["not filed, deadline is the assessment date", "2018-12-01", "", ASSESSED, ["withinDays.pending"]],
    ["not filed, deadline passed", "2018-11-30", "", ASSESSED, ["withinDays.overdue"]],
    ["not filed, no assessment date", "2018-11-30", "", null, []],
    ["no issue date", "", "2018-05-01", ASSESSED, []],
  ])("%s", (_name, issue, filing, assessed, expected) => {
    expect(codes(rule, ledgerRow("documents", { issueDate: issue, filingDate: filing }), assessed)).toEqual(
      expected,
    );
  });

  it("a pending filing is a warning, a missed one an error", () => {
    expect(run(rule, ledgerRow("documents", { issueDate: "2018-12-15" }))[0]?.severity).toBe("warning");
    expect(run(rule, ledgerRow("documents", { issueDate: "2018-11-01" }))[0]?.severity).toBe("error");
  });
});

describe("validity: ≤ 5 years, 暂行/试行 ≤ 3, stated from 2016-01-01", () => {
  const rule: Rule = {
    type: "validity",
    issueDate: "issueDate",
    validityYears: "validity",
    titleColumns: ["title"],
    maxYears: 5,
    provisionalMaxYears: 3,
    provisionalMarkers: ["暂行", "试行"],
    statedFrom: "2016-01-01",
  };
  it.each<[string, string, CellValue, CellValue, string[]]>([
    ["5 years", "管理办法", "2018-01-01", 5, []],
    ["6 years", "管理办法", "2018-01-01", "6年", ["validity.tooLong"]],
    ["until exactly 5 years", "管理办法", "2018-01-01", "2022-12-31", []],
    ["until 5 years and a day", "管理办法", "2018-01-01", "2023-01-01", ["validity.endTooLate"]],
    ["暂行 3 years", "暂行办法", "2018-01-01", "3年", []],
    ["暂行 4 years", "暂行办法", "2018-01-01", 4, ["validity.provisionalTooLong"]],
    ["试行 until exactly 3 years", "试行规定", "2018-01-01", "2020-12-31", []],
    [
      "试行 until 3 years and a day",
      "试行规定",
      "2018-01-01",
      "2021-01-01",
      ["validity.provisionalEndTooLate"],
    ],
    ["as an Excel date", "管理办法", "2018-01-01", 44926, []],
    ["unstated, issued 2015-12-31", "管理办法", "2015-12-31", "", []],
    ["unstated, issued 2016-01-01", "管理办法", "2016-01-01", "", ["validity.missing"]],
    ["unreadable", "管理办法", "2018-01-01", "长期", ["validity.unreadable"]],
    ["ends before it starts", "管理办法", "2018-01-01", "2017-12-31", ["validity.endBeforeIssue"]],
  ])("%s", (_name, title, issue, validity, expected) => {
    expect(codes(rule, ledgerRow("documents", { title, issueDate: issue, validity }))).toEqual(expected);
  });

  it("says which marker made the document provisional", () => {
    expect(
      run(rule, ledgerRow("documents", { title: "暂行办法", issueDate: "2018-01-01", validity: 5 }))[0]
        ?.params,
    ).toMatchObject({
      years: 5,
      max: 3,
      marker: "暂行",
    });
  });
});

describe("requiredReviews: each review done, dated, on or before the decision", () => {
  const rule = RULES.requiredReviews;
  const pack = contextAt(ASSESSED).pack;
  const item = pack.groups[0]?.items.find((i) => i.id === "T1.3");
  const reviews = item?.rules.find((r) => r.type === "requiredReviews") as Rule;
  const done = { participation: "是", participationDate: "2018-04-01" };
  it.each<[string, Record<string, CellValue>, string[]]>([
    ["all done before", { ...done, legal: "√", legalDate: "2018-04-02", decisionDate: "2018-04-03" }, []],
    [
      "review the same day as the decision",
      { ...done, legal: "是", legalDate: "2018-04-03", decisionDate: "2018-04-03" },
      [],
    ],
    [
      "review a day after",
      { ...done, legal: "是", legalDate: "2018-04-04", decisionDate: "2018-04-03" },
      ["requiredReviews.late"],
    ],
    ["review not done", { ...done, legal: "否", decisionDate: "2018-04-03" }, ["requiredReviews.notDone"]],
    ["review left blank", { ...done, decisionDate: "2018-04-03" }, ["requiredReviews.notDone"]],
    [
      "review done, undated",
      { ...done, legal: "Y", decisionDate: "2018-04-03" },
      ["requiredReviews.undated"],
    ],
    ["unreadable answer left to the type check", { ...done, legal: "也许", decisionDate: "2018-04-03" }, []],
  ])("%s", (_name, cells, expected) => {
    expect(rule.scope).toBe("row");
    expect(codes(reviews, ledgerRow("decisions", cells))).toEqual(expected);
  });
});

describe("evidenceRequired and the checklist row", () => {
  it.each<[string, Record<string, CellValue>, string[]]>([
    // Real dates are Excel serials: 43160 is 2018-03-01.
    ["done with evidence and date", { status: "完成", evidence: "文件", doneDate: 43160 }, []],
    [
      "done, the date typed as text",
      { status: "完成", evidence: "文件", doneDate: "2018.3.1" },
      ["date.textNotDate"],
    ],
    ["done without evidence", { status: "完成", doneDate: 43160 }, ["evidence.missing"]],
    ["done without a date", { status: "完成", evidence: "文件" }, ["status.doneWithoutDate"]],
    [
      "done after the assessment date",
      { status: "完成", evidence: "文件", doneDate: 43466 },
      ["date.inFuture"],
    ],
    ["done on the assessment date", { status: "完成", evidence: "文件", doneDate: 43465 }, []],
    [
      "text after the assessment date: both",
      { status: "完成", evidence: "文件", doneDate: "2019年1月1日" },
      ["date.inFuture", "date.textNotDate"],
    ],
    ["not applicable with a reason", { status: "不适用", note: "本镇无此职能" }, []],
    ["not applicable without a reason", { status: "不适用" }, ["status.notApplicableNoReason"]],
    ["partly done, no evidence needed", { status: "部分完成" }, []],
    ["unknown status", { status: "差不多" }, ["value.status.invalid"]],
    ["unreadable date", { status: "部分完成", doneDate: "上个月" }, ["value.date.invalid"]],
    ["empty", {}, []],
  ])("%s", (_name, cells, expected) => {
    const result = checkChecklistRow(checklistRow(cells), contextAt(ASSESSED), true);
    expect(result.hits.map((h) => h.code)).toEqual(expected);
  });
});

describe("cell types of a ledger row", () => {
  it("gives one finding per unreadable cell, pointing at the cell", () => {
    const row = ledgerRow("documents", {
      docNo: "x",
      issueDate: "2018-02-30",
      filingDate: "2018/5/1",
      copies: "若干",
    });
    expect(cellTypeHits(row, null).map((h) => [h.code, h.column, row.cell(h.column ?? "")])).toEqual([
      ["value.date.impossible", "issueDate", "E3"],
      ["date.textNotDate", "filingDate", "F3"],
      ["value.number.invalid", "copies", "H3"],
    ]);
  });

  it("reads a date typed as text as its date and warns, with the serial the fix writes", () => {
    const row = ledgerRow("documents", { issueDate: 43221, filingDate: " 2018/5/1 " });
    // 2018-05-01 is 43101 (2018-01-01) + 31 + 28 + 31 + 30; the real date itself is no finding.
    expect(cellTypeHits(row, null)).toEqual([
      {
        code: "date.textNotDate",
        severity: "warning",
        column: "filingDate",
        params: {
          field: "备案日期",
          field_en: "Filing date",
          raw: "2018/5/1",
          date: "2018-05-01",
          serial: 43221,
        },
      },
    ]);
  });
});

describe("vetoWindow: within 2 years before the assessment date", () => {
  const rule: Rule = { type: "vetoWindow", years: 2 };
  it.each<[string, Record<string, CellValue>, string | null, string[], string]>([
    ["did not happen", { occurred: "否" }, ASSESSED, [], "clear"],
    ["not answered", {}, ASSESSED, ["veto.unanswered"], "unanswered"],
    [
      "on the first day of the window",
      { occurred: "是", eventDate: "2016-12-31" },
      ASSESSED,
      ["veto.inWindow"],
      "inWindow",
    ],
    [
      "a day before the window",
      { occurred: "是", eventDate: "2016-12-30" },
      ASSESSED,
      ["veto.outsideWindow"],
      "outsideWindow",
    ],
    ["recent", { occurred: "√", eventDate: 43300 }, ASSESSED, ["veto.inWindow"], "inWindow"],
    ["undated", { occurred: "是" }, ASSESSED, ["veto.undated"], "inWindow"],
    ["no assessment date", { occurred: "是", eventDate: "2017-01-01" }, null, ["veto.noWindow"], "inWindow"],
  ])("%s", (_name, cells, assessed, expected, state) => {
    const row = vetoRow(cells);
    expect(codes(rule, row, assessed)).toEqual(expected);
    expect(vetoState(row, 2, assessed).state).toBe(state);
  });
});

describe("enum on a yes/no column", () => {
  const rule: Rule = { type: "enum", column: "legal", values: ["是"] };
  // 否 is offered by the dropdown: it breaks the requirement, it is not "out of range" (issue 12).
  it.each<[CellValue, string[]]>([
    ["是", []],
    ["√", []],
    ["Y", []],
    ["否", ["enum.answerNotAllowed"]],
    ["×", ["enum.answerNotAllowed"]],
  ])("%p → %p", (value, expected) => {
    expect(codes(rule, ledgerRow("decisions", { legal: value }))).toEqual(expected);
  });
});
