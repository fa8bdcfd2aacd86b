import fc from "fast-check";
import { assess } from "../../../src/core/assess";
import type { Finding } from "../../../src/core/findings";
import { findingMessage } from "../../../src/i18n";
import { layoutFor } from "../../../src/core/layout";
import { findPack } from "../../../src/core/pack/builtin";
import type { Pack } from "../../../src/core/pack/schema";
import type { CellValue } from "../../../src/core/snapshot";
import { generateSnapshot } from "../../support/generate";
import { buildSnapshot, type SnapshotSpec } from "../../support/snapshot";

// Issue 11, case by case, on the shipped packs; every expectation is worked out by hand from
// the points in templates/*.json.
const township = findPack("township-2018") as Pack;
const modelUnit = findPack("model-unit") as Pack;

const run = (pack: Pack, spec: SnapshotSpec) => assess(pack, buildSnapshot(pack, spec));
const itemOf = (result: ReturnType<typeof run>, id: string) => {
  const item = result.items.find((i) => i.itemId === id);
  if (!item) throw new Error(id);
  return item;
};

const decision = (legalityReviewDate: string): Record<string, CellValue> => ({
  name: "集镇规划调整",
  publicParticipation: "是",
  publicParticipationDate: "2018-03-01",
  expertReview: "是",
  expertReviewDate: "2018-03-02",
  riskAssessment: "是",
  riskAssessmentDate: "2018-03-03",
  legalityReview: "是",
  legalityReviewDate,
  collectiveDiscussion: "是",
  collectiveDiscussionDate: "2018-03-06",
  decisionDate: "2018-03-08",
  publicationDate: "2018-03-09",
  archived: "是",
});

describe("points that add up", () => {
  it.each([
    ["township-2018", township],
    ["model-unit", modelUnit],
  ])("%s: item points add up to 100, and each group's to the sum of its items", (_id, pack) => {
    const items = pack.groups.flatMap((g) => g.items);
    expect(items.reduce((sum, i) => sum + i.points, 0)).toBe(100);
    expect(pack.assessment.total).toBe(100);
    const result = run(pack, {});
    for (const group of result.groups) {
      const own = pack.groups.find((g) => g.id === group.groupId)?.items ?? [];
      expect(group.points).toBe(own.reduce((sum, i) => sum + i.points, 0));
    }
  });

  it.each([
    ["township-2018", township],
    ["model-unit", modelUnit],
  ])("%s: every item has a 评分标准 in both languages", (_id, pack) => {
    for (const item of pack.groups.flatMap((g) => g.items)) {
      expect(item.criteria.zh.length).toBeGreaterThan(5);
      expect(item.criteria.en.length).toBeGreaterThan(5);
    }
  });

  it("on 1,000 random workbooks, Σ items' 实得 = total 实得 and score = 实得 / 应得 × 100", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 40 }),
        fc.constantFrom(township, modelUnit),
        fc.constantFrom("2018-03-15", "2018-12-31", "2019-01-15", "2019-06-30"),
        (seed, rows, pack, assessmentDate) => {
          const result = assess(pack, generateSnapshot(pack, rows, seed, { assessmentDate }));
          const earned = result.items.reduce((sum, i) => sum + i.earned, 0);
          const applicable = result.items.reduce((sum, i) => sum + (i.applicable ? i.points : 0), 0);
          expect(result.total.earned).toBeCloseTo(earned, 9);
          expect(result.total.applicable).toBeCloseTo(applicable, 9);
          expect(result.total.points).toBe(100);
          // By hand: the two sums to the cent, then one decimal, half up.
          const [e, a] = [Math.round(earned * 100) / 100, Math.round(applicable * 100) / 100];
          const expected = a > 0 ? Math.round(Number(((e / a) * 1000).toFixed(6))) / 10 : 0;
          expect(result.score).toBe(expected);
          for (const item of result.items) {
            expect(item.earned).toBeGreaterThanOrEqual(0);
            expect(item.earned).toBeLessThanOrEqual(item.points);
            expect(item.lost).toBeCloseTo(item.applicable ? item.points - item.earned : 0, 9);
          }
          const lost = result.gaps.reduce((sum, g) => sum + g.pointsLost, 0);
          expect(lost).toBeCloseTo(applicable - earned, 6);
        },
      ),
      { numRuns: 1000, seed: 11 },
    );
  });
});

