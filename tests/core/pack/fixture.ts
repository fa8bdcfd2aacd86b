/** A small valid pack; tests break one thing at a time on a fresh copy. */
export function validPack(): Record<string, unknown> {
  return structuredClone({
    id: "test-pack",
    version: "1.0.0",
    title: { zh: "测试模板", en: "Test pack" },
    source: {
      title: { zh: "测试文件", en: "Test document" },
      issuer: { zh: "测试机关", en: "Test issuer" },
      date: "2018-04-03",
      file: "test.txt",
    },
    assessment: {
      total: 6,
      points: { basis: "local" },
      bands: [
        { id: "excellent", min: 90, label: { zh: "优秀", en: "Excellent" } },
        { id: "pass", min: 60, label: { zh: "合格", en: "Pass" } },
        { id: "fail", min: 0, label: { zh: "不合格", en: "Fail" } },
      ],
      bandsBasis: { basis: "local" },
      passBand: "pass",
      vetoWindowYears: 2,
    },
    inputs: [
      { id: "staff", label: { zh: "在编人数", en: "Staff" }, type: "integer" },
      { id: "certified", label: { zh: "持证人数", en: "Certified" }, type: "integer" },
      { id: "reportDate", label: { zh: "报告日期", en: "Report date" }, type: "date" },
    ],
    ledgers: [
      {
        id: "docs",
        title: { zh: "文件台账", en: "Documents" },
        sheet: "文件台账",
        columns: [
          { id: "title", header: { zh: "标题", en: "Title" }, type: "text" },
          { id: "kind", header: { zh: "类型", en: "Kind" }, type: "enum", values: ["正式", "试行"] },
          { id: "reviewed", header: { zh: "已审查", en: "Reviewed" }, type: "yesNo" },
          { id: "reviewDate", header: { zh: "审查日期", en: "Review date" }, type: "date" },
          { id: "issueDate", header: { zh: "印发日期", en: "Issued" }, type: "date" },
        ],
      },
    ],
    groups: [
      {
        id: "G1",
        source: "一",
        title: { zh: "第一组", en: "Group one" },
        sheet: "一、第一组",
        items: [
          {
            id: "T1.1",
            source: "一1",
            title: { zh: "做完一件事", en: "Get one thing done" },
            points: 1,
            criteria: { zh: "按完成情况计分", en: "Scored by completion" },
            kind: "status",
            rules: [{ type: "date", column: "doneDate", notAfter: "2018-12-31" }],
          },
          {
            id: "T1.2",
            source: "一2",
            title: { zh: "持证比例", en: "Certified share" },
            points: 2,
            criteria: { zh: "按完成情况计分", en: "Scored by completion" },
            kind: "indicator",
            rules: [
              {
                type: "ratioAtLeast",
                numerator: { input: "certified" },
                denominator: { input: "staff" },
                min: 0.5,
                by: "2018-12-31",
              },
            ],
            due: "2018-12-31",
          },
          {
            id: "T1.3",
            source: "一3",
            title: { zh: "文件先审查后印发", en: "Review before issue" },
            points: 3,
            criteria: { zh: "按完成情况计分", en: "Scored by completion" },
            kind: "ledger",
            ledger: "docs",
            rules: [
              { type: "required", column: "title" },
              {
                type: "requiredReviews",
                reviews: [
                  { id: "legal", done: "reviewed", date: "reviewDate", label: { zh: "审查", en: "Review" } },
                ],
                before: "issueDate",
              },
              { type: "countAtLeast", source: { ledger: "docs", inAssessmentYear: "issueDate" }, min: 1 },
            ],
          },
        ],
      },
      {
        id: "G9",
        source: "九",
        title: { zh: "一票否决", en: "Veto" },
        sheet: "九、一票否决",
        items: [
          {
            id: "T9.1",
            source: "九1",
            title: { zh: "发生重大违法", en: "Serious breach" },
            points: 0,
            criteria: { zh: "按完成情况计分", en: "Scored by completion" },
            kind: "veto",
            rules: [],
          },
        ],
      },
    ],
  });
}

/** The object at a path of a fixture, to edit in place. */
export function at(root: unknown, ...path: (string | number)[]): Record<string, unknown> {
  let node = root;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  return node as Record<string, unknown>;
}
