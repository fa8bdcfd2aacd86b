import { assess } from "../../../src/core/assess";
import { findPack } from "../../../src/core/pack/builtin";
import type { Pack } from "../../../src/core/pack/schema";
import type { CellValue } from "../../../src/core/snapshot";
import { findingMessage } from "../../../src/i18n";
import { buildSnapshot, type SnapshotSpec } from "../../support/snapshot";

// Issue 12 "Messages that mislead": each case as the clerk reads it on the row and in the pane.
const township = findPack("township-2018") as Pack;
const modelUnit = findPack("model-unit") as Pack;

const record = (cells: Record<string, CellValue>) => [cells];

function messages(pack: Pack, spec: SnapshotSpec, code: string): string[] {
  const result = assess(pack, buildSnapshot(pack, spec));
  return result.findings.filter((f) => f.code === code).map((f) => findingMessage("zh-CN", f));
}

describe("messages say the requirement, the comparison and the record (issue 12)", () => {
  it.each<[string, Pack, SnapshotSpec, string, string[]]>([
    [
      "是否归档 否 is offered by the dropdown: the requirement, not 不在可选范围内",
      township,
      { ledgers: { decisions: record({ name: "垃圾中转站选址", archived: "否" }) } },
      "enum.answerNotAllowed",
      ["“垃圾中转站选址”:“是否归档”为“否”,不符合要求:应为“是”"],
    ],
    [
      "a contract reviewed after signing: before 签订, not 作出决策",
      township,
      {
        ledgers: {
          contracts: record({
            name: "保洁服务合同",
            legalityReview: "是",
            legalityReviewDate: "2018-03-10",
            signingDate: "2018-03-01",
          }),
        },
      },
      "requiredReviews.late",
      ["“保洁服务合同”:合法性审核日期(2018-03-10)晚于签订日期(2018-03-01),合法性审核应在签订前完成"],
    ],
    [
      "仅委托律师出庭, offered in the dropdown, breaks 不得仅委托律师出庭",
      modelUnit,
      { ledgers: { litigation: record({ caseNo: "(2018)宁0502行初5号", appearance: "仅委托律师出庭" }) } },
      "when.forbidden",
      ["“(2018)宁0502行初5号”:“出庭情况”为“仅委托律师出庭”:不得仅委托律师出庭"],
    ],
    [
      "审核意见 未通过, offered in the dropdown, and a decision made anyway (003 四(二)6)",
      modelUnit,
      {
        ledgers: {
          majorEnforcement: record({
            caseName: "某违建拆除",
            reviewDate: "2018-05-01",
            reviewResult: "未通过",
            decisionDate: "2018-05-03",
          }),
        },
      },
      "when.mustBeBlank",
      [
        "“某违建拆除”:“审核意见”为“未通过”,“决定日期”不应填写(现为“2018-05-03”):未经法制审核或者审核未通过的,不得作出决定",
      ],
    ],
    [
      "a blank report date is 未填写报送日期, not 未报送",
      township,
      { assessmentDate: "2018-12-31" },
      "quarterDeadline.missed",
      ["未填写报送日期:2017 年度报告应于 2018-03-31 前报送,期限已过"],
    ],
  ])("%s", (_name, pack, spec, code, expected) => {
    expect(messages(pack, spec, code)).toEqual(expected);
  });

  it("M7.4: the lecture and the training shortfalls say which kind is short", () => {
    const found = messages(
      modelUnit,
      { ledgers: { trainings: record({ name: "宪法讲座", kind: "法治专题讲座", date: "2018-05-01" }) } },
      "count.belowMinOfKindInYear",
    );
    expect(found).toEqual([
      "2018 年度法治培训台账中“领导干部法治专题培训班”0 次,应不少于 1 次",
      "2018 年度法治培训台账中“法治专题讲座”1 次,应不少于 2 次",
      "2018 年度法治培训台账中“法律知识培训”0 次,应不少于 2 次",
      "2018 年度法治培训台账中“执法人员专题培训”0 次,应不少于 1 次",
    ]);
  });
});

