import { validationFor } from "../../../src/core/layout/format";
import { layoutFor } from "../../../src/core/layout/layout";
import { assessed, modelUnit, outcome } from "./helpers";

// Clause corrections of issue 12, read against shared/seeds/003_26ec9ae1f29c39f6.txt (依法行政示范单位).

const decision = {
  name: "城区供热价格调整",
  participationDone: "是",
  participationDate: "2018-05-02",
  expertDone: "是",
  expertDate: "2018-05-03",
  riskDone: "是",
  riskDate: "2018-05-04",
  legalityDone: "是",
  legalityDate: "2018-05-05",
  legalityConclusion: "合法",
  collectiveDone: "是",
  collectiveDate: "2018-05-10",
  decisionDate: "2018-05-10",
  archiveDate: "2018-05-20",
};

describe("003 三(四)8 “未经合法性审查或者经审查不合法的,不得提交讨论,作出决策”", () => {
  it.each<[Record<string, string>, number, string[]]>([
    [{}, 1, []],
    [{ legalityConclusion: "不合法" }, 1 - 1 / 2.5, ["when.mustBeBlank:error"]],
    [{ legalityConclusion: "不合法", collectiveDone: "否", collectiveDate: "", decisionDate: "" }, 1, []],
  ])("%p → %p of M3.8", (change, score, findings) => {
    const result = outcome(modelUnit, "M3.8", { ledgers: { decisions: [{ ...decision, ...change }] } });
    expect(result.findings).toEqual(findings);
    expect(result.score).toBeCloseTo(score, 5);
  });
});

describe("003 三(六)10 “行政首长拟作出的决定与会议组成人员多数人的意见不一致的,应当在会上说明理由”", () => {
  it.each<[Record<string, string>, number, string[]]>([
    [{ headDiffered: "否" }, 1, []],
    [{ headDiffered: "是", reasonsStated: "是" }, 1, []],
    [{ headDiffered: "是", reasonsStated: "否" }, 1 - 0.5 / 1.5, ["when.notAllowed:error"]],
  ])("%p → %p of M3.10", (change, score, findings) => {
    const result = outcome(modelUnit, "M3.10", { ledgers: { decisions: [{ ...decision, ...change }] } });
    expect(result.findings).toEqual(findings);
    expect(result.score).toBeCloseTo(score, 5);
  });
});

describe("003 五(二)8 “行政机关负责人应当出庭应诉……不得仅委托律师出庭……执行人民法院生效裁判”", () => {
  const lawsuit = { caseNo: "(2018)宁0502行初12号", caseType: "行政诉讼", subject: "征收补偿" };
  it.each<[Record<string, string>, number, string[]]>([
    [{ appearance: "负责人出庭", judgmentPerformed: "是" }, 1, []],
    [{ appearance: "委托工作人员出庭" }, 1, []],
    // Required for every lawsuit: a blank is not 不适用.
    [{}, 0.75, ["when.missing:error"]],
    [{ appearance: "仅委托律师出庭" }, 0.75, ["when.notAllowed:error", "when.forbidden:error"]],
    [{ caseType: "行政复议" }, 1, []],
    [{ appearance: "负责人出庭", judgmentPerformed: "否" }, 0.75, ["when.forbidden:error"]],
  ])("%p → %p of M5.8", (change, score, findings) => {
    const result = outcome(modelUnit, "M5.8", { ledgers: { litigation: [{ ...lawsuit, ...change }] } });
    expect(result.findings).toEqual(findings);
    expect(result.score).toBeCloseTo(score, 5);
  });
});

describe("003 四(二)6 “未经法制审核或者审核未通过的,不得作出决定”", () => {
  const reviewed = { caseName: "某公司违法排污案", decisionType: "行政处罚", reviewDate: "2018-06-01" };
  it.each<[Record<string, string>, number, string[]]>([
    [{ reviewResult: "通过", decisionDate: "2018-06-05" }, 1, []],
    // Refused and no decision made: exactly what the clause asks.
    [{ reviewResult: "未通过" }, 1, []],
    [{ reviewResult: "未通过", decisionDate: "2018-06-05" }, 0.6, ["when.mustBeBlank:error"]],
    [{ reviewResult: "通过" }, 0.6, ["when.missing:error"]],
  ])("%p → %p of M4.6", (change, score, findings) => {
    const result = outcome(modelUnit, "M4.6", {
      ledgers: { majorEnforcement: [{ ...reviewed, ...change }] },
    });
    expect(result.findings).toEqual(findings);
    expect(result.score).toBeCloseTo(score, 5);
  });
});

