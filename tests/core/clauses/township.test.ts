import { outcome, township } from "./helpers";

// Clause corrections of issue 12, read against shared/seeds/000_2a37c533326af7ae.txt (沙坡头区, 2018).

describe("000 二(三)1 “由区财政局统一为各乡镇配备5-10台行政执法记录仪”", () => {
  // The 5–10 are what the district finance bureau provides, not a cap on the township: holding
  // more than 10 loses nothing; fewer than 5 is still short of what it should have.
  it.each<[number, number, string[]]>([
    [4, 0, ["count.belowMin:error"]],
    [5, 1, []],
    [10, 1, []],
    [12, 1, []],
  ])("%p recorders → %p of T2.3.1", (recorders, score, findings) => {
    expect(outcome(township, "T2.3.1", { inputs: { recorders } })).toMatchObject({ score, findings });
  });
});

// One decision that passes every procedure, so each case fails only on what it changes.
const decision = {
  name: "沙坡头镇集镇改造方案",
  publicParticipation: "是",
  publicParticipationDate: "2018-05-02",
  expertReview: "是",
  expertReviewDate: "2018-05-03",
  riskAssessment: "是",
  riskAssessmentDate: "2018-05-04",
  legalityReview: "是",
  legalityReviewDate: "2018-05-05",
  legalityConclusion: "合法",
  collectiveDiscussion: "是",
  collectiveDiscussionDate: "2018-05-10",
  decisionDate: "2018-05-10",
  publicationDate: "2018-05-12",
  archived: "是",
};

describe("000 二(一)6 “未经合法性审查或经审查不合法的,不得提交会议讨论”", () => {
  it.each<[Record<string, string>, number, string[]]>([
    [{}, 1, []],
    [{ legalityConclusion: "修改后合法" }, 1, []],
    // Found unlawful, yet discussed: the clause is broken on the discussion date.
    [{ legalityConclusion: "不合法" }, 0.7, ["when.mustBeBlank:error"]],
    // Found unlawful and dropped before the meeting: what the clause asks for.
    [
      {
        legalityConclusion: "不合法",
        collectiveDiscussion: "",
        collectiveDiscussionDate: "",
        decisionDate: "",
      },
      1,
      [],
    ],
    // The conclusion is the review file's point: reviewed with none recorded is a warning.
    [{ legalityConclusion: "" }, 1, ["when.missing:warning"]],
  ])("%p → %p of T2.1.6", (change, score, findings) => {
    const result = outcome(township, "T2.1.6", { ledgers: { decisions: [{ ...decision, ...change }] } });
    expect(result).toMatchObject({ score, findings });
  });
});

describe("000 二(一)7 “行政首长拟作出的决策与会议组成人员多数人意见不一致的,要在会上说明理由”", () => {
  it.each<[Record<string, string>, number, string[]]>([
    [{}, 1, []],
    [{ headDiffered: "否" }, 1, []],
    [{ headDiffered: "是", reasonsStated: "是" }, 1, []],
    [{ headDiffered: "是", reasonsStated: "否" }, 1 - 1.5 / 4.5, ["when.notAllowed:error"]],
    [{ headDiffered: "是" }, 1 - 1.5 / 4.5, ["when.missing:error"]],
  ])("%p → %p of T2.1.7", (change, score, findings) => {
    const result = outcome(township, "T2.1.7", { ledgers: { decisions: [{ ...decision, ...change }] } });
    expect(result.findings).toEqual(findings);
    expect(result.score).toBeCloseTo(score, 5);
  });
});

describe("000 二(六)3 “落实行政机关负责人出庭应诉……自觉履行人民法院生效判决”", () => {
  const lawsuit = { caseName: "李某诉沙坡头镇政府", kind: "行政诉讼", receivedDate: "2018-03-01" };
  it.each<[Record<string, string>, number, string[]]>([
    [{ headAppeared: "是", judgmentPerformed: "是" }, 1, []],
    [{ headAppeared: "是", judgmentPerformed: "无生效判决" }, 1, []],
    // Every lawsuit: 不适用 is for reconsiderations only.
    [{ headAppeared: "不适用" }, 2 / 3, ["when.notAllowed:error"]],
    [{ headAppeared: "否" }, 2 / 3, ["when.notAllowed:error"]],
    [{ kind: "行政复议", headAppeared: "不适用" }, 1, []],
    [{ headAppeared: "是", judgmentPerformed: "否" }, 2 / 3, ["when.forbidden:error"]],
  ])("%p → %p of T2.6.3", (change, score, findings) => {
    const result = outcome(township, "T2.6.3", { ledgers: { litigation: [{ ...lawsuit, ...change }] } });
    expect(result.findings).toEqual(findings);
    expect(result.score).toBeCloseTo(score, 5);
  });
});

