import type { Pack } from "../../src/core/pack/schema";

const t = (zh: string, en: string) => ({ zh, en });

/**
 * A small pack with every item kind and rule type, shaped like the seeds' quantitative rules
 * (50 % certified by 2018-12-31, 5–10 recorders, ≥ 2 legal staff, report in Q1, reviews before
 * decisions, validity 5 y / 暂行 3 y). Weights are chosen so scores are easy to compute by hand.
 */
export function testPack(): Pack {
  return {
    id: "test-pack",
    version: "1.0.0",
    title: t("测试清单", "Test checklist"),
    source: {
      title: t("测试文件", "Test document"),
      issuer: t("测试局", "Test bureau"),
      date: "2018-04-03",
      file: "test.txt",
    },
    assessment: {
      total: 100,
      points: { basis: "local" },
      bands: [
        { id: "excellent", min: 90, label: t("优秀", "Excellent") },
        { id: "good", min: 80, label: t("良好", "Good") },
        { id: "pass", min: 60, label: t("合格", "Pass") },
        { id: "fail", min: 0, label: t("不合格", "Fail") },
      ],
      bandsBasis: { basis: "local" },
      passBand: "pass",
      vetoWindowYears: 2,
    },
    inputs: [
      {
        id: "established",
        label: t("在编人数", "Established staff"),
        type: "integer",
        unit: t("人", "people"),
      },
      {
        id: "certified",
        label: t("持证执法人数", "Certified enforcement staff"),
        type: "integer",
        unit: t("人", "people"),
      },
      { id: "recorders", label: t("执法记录仪数", "Body cameras"), type: "integer", unit: t("台", "units") },
      {
        id: "legalStaff",
        label: t("法制工作人员数", "Rule-of-law staff"),
        type: "integer",
        unit: t("人", "people"),
      },
      {
        id: "reportDate",
        label: t("上年度法治政府建设报告报送日期", "Annual report submitted on"),
        type: "date",
      },
      { id: "coverage", label: t("覆盖率", "Coverage"), type: "ratio", unit: t("%", "%") },
    ],
    ledgers: [
      {
        id: "decisions",
        title: t("重大行政决策台账", "Major decisions ledger"),
        sheet: "重大行政决策台账",
        columns: [
          { id: "name", header: t("决策事项", "Decision"), type: "text" },
          { id: "participation", header: t("公众参与", "Public participation"), type: "yesNo" },
          { id: "participationDate", header: t("公众参与日期", "Participation date"), type: "date" },
          { id: "legal", header: t("合法性审查", "Legality review"), type: "yesNo" },
          { id: "legalDate", header: t("合法性审查日期", "Legality review date"), type: "date" },
          { id: "decisionDate", header: t("集体讨论决定日期", "Collective decision date"), type: "date" },
        ],
      },
      {
        id: "documents",
        title: t("规范性文件台账", "Normative documents ledger"),
        sheet: "规范性文件台账",
        columns: [
          { id: "docNo", header: t("文号", "Number"), type: "text" },
          { id: "title", header: t("文件名称", "Title"), type: "text" },
          { id: "reviewDate", header: t("合法性审查日期", "Legality review date"), type: "date" },
          { id: "discussDate", header: t("集体讨论日期", "Collective discussion date"), type: "date" },
          { id: "issueDate", header: t("印发日期", "Issue date"), type: "date" },
          { id: "filingDate", header: t("备案日期", "Filing date"), type: "date" },
          { id: "validity", header: t("有效期", "Validity"), type: "text" },
          { id: "copies", header: t("印发份数", "Copies"), type: "integer" },
        ],
      },
      {
        id: "trainings",
        title: t("学法培训台账", "Training ledger"),
        sheet: "培训台账",
        columns: [
          { id: "kind", header: t("形式", "Kind"), type: "enum", values: ["讲座", "培训班"] },
          { id: "date", header: t("日期", "Date"), type: "date" },
          { id: "attendees", header: t("参加人数", "Attendees"), type: "integer" },
        ],
      },
    ],
    groups: [
      {
        id: "G1",
        source: "二(一)",
        title: t("依法决策", "Lawful decisions"),
        sheet: "依法决策",
        items: [
          {
            id: "T1.1",
            source: "二(一)1",
            title: t("建立法律顾问制度", "Legal adviser system"),
            points: 20,
            criteria: { zh: "按完成情况计分", en: "Scored by completion" },
            kind: "status",
            rules: [],
          },
          {
            id: "T1.2",
            source: "二(一)2",
            title: t("年度计划上半年完成", "Yearly plan in the first half"),
            points: 10,
            criteria: { zh: "按完成情况计分", en: "Scored by completion" },
            kind: "status",
            rules: [{ type: "date", column: "doneDate", notAfter: "2018-06-30" }],
            due: { annual: "03-31" },
          },
          {
            id: "T1.3",
            source: "二(一)3",
            title: t("重大决策履行法定程序", "Major decisions follow legal procedures"),
            points: 20,
            criteria: { zh: "按完成情况计分", en: "Scored by completion" },
            kind: "ledger",
            ledger: "decisions",
            rules: [
              { type: "required", column: "name" },
              {
                type: "requiredReviews",
                reviews: [
                  {
                    id: "participation",
                    done: "participation",
                    date: "participationDate",
                    label: t("公众参与", "public participation"),
                  },
                  {
                    id: "legal",
                    done: "legal",
                    date: "legalDate",
                    label: t("合法性审查", "legality review"),
                  },
                ],
                before: "decisionDate",
              },
            ],
          },
          {
            id: "T1.4",
            source: "二(一)4",
            title: t("规范性文件审查备案", "Normative documents reviewed and filed"),
            points: 10,
            criteria: { zh: "按完成情况计分", en: "Scored by completion" },
            kind: "ledger",
            ledger: "documents",
            rules: [
              { type: "dateOrder", columns: ["reviewDate", "discussDate", "issueDate"] },
              { type: "withinDays", from: "issueDate", to: "filingDate", days: 30 },
              {
                type: "validity",
                issueDate: "issueDate",
                validityYears: "validity",
                titleColumns: ["title"],
                maxYears: 5,
                provisionalMaxYears: 3,
                provisionalMarkers: ["暂行", "试行"],
                statedFrom: "2016-01-01",
              },
            ],
          },
        ],
      },
      {
        id: "G2",
        source: "三(一)",
        title: t("队伍建设", "Staff"),
        sheet: "队伍建设",
        items: [
          {
            id: "T2.1",
            source: "三(一)1",
            title: t("持证执法人员不低于在编人数50%", "Certified staff ≥ 50 % of established"),
            points: 8,
            criteria: { zh: "按完成情况计分", en: "Scored by completion" },
            kind: "indicator",
            rules: [
              {
                type: "ratioAtLeast",
                numerator: { input: "certified" },
                denominator: { input: "established" },
                min: 0.5,
                by: "2018-12-31",
              },
            ],
            due: "2018-12-31",
          },
          {
            id: "T2.2",
            source: "三(一)2",
            title: t("配备执法记录仪5至10台", "5 to 10 body cameras"),
            points: 8,
            criteria: { zh: "按完成情况计分", en: "Scored by completion" },
            kind: "indicator",
            rules: [{ type: "countBetween", source: { input: "recorders" }, min: 5, max: 10 }],
          },
          {
            id: "T2.3",
            source: "三(一)3",
            title: t("法制工作人员不少于2名", "At least 2 rule-of-law staff"),
            points: 8,
            criteria: { zh: "按完成情况计分", en: "Scored by completion" },
            kind: "indicator",
            rules: [{ type: "countAtLeast", source: { input: "legalStaff" }, min: 2 }],
          },
          {
            id: "T2.4",
            source: "三(一)4",
            title: t("一季度报送上年度报告", "Report on the previous year in Q1"),
            points: 8,
            criteria: { zh: "按完成情况计分", en: "Scored by completion" },
            kind: "indicator",
            rules: [{ type: "quarterDeadline", input: "reportDate", quarter: 1 }],
            due: { annual: "03-31" },
          },
          {
            id: "T2.5",
            source: "三(一)5",
            title: t("每年举办法治讲座不少于2次", "At least 2 lectures a year"),
            points: 8,
            criteria: { zh: "按完成情况计分", en: "Scored by completion" },
            kind: "indicator",
            rules: [
              {
                type: "countAtLeast",
                source: {
                  ledger: "trainings",
                  where: { column: "kind", equals: ["讲座"] },
                  inAssessmentYear: "date",
                },
                min: 2,
              },
            ],
          },
        ],
      },
      {
        id: "G9",
        source: "九",
        title: t("一票否决", "Veto"),
        sheet: "一票否决",
        items: [
          {
            id: "V9.1",
            source: "九(一)",
            title: t("发生重大违法行政案件", "Serious unlawful act"),
            points: 0,
            criteria: { zh: "按完成情况计分", en: "Scored by completion" },
            kind: "veto",
            rules: [],
          },
          {
            id: "V9.2",
            source: "九(二)",
            title: t("行政诉讼败诉率过高", "Too many lost lawsuits"),
            points: 0,
            criteria: { zh: "按完成情况计分", en: "Scored by completion" },
            kind: "veto",
            rules: [{ type: "vetoWindow", years: 2 }],
          },
        ],
      },
    ],
  };
}