describe("003 四(五)10 “强化行政执法人员资格和行政执法证件管理”: an expired certificate does not qualify", () => {
  const officer = { name: "王五", unit: "综合执法局", certNo: "64010001", established: "是" };
  it.each<[string, number, string[]]>([
    ["2020-12-31", 1, []],
    ["2018-12-31", 1, []],
    ["2018-12-30", 0, ["notExpired.expired:error"]],
  ])("valid until %s (assessed 2018-12-31) → %p of M4.10", (certValidUntil, score, findings) => {
    const result = outcome(modelUnit, "M4.10", {
      ledgers: { enforcementStaff: [{ ...officer, certValidUntil }] },
    });
    expect(result).toMatchObject({ score, findings });
  });
});

describe("003 二(二)4 “县(市)区人民政府应当每年组织 1 次……检查”: only county/district governments", () => {
  it.each<[string | null, number, boolean, string, string[]]>([
    ["县(市)区人民政府", 0, true, "indicator.notMet", ["count.belowMin:error"]],
    // Other bodies: 不适用 by their type, out of 应得, with the reason shown.
    ["市级部门", 0, false, "item.unitTypeExempt", ["appliesTo.notApplicable:info"]],
    ["乡镇人民政府(街道办事处)", 0, false, "item.unitTypeExempt", ["appliesTo.notApplicable:info"]],
    // No type given: the threshold applies, as before.
    [null, 0, true, "indicator.notMet", ["count.belowMin:error"]],
  ])("unit type %p, no inspection → M2.4", (unitType, score, applicable, reason, findings) => {
    const result = outcome(modelUnit, "M2.4", { inputs: { unitType, normativeDocChecks: 0 } });
    expect(result).toMatchObject({ score, applicable, reason, findings });
  });

  it("puts the not-applicable note on the 单位类型 cell of 基本信息", () => {
    const result = assessed(modelUnit, { inputs: { unitType: "市级部门", normativeDocChecks: 0 } });
    const note = result.items.find((i) => i.itemId === "M2.4")?.findings[0];
    expect(note).toMatchObject({ sheet: "基本信息", code: "appliesTo.notApplicable" });
    expect(note?.cell).toMatch(/^B\d+$/);
  });
});

describe("003 七(二)4: class (市级部门、县区政府、园区管委会), lectures (市、县两级政府), trainings (其他行政机关)", () => {
  const at = (kind: string, date: string) => ({ name: `${kind}${date}`, kind, date });
  // A township that held 2 legal trainings and nothing else.
  const twoTrainings = [at("法律知识培训", "2018-03-01"), at("法律知识培训", "2018-09-01")];
  it.each<[string, number, string[]]>([
    // 其他行政机关 (a township): only the 2 trainings bind it.
    ["乡镇人民政府(街道办事处)", 1, ["appliesTo.notApplicable:info", "appliesTo.notApplicable:info"]],
    ["其他行政机关", 1, ["appliesTo.notApplicable:info", "appliesTo.notApplicable:info"]],
    // A county government owes the class and the lectures, not the trainings.
    [
      "县(市)区人民政府",
      0,
      [
        "appliesTo.notApplicable:info",
        "count.belowMinOfKindInYear:error",
        "count.belowMinOfKindInYear:error",
      ],
    ],
    [
      "市人民政府",
      0,
      ["appliesTo.notApplicable:info", "appliesTo.notApplicable:info", "count.belowMinOfKindInYear:error"],
    ],
  ])("unit type %p with 2 legal trainings → %p of M7.4", (unitType, score, findings) => {
    const result = outcome(modelUnit, "M7.4", { inputs: { unitType }, ledgers: { trainings: twoTrainings } });
    expect(result.score).toBe(score);
    expect([...result.findings].sort()).toEqual([...findings].sort());
  });
});