describe("an empty ledger scores 0 unless declared (hiding records never pays)", () => {
  // T2.1.1 5 + T2.1.6 5 + T2.1.7 4.5 = 14.5 points rest on 重大行政决策台账.
  const decisions = ["T2.1.1", "T2.1.6", "T2.1.7"];

  it("empty and undeclared: the three items earn 0 of 14.5, and stay in 应得", () => {
    const result = run(township, {});
    for (const id of decisions) expect(itemOf(result, id)).toMatchObject({ applicable: true, earned: 0 });
    expect(itemOf(result, "T2.1.1").reason.code).toBe("ledger.empty");
  });

  it("one flawed record earns more than none, never less", () => {
    // Legality review after the collective discussion (still before the decision): only T2.1.6,
    // which asks for the review before the discussion, loses its 1.5.
    const flawed = run(township, { ledgers: { decisions: [decision("2018-03-07")] } });
    const empty = run(township, {});
    expect(decisions.map((id) => itemOf(flawed, id).earned)).toEqual([5, 3.5, 4.5]);
    expect(flawed.total.earned).toBeGreaterThan(empty.total.earned);
  });

  it("a deduction per failing record, capped at the item's points", () => {
    const records = [
      decision("2018-03-05"),
      decision("2018-03-07"),
      decision("2018-03-07"),
      decision("2018-03-07"),
      decision("2018-03-07"),
    ];
    const result = run(township, { ledgers: { decisions: records } });
    // 4 failing records × 1.5 = 6 > 5: T2.1.6 earns 0, the reason says so.
    expect(itemOf(result, "T2.1.6")).toMatchObject({
      earned: 0,
      reason: { code: "ledger.deduct", params: { failed: 4, total: 5, perRecord: 1.5, deducted: 5 } },
    });
  });

  it("declared 本评估年度无此类事项 with a reason: its items leave 应得 and are listed for the reviewer", () => {
    const result = run(township, {
      declarations: { decisions: "本年度未作出重大行政决策" },
    });
    for (const id of decisions) {
      expect(itemOf(result, id)).toMatchObject({ applicable: false, state: "notApplicable" });
    }
    expect(result.total.applicable).toBe(100 - 14.5);
    expect(result.declarations).toEqual([
      expect.objectContaining({
        ledgerId: "decisions",
        reason: "本年度未作出重大行政决策",
        itemIds: decisions,
      }),
    ]);
  });

  it("a blank reason is no declaration, and one beside records is not honoured", () => {
    const blank = run(township, { declarations: { decisions: "  " } });
    expect(itemOf(blank, "T2.1.1")).toMatchObject({ applicable: true, reason: { code: "ledger.empty" } });
    const withRecords = run(township, {
      declarations: { decisions: "无" },
      ledgers: { decisions: [decision("2018-03-05")] },
    });
    const finding = withRecords.findings.find((f) => f.code === "declaration.withRecords");
    expect(finding).toMatchObject({ severity: "warning", sheet: "基本信息" });
    expect(itemOf(withRecords, "T2.1.1")).toMatchObject({ applicable: true, earned: 5 });
  });

  it("trainings and enforcement staff are yearly duties: 基本信息 offers no declaration for them", () => {
    const rows = layoutFor(township).info.rows.map((r) => r.inputId);
    expect(rows.filter((id) => id.startsWith("noMatters_"))).toEqual([
      "noMatters_decisions",
      "noMatters_normativeDocs",
      "noMatters_contracts",
      "noMatters_litigation",
    ]);
    const result = run(township, { inputs: { noMatters_trainings: "没有培训" } });
    expect(itemOf(result, "T2.4.3")).toMatchObject({ applicable: true, earned: 0 });
  });
});