describe("有效期 takes an end date, as its message invites (issue 12)", () => {
  const doc = (validityYears: CellValue) => ({
    ledgers: {
      normativeDocs: record({
        docNumber: "沙政发〔2018〕1号",
        title: "关于加强管理的通知",
        docType: "正式",
        issueDate: "2018-03-01",
        validityYears,
      }),
    },
  });
  const codesAt = (validityYears: CellValue) =>
    assess(township, buildSnapshot(township, doc(validityYears)))
      .findings.filter((f) => f.column === "validityYears")
      .map((f) => f.code);

  it.each<[CellValue, string[]]>([
    ["2021-02-28", []],
    ["2023-02-28", []],
    ["2023-03-01", ["validity.endTooLate"]],
    ["5", []],
    ["6年", ["validity.tooLong"]],
    ["长期", ["validity.unreadable"]],
  ])("%p → %p", (value, expected) => {
    expect(codesAt(value)).toEqual(expected);
  });
});

describe("完成 without 佐证材料 is the same finding on every checklist item (issue 12)", () => {
  // T2.1.1 is a ledger item, T2.1.2 a status item, T2.3.1 an indicator: all three rows say 完成.
  it.each(["T2.1.1", "T2.1.2", "T2.3.1"])("%s", (itemId) => {
    const spec: SnapshotSpec = { items: { [itemId]: { status: "完成", doneDate: "2018-06-01" } } };
    const found = assess(township, buildSnapshot(township, spec)).findings.filter(
      (f) => f.code === "evidence.missing",
    );
    expect(found.map((f) => [f.items, f.severity, f.column])).toEqual([[[itemId], "error", "evidence"]]);
  });
});

describe("a ledger finding names its record by the column that names it (issue 12)", () => {
  it.each<[string, Pack, SnapshotSpec, string]>([
    [
      "规范性文件 by 文件名称, not 文号",
      township,
      {
        ledgers: {
          normativeDocs: record({
            docNumber: "沙政发〔2018〕1号",
            title: "关于加强管理的通知",
            issueDate: "2018-03-01",
            validityYears: "6年",
          }),
        },
      },
      "“关于加强管理的通知”:",
    ],
    [
      "合同 by 合同名称",
      township,
      { ledgers: { contracts: record({ name: "保洁服务合同", filed: "否" }) } },
      "“保洁服务合同”:",
    ],
    [
      "诉讼 by 案号 when nothing is called 名称",
      modelUnit,
      { ledgers: { litigation: record({ caseNo: "(2018)宁05行初1号", appearance: "仅委托律师出庭" }) } },
      "“(2018)宁05行初1号”:",
    ],
  ])("%s", (_name, pack, spec, prefix) => {
    const result = assess(pack, buildSnapshot(pack, spec));
    const ledgerFindings = result.findings.filter((f) => f.tableKey?.startsWith("ledger:"));
    expect(ledgerFindings.length).toBeGreaterThan(0);
    for (const f of ledgerFindings) expect(findingMessage("zh-CN", f).startsWith(prefix)).toBe(true);
  });
});

// Contract regression: Excel turns a typed "=1+1" into a formula showing #NAME?, the file keeps the
// text; neither is a name, so no reading path names the record by it.
it.each(["=1+1", "#NAME?", "-王五"])("a record called %p is not named", (name) => {
  const spec: SnapshotSpec = { ledgers: { decisions: record({ name, decisionDate: "不详" }) } };
  const found = assess(township, buildSnapshot(township, spec)).findings.find(
    (f) => f.column === "decisionDate",
  );
  expect(found && findingMessage("zh-CN", found)).toBe(
    "“决定日期”中的“不详”无法识别为日期,请按 2018-04-03 的格式填写",
  );
});