describe("003 八(二)4 “报告的主要内容要通过报刊、政府网站等向社会公开”", () => {
  it.each<[Record<string, string | null>, number, string[]]>([
    [{}, 1, []],
    [{ annualReportChannel: null }, 0, ["published.channelMissing:error"]],
    [{ annualReportPublishDate: null }, 0, ["published.missing:error"]],
  ])("%p → %p of M8.4", (inputs, score, findings) => {
    expect(outcome(modelUnit, "M8.4", { inputs })).toMatchObject({ score, findings });
  });
});

describe("003 二(三)6 “有效期一般不超过 5 年……有效期届满的规范性文件自行失效”", () => {
  const doc = {
    docNo: "中政规〔2018〕3号",
    title: "市城市绿化管理办法",
    docType: "正式",
    issueDate: "2018-02-01",
  };
  it.each<[Record<string, string | number>, number, string[]]>([
    [{ validityYears: 5 }, 1, []],
    // "一般": longer with its reason recorded is the reviewer's call, not a deduction.
    [{ validityYears: 8, overCapReason: "配套上位法实施期限" }, 1, ["validity.overCapExplained:warning"]],
    [{ validityYears: 8 }, 1 - 1 / 2.5, ["validity.tooLong:error"]],
    // A 2013 document (before the stated-from date) whose 3 years ran out in 2016, still applied.
    [
      { issueDate: "2013-05-01", validityYears: 3, inForce: "是" },
      1 - 1 / 2.5,
      ["validity.expiredInForce:error"],
    ],
    [{ issueDate: "2013-05-01", validityYears: 3, inForce: "否" }, 1, []],
    [{ validityYears: 5, inForce: "是" }, 1, []],
  ])("%p → %p of M2.6", (change, score, findings) => {
    const result = outcome(modelUnit, "M2.6", { ledgers: { normativeDocs: [{ ...doc, ...change }] } });
    expect(result.findings).toEqual(findings);
    expect(result.score).toBeCloseTo(score, 5);
  });
});

describe("003 三(三)5 “对专业性、技术性较强的决策事项,应当组织专家……论证” / 三(三)7 risk assessment for decisions “涉及经济社会发展和人民群众切身利益”", () => {
  it.each<[Record<string, string>, number, string[]]>([
    [{}, 1, []],
    // Not a technical matter: expert review 不适用, with the reason noted for the reviewer.
    [
      { expertDone: "否", expertDate: "", expertNaReason: "常规事务性调整,不涉及专业技术问题" },
      1,
      ["requiredReviews.notApplicable:info"],
    ],
    [
      { riskDone: "否", riskDate: "", riskNaReason: "内部管理事项,不涉及群众切身利益" },
      1,
      ["requiredReviews.notApplicable:info"],
    ],
    // No reason: the procedure is simply missing.
    [{ expertDone: "否", expertDate: "" }, 1 - 1 / 2.5, ["requiredReviews.notDone:error"]],
  ])("%p → %p of M3.1", (change, score, findings) => {
    const result = outcome(modelUnit, "M3.1", { ledgers: { decisions: [{ ...decision, ...change }] } });
    expect(result.findings).toEqual(findings);
    expect(result.score).toBeCloseTo(score, 5);
  });
});

describe("基本信息 单位类型: a dropdown of the bodies 003 names", () => {
  it("is an input after the pack's earlier ones, with a list validation", () => {
    const rows = layoutFor(modelUnit).info.rows;
    const unitType = rows.find((r) => r.inputId === "unitType");
    expect(unitType?.values).toEqual(
      expect.arrayContaining(["市级部门", "县(市)区人民政府", "开发(度假)园区管委会", "其他行政机关"]),
    );
    // Appended: the inputs of version 1.0.0 keep their order before it.
    const ids = rows.map((r) => r.inputId);
    expect(ids.indexOf("unitType")).toBeGreaterThan(ids.indexOf("annualReportDate"));
    const validation = unitType && validationFor("enum", unitType.label, unitType.help, unitType.values);
    expect(validation?.check).toEqual({ kind: "list", values: unitType?.values });
  });
});