describe("the assessment year (评估年度)", () => {
  const trainings2018 = [
    { name: "领导干部法治专题培训班", kind: "领导干部法治专题培训班", date: "2018-05-10", attendees: 30 },
    { name: "法治专题讲座一", kind: "法治专题讲座", date: "2018-06-10", attendees: 30 },
    { name: "法治专题讲座二", kind: "法治专题讲座", date: "2018-09-10", attendees: 30 },
    { name: "法律知识培训一", kind: "法律知识培训", date: "2018-04-10", attendees: 30 },
    { name: "法律知识培训二", kind: "法律知识培训", date: "2018-10-10", attendees: 30 },
    { name: "执法人员专题培训", kind: "执法人员专题培训", date: "2018-11-10", attendees: 30 },
  ];

  it("assessed on 2019-01-15, the 2018 classes, lectures and trainings count (M7.4, M7.5)", () => {
    const result = run(modelUnit, { assessmentDate: "2019-01-15", ledgers: { trainings: trainings2018 } });
    expect(result.assessmentYear).toBe(2018);
    expect(itemOf(result, "M7.4")).toMatchObject({ state: "earned", earned: itemOf(result, "M7.4").points });
    expect(itemOf(result, "M7.5")).toMatchObject({ state: "earned" });
  });

  it("a township workbook dated in January opens without a training error for last year", () => {
    const result = run(township, {
      assessmentDate: "2019-01-15",
      ledgers: {
        trainings: [{ kind: "法律知识培训", date: "2018-06-01", topic: "行政诉讼法", attendees: 20 }],
      },
    });
    expect(itemOf(result, "T2.4.3").findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("an entered 评估年度 wins over the default; one after the assessment date is refused", () => {
    expect(
      run(township, { assessmentDate: "2019-01-15", inputs: { assessmentYear: 2019 } }).assessmentYear,
    ).toBe(2019);
    const future = run(township, { assessmentDate: "2019-01-15", inputs: { assessmentYear: 2020 } });
    expect(future.assessmentYear).toBe(2018);
    expect(future.findings.map((f) => f.code)).toContain("info.assessmentYearAfterDate");
  });

  it("requirements not yet due are 待完成: out of 应得, neither earned nor lost (T3.4, T2.4.1 on 2018-03-15)", () => {
    const result = run(township, {
      assessmentDate: "2018-03-15",
      inputs: { assessmentYear: 2018, establishedStaff: 20, certifiedStaff: 4 },
      ledgers: {
        enforcementStaff: [
          { name: "张三", post: "执法队员", established: "是", certified: "是", certificateNo: "64001" },
        ],
      },
    });
    expect(itemOf(result, "T3.4")).toMatchObject({ state: "pending", applicable: false, due: "2018-03-31" });
    expect(itemOf(result, "T2.4.1")).toMatchObject({
      state: "pending",
      applicable: false,
      due: "2018-12-31",
    });
    expect(result.pending.map((p) => [p.itemId, p.due])).toEqual([
      ["T2.4.1", "2018-12-31"],
      ["T3.4", "2018-03-31"],
    ]);
    expect(result.gaps.map((g) => g.itemId)).not.toContain("T3.4");
    const t34 = itemOf(result, "T3.4").findings;
    expect(t34.every((f) => f.severity !== "error")).toBe(true);
  });
});

describe("dates after the assessment date", () => {
  it("the annual report date is an error on its own cell and earns nothing", () => {
    const result = run(township, {
      assessmentDate: "2018-03-15",
      inputs: { annualReportDate: "2018-03-20", assessmentYear: 2018 },
    });
    const finding = result.findings.find((f) => f.code === "date.inFuture");
    expect(finding).toMatchObject({ sheet: "基本信息", severity: "error" });
    expect(itemOf(result, "T3.4").earned).toBe(0);
  });

  it("every ledger date column too, except an expiry such as 证件有效期至", () => {
    const result = run(modelUnit, {
      assessmentDate: "2018-12-31",
      ledgers: {
        enforcementStaff: [
          { name: "李四", unit: "综合执法办", certNo: "A1", certValidUntil: "2021-06-30", established: "是" },
        ],
        trainings: [
          {
            name: "培训",
            kind: "法律知识培训",
            date: "2019-02-01",
            organizer: "司法所",
            attendees: 10,
            materials: "签到表",
          },
        ],
      },
    });
    const future = result.findings.filter((f) => f.code === "date.inFuture").map((f) => f.column);
    expect(future).toEqual(["date"]);
  });
});

describe("veto status and recognition", () => {
  it("a pack without veto conditions shows neither", () => {
    const result = run(township, {});
    expect([result.hasVeto, result.recognized]).toEqual([false, false]);
  });

  it("no veto but 0 points is not 可予认定", () => {
    const result = run(modelUnit, {});
    expect(result.score).toBe(0);
    expect([result.hasVeto, result.eligible, result.recognized]).toEqual([true, true, false]);
  });
});

describe("local settings are never presented as the document's words", () => {
  it("a finding of a local rule says 本地设定 (T2.2.4's 30-day window)", () => {
    const result = run(township, {
      ledgers: {
        normativeDocs: [
          {
            docNumber: "沙镇发〔2018〕1号",
            title: "村规民约管理办法",
            docType: "正式",
            reviewDate: "2018-03-01",
            discussionDate: "2018-03-05",
            issueDate: "2018-03-10",
            publicationDate: "2018-03-12",
            filingDate: "2018-05-20",
            validityYears: 5,
          },
        ],
      },
    });
    const late = result.findings.find((f) => f.code === "withinDays.exceeded");
    expect(late?.params["local"]).toBe(true);
    expect(findingMessage("zh-CN", late as Finding)).toMatch(/\(本地设定\)$/);
    expect(findingMessage("en-US", late as Finding)).toMatch(/\(local setting\)$/);
    const order = result.findings.find(
      (f) => f.code === "requiredReviews.missing" || f.code === "dateOrder.violated",
    );
    expect(order === undefined || order.params["local"] === undefined).toBe(true);
  });
});
