import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadPack, Pack, type Item, type Rule } from "../../../src/core/pack";

const raw: unknown = JSON.parse(readFileSync(join(__dirname, "../../../templates/model-unit.json"), "utf8"));
const pack = Pack.parse(raw);
const items = pack.groups.flatMap((g) => g.items.map((item) => ({ group: g.id, item })));
const item = (id: string): Item => {
  const found = items.find((x) => x.item.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found.item;
};
const rulesOf = (id: string, type: Rule["type"]): Rule[] => item(id).rules.filter((r) => r.type === type);

/**
 * Every numbered requirement of 003_26ec9ae1f29c39f6.txt with the clause a reviewer looks up:
 * area, sub-section, number (numbering restarts in each area and runs across its sub-sections).
 */
const CLAUSES: readonly (readonly [string, string])[] = [
  // 一、依法全面履行政府职能
  ["M1.1", "一(一)1"],
  ["M1.2", "一(一)2"],
  ["M1.3", "一(一)3"],
  ["M1.4", "一(二)4"],
  ["M1.5", "一(二)5"],
  ["M1.6", "一(三)6"],
  ["M1.7", "一(三)7"],
  ["M1.8", "一(三)8"],
  ["M1.9", "一(四)9"],
  ["M1.10", "一(四)10"],
  ["M1.11", "一(五)11"],
  ["M1.12", "一(六)12"],
  ["M1.13", "一(七)13"],
  ["M1.14", "一(七)14"],
  ["M1.15", "一(七)15"],
  ["M1.16", "一(七)16"],
  ["M1.17", "一(八)17"],
  ["M1.18", "一(八)18"],
  ["M1.19", "一(八)19"],
  ["M1.20", "一(九)20"],
  ["M1.21", "一(九)21"],
  ["M1.22", "一(十)22"],
  ["M1.23", "一(十)23"],
  // 二、完善依法行政制度体系
  ["M2.1", "二(一)1"],
  ["M2.2", "二(一)2"],
  ["M2.3", "二(二)3"],
  ["M2.4", "二(二)4"],
  ["M2.5", "二(三)5"],
  ["M2.6", "二(三)6"],
  ["M2.7", "二(四)7"],
  // 三、推进行政决策科学化、民主化、法治化
  ["M3.1", "三(一)1"],
  ["M3.2", "三(二)2"],
  ["M3.3", "三(二)3"],
  ["M3.4", "三(二)4"],
  ["M3.5", "三(三)5"],
  ["M3.6", "三(三)6"],
  ["M3.7", "三(三)7"],
  ["M3.8", "三(四)8"],
  ["M3.9", "三(五)9"],
  ["M3.10", "三(六)10"],
  ["M3.11", "三(七)11"],
  // 四、坚持严格规范公正文明执法
  ["M4.1", "四(一)1"],
  ["M4.2", "四(一)2"],
  ["M4.3", "四(一)3"],
  ["M4.4", "四(二)4"],
  ["M4.5", "四(二)5"],
  ["M4.6", "四(二)6"],
  ["M4.7", "四(三)7"],
  ["M4.8", "四(四)8"],
  ["M4.9", "四(四)9"],
  ["M4.10", "四(五)10"],
  ["M4.11", "四(五)11"],
  ["M4.12", "四(六)12"],
  ["M4.13", "四(六)13"],
  // 五、强化对行政权力的制约和监督
  ["M5.1", "五(一)1"],
  ["M5.2", "五(一)2"],
  ["M5.3", "五(一)3"],
  ["M5.4", "五(一)4"],
  ["M5.5", "五(一)5"],
  ["M5.6", "五(二)6"],
  ["M5.7", "五(二)7"],
  ["M5.8", "五(二)8"],
  ["M5.9", "五(二)9"],
  ["M5.10", "五(三)10"],
  ["M5.11", "五(三)11"],
  ["M5.12", "五(四)12"],
  ["M5.13", "五(四)13"],
  ["M5.14", "五(五)14"],
  ["M5.15", "五(五)15"],
  ["M5.16", "五(五)16"],
  ["M5.17", "五(六)17"],
  ["M5.18", "五(六)18"],
  // 六、依法有效化解社会矛盾纠纷
  ["M6.1", "六(一)1"],
  ["M6.2", "六(一)2"],
  ["M6.3", "六(一)3"],
  ["M6.4", "六(二)4"],
  ["M6.5", "六(二)5"],
  ["M6.6", "六(三)6"],
  ["M6.7", "六(三)7"],
  ["M6.8", "六(四)8"],
  ["M6.9", "六(五)9"],
  ["M6.10", "六(五)10"],
  ["M6.11", "六(五)11"],
  // 七、全面提高政府工作人员法治思维和依法行政能力
  ["M7.1", "七(一)1"],
  ["M7.2", "七(一)2"],
  ["M7.3", "七(二)3"],
  ["M7.4", "七(二)4"],
  ["M7.5", "七(二)5"],
  ["M7.6", "七(三)6"],
  ["M7.7", "七(三)7"],
  ["M7.8", "七(四)8"],
  ["M7.9", "七(四)9"],
  // 八、组织保障和落实机制
  ["M8.1", "八(一)1"],
  ["M8.2", "八(一)2"],
  ["M8.3", "八(二)3"],
  ["M8.4", "八(二)4"],
  ["M8.5", "八(三)5"],
  ["M8.6", "八(三)6"],
  ["M8.7", "八(四)7"],
  ["M8.8", "八(四)8"],
  ["M8.9", "八(五)9"],
  ["M8.10", "八(五)10"],
  ["M8.11", "八(六)11"],
  ["M8.12", "八(六)12"],
  ["M8.13", "八(六)13"],
  // 九、一票否决
  ["M9.1", "九1"],
  ["M9.2", "九2"],
  ["M9.3", "九3"],
  ["M9.4", "九4"],
  ["M9.5", "九5"],
  ["M9.6", "九6"],
];

describe("model-unit pack", () => {
  it("passes the schema and the loader", () => {
    expect(Pack.safeParse(raw).success).toBe(true);
    const loaded = loadPack(raw);
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
  });

  it.each([
    ["G1", 23],
    ["G2", 7],
    ["G3", 11],
    ["G4", 13],
    ["G5", 18],
    ["G6", 11],
    ["G7", 9],
    ["G8", 13],
    ["G9", 6],
  ])("group %s has %i items", (groupId, count) => {
    expect(pack.groups.find((g) => g.id === groupId)?.items).toHaveLength(count);
  });

  it("has 105 requirements and 6 veto conditions, no more groups", () => {
    expect(pack.groups.map((g) => g.id)).toEqual(["G1", "G2", "G3", "G4", "G5", "G6", "G7", "G8", "G9"]);
    expect(items.filter((x) => x.item.kind !== "veto")).toHaveLength(105);
    expect(items.filter((x) => x.item.kind === "veto")).toHaveLength(6);
  });

  it("pins every item id to its clause, in document order", () => {
    expect(items.map((x) => [x.item.id, x.item.source])).toEqual(CLAUSES);
  });

  it("has unique item ids", () => {
    const ids = items.map((x) => x.item.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(items.map((x) => [x.item.id, x.item] as const))(
    "%s has a short zh title and a distinct en title",
    (_id, it) => {
      expect(it.title.zh.trim()).not.toBe("");
      expect(it.title.en.trim()).not.toBe("");
      expect([...it.title.zh].length).toBeLessThanOrEqual(60);
      expect(it.title.en).not.toBe(it.title.zh);
      if (it.kind === "veto") expect(it.points).toBe(0);
      else expect([0.5, 1, 1.5, 2, 2.5, 3]).toContain(it.points);
    },
  );

  it("keeps veto conditions in G9 only, with no points", () => {
    const g9 = pack.groups.find((g) => g.id === "G9");
    expect(g9?.items.reduce((sum, i) => sum + i.points, 0)).toBe(0);
    expect(g9?.items.every((i) => i.kind === "veto")).toBe(true);
    expect(items.filter((x) => x.item.kind === "veto").every((x) => x.group === "G9")).toBe(true);
    expect(pack.assessment.vetoWindowYears).toBe(2);
  });

  it("grades 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, else 不合格", () => {
    expect(pack.assessment.bands.map((b) => [b.label.zh, b.min])).toEqual([
      ["优秀", 90],
      ["良好", 80],
      ["合格", 60],
      ["不合格", 0],
    ]);
  });
});

describe("model-unit quantitative requirements", () => {
  it("二(三)6: normative documents valid ≤ 5 years, 暂行/试行 ≤ 3, stated from 2016-01-01", () => {
    expect(item("M2.6")).toMatchObject({ kind: "ledger", ledger: "normativeDocs" });
    expect(rulesOf("M2.6", "validity")).toEqual([
      expect.objectContaining({
        maxYears: 5,
        provisionalMaxYears: 3,
        provisionalMarkers: ["暂行", "试行"],
        statedFrom: "2016-01-01",
      }),
    ]);
  });

  it("二(一)1: legality review, then collective discussion, issue, publication, filing", () => {
    expect(rulesOf("M2.1", "dateOrder")).toEqual([
      {
        type: "dateOrder",
        columns: ["reviewDate", "discussionDate", "issueDate", "publishDate", "filingDate"],
      },
    ]);
  });

  it("二(二)4: at least one inspection of normative documents a year", () => {
    expect(rulesOf("M2.4", "countAtLeast")).toEqual([
      {
        type: "countAtLeast",
        source: { input: "normativeDocChecks" },
        min: 1,
        // "县(市)区人民政府应当每年组织 1 次……检查": the duty of county/district governments only.
        appliesTo: expect.objectContaining({ input: "unitType", values: ["县(市)区人民政府"] }),
      },
    ]);
  });

  it("三(一)1: all five procedures of a major decision, each before the decision", () => {
    const [rule] = rulesOf("M3.1", "requiredReviews");
    expect(rule).toMatchObject({ before: "decisionDate" });
    expect(rule?.type === "requiredReviews" && rule.reviews.map((r) => r.label.zh)).toEqual([
      "公众参与",
      "专家论证",
      "风险评估",
      "合法性审查",
      "集体讨论决定",
    ]);
  });

  it("三(四)8: legality review before the collective discussion", () => {
    expect(rulesOf("M3.8", "requiredReviews")).toEqual([
      expect.objectContaining({
        before: "collectiveDate",
        reviews: [expect.objectContaining({ id: "legality" })],
      }),
    ]);
  });

  it.each([
    ["领导干部法治专题培训班", 1],
    ["法治专题讲座", 2],
    ["法律知识培训", 2],
  ])("七(二)4: at least %s × %i a year", (kind, min) => {
    expect(rulesOf("M7.4", "countAtLeast")).toContainEqual({
      type: "countAtLeast",
      source: { ledger: "trainings", where: { column: "kind", equals: [kind] }, inAssessmentYear: "date" },
      min,
      appliesTo: expect.objectContaining({ input: "unitType" }),
    });
  });

  it("八(二)4: the executive meeting hears a report yearly; last year's report in the first quarter", () => {
    expect(item("M8.4")).toMatchObject({ kind: "indicator", due: { annual: "03-31" } });
    expect(item("M8.4").rules).toEqual([
      { type: "countAtLeast", source: { input: "executiveMeetingReports" }, min: 1 },
      { type: "quarterDeadline", input: "annualReportDate", quarter: 1 },
      // "报告的主要内容要通过报刊、政府网站等向社会公开"
      expect.objectContaining({
        type: "published",
        date: "annualReportPublishDate",
        channel: "annualReportChannel",
      }),
    ]);
  });

  it("五(二)8: the agency never sends only a lawyer to court", () => {
    expect(rulesOf("M5.8", "when")).toContainEqual(
      expect.objectContaining({
        if: { column: "appearance", equals: ["仅委托律师出庭"] },
        then: { column: "appearance", forbidden: true },
      }),
    );
    const column = pack.ledgers
      .find((l) => l.id === "litigation")
      ?.columns.find((c) => c.id === "appearance");
    expect(column?.values).toContain("仅委托律师出庭");
  });

  it("uses only training kinds the ledger offers", () => {
    const kinds =
      pack.ledgers.find((l) => l.id === "trainings")?.columns.find((c) => c.id === "kind")?.values ?? [];
    const counted = items.flatMap((x) =>
      x.item.rules.flatMap((r) =>
        r.type === "countAtLeast" && "ledger" in r.source && r.source.ledger === "trainings"
          ? (r.source.where?.equals ?? [])
          : [],
      ),
    );
    expect(counted.length).toBeGreaterThan(0);
    for (const kind of counted) expect(kinds).toContain(kind);
  });
});