describe("000 三(四) “法治政府建设报告要通过报刊、区政府网站等媒介向社会公开”", () => {
  it.each<[Record<string, string | null>, number, string[]]>([
    [{}, 1, []],
    [{ annualReportChannel: null }, 0, ["published.channelMissing:error"]],
    [{ annualReportPublishDate: null }, 0, ["published.missing:error"]],
    [{ annualReportPublishDate: "2018-03-01" }, 0, ["published.beforeReport:error"]],
  ])("%p → %p of T3.4", (inputs, score, findings) => {
    expect(outcome(township, "T3.4", { inputs })).toMatchObject({ score, findings });
  });
});

describe("000 三(三) “将法律顾问服务范围扩大到村(社区),实现法律顾问服务全覆盖”", () => {
  const done = { status: "完成", doneDate: "2018-06-30", evidence: "法律顾问考核制度、履职档案" };
  it.each<[number, number, number, string[]]>([
    [12, 12, 1, []],
    [11, 12, 0, ["ratio.below:error"]],
  ])("%p of %p villages with an adviser → %p of T3.3", (villagesWithAdviser, villages, score, findings) => {
    const result = outcome(township, "T3.3", {
      inputs: { villages, villagesWithAdviser },
      items: { "T3.3": done },
    });
    expect(result).toMatchObject({ score, findings });
  });
});

describe("000 二(四)1 “建立行政执法人员档案……具有行政执法资格人员占本乡镇在编人员比例达到50%”", () => {
  const officer = (i: number, certified: string) => ({
    name: `执法队员${i}`,
    post: "执法队员",
    established: "是",
    certified,
    certificateNo: certified === "是" ? `640${i}` : "",
  });
  const ledger = (certified: number, uncertified: number) => [
    ...Array.from({ length: certified }, (_, i) => officer(i, "是")),
    ...Array.from({ length: uncertified }, (_, i) => officer(100 + i, "否")),
  ];
  it.each<[number, number, number, string[]]>([
    // The ledger has the records: its 10 certified of 20 established meet 50 %, and agree with the typed 10.
    [10, 10, 1, []],
    // Typed 12 but the ledger lists 10: the ledger is scored, the typed figure is flagged.
    [12, 10, 1, ["countMatches.mismatch:warning"]],
    // Typed 10 (would meet 50 %) but the ledger lists only 9 certified: short, and flagged.
    [10, 9, 0, ["ratio.belowAfterDeadline:error", "countMatches.mismatch:warning"]],
  ])("typed %p certified, ledger lists %p → %p of T2.4.1", (certifiedStaff, listed, score, findings) => {
    const result = outcome(township, "T2.4.1", {
      inputs: { certifiedStaff, establishedStaff: 20 },
      ledgers: { enforcementStaff: ledger(listed, 0) },
    });
    expect(result.findings).toEqual(findings);
    expect(result.score).toBe(score);
  });
});

describe("000 二(一)1 “按照公众参与、专家论证、风险评估、合法性审查和集体讨论决定的法定程序作出重大行政决策”", () => {
  it.each<[Record<string, string>, number, string[]]>([
    [
      { expertReview: "否", expertReviewDate: "", expertReviewNaReason: "常规事务性调整,不涉及专业技术问题" },
      1,
      ["requiredReviews.notApplicable:info"],
    ],
    [{ expertReview: "否", expertReviewDate: "" }, 1 - 1.5 / 5, ["requiredReviews.notDone:error"]],
    // Legality review and collective discussion have no such column: never 不适用.
  ])("%p → %p of T2.1.1", (change, score, findings) => {
    const result = outcome(township, "T2.1.1", { ledgers: { decisions: [{ ...decision, ...change }] } });
    expect(result.findings).toEqual(findings);
    expect(result.score).toBeCloseTo(score, 5);
  });
});
