import { findPack, packItemCount, packItems, type Item, type Pack } from "../../../src/core/pack";
import clauses from "./fixtures/township-2018-clauses.json";

/** The numbered clauses of 二、具体措施 and 三、组织保障 in the 2018 implementation opinion. */
const EXPECTED: readonly [string, string][] = [
  ["T2.1.1", "二(一)1"],
  ["T2.1.2", "二(一)2"],
  ["T2.1.3", "二(一)3"],
  ["T2.1.4", "二(一)4"],
  ["T2.1.5", "二(一)5"],
  ["T2.1.6", "二(一)6"],
  ["T2.1.7", "二(一)7"],
  ["T2.2.1", "二(二)1"],
  ["T2.2.2", "二(二)2"],
  ["T2.2.3", "二(二)3"],
  ["T2.2.4", "二(二)4"],
  ["T2.2.5", "二(二)5"],
  ["T2.3.1", "二(三)1"],
  ["T2.3.2", "二(三)2"],
  ["T2.3.3", "二(三)3"],
  ["T2.3.4", "二(三)4"],
  ["T2.4.1", "二(四)1"],
  ["T2.4.2", "二(四)2"],
  ["T2.4.3", "二(四)3"],
  ["T2.5", "二(五)"],
  ["T2.6.1", "二(六)1"],
  ["T2.6.2", "二(六)2"],
  ["T2.6.3", "二(六)3"],
  ["T2.6.4", "二(六)4"],
  ["T3.1", "三(一)"],
  ["T3.2", "三(二)"],
  ["T3.3", "三(三)"],
  ["T3.4", "三(四)"],
  ["T3.5", "三(五)"],
];

/** Clause texts from the source document, extracted once (tests/core/pack/fixtures). */
const CLAUSE_TEXT: Readonly<Record<string, string>> = clauses;

function township(): Pack {
  const pack = findPack("township-2018");
  if (!pack) throw new Error("township-2018 is not among the built-in packs (see builtin.test.ts)");
  return pack;
}

const item = (id: string): Item => {
  const found = packItems(township()).find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};

function longestCommonRun(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = i + best + 1; j <= a.length && b.includes(a.slice(i, j)); j++) best = j - i;
  }
  return best;
}

describe("township-2018 pack", () => {
  it("has every numbered clause, group by group", () => {
    expect(packItemCount(township())).toEqual({
      "G2.1": 7,
      "G2.2": 5,
      "G2.3": 4,
      "G2.4": 3,
      "G2.5": 1,
      "G2.6": 4,
      G3: 5,
    });
    expect(packItems(township()).map((i) => [i.id, i.source])).toEqual(EXPECTED);
  });

  it("covers exactly the clauses of the source text", () => {
    expect(Object.keys(CLAUSE_TEXT).sort()).toEqual(EXPECTED.map(([, clause]) => clause).sort());
  });

  it.each(EXPECTED)("%s has a short checklist title of its own in both languages", (id, clause) => {
    const { title } = item(id);
    const source = CLAUSE_TEXT[clause] ?? "";
    expect(title.zh.length).toBeLessThanOrEqual(60);
    expect(title.zh.length).toBeLessThan(source.length);
    // Written for the checklist, not pasted: no long run of the document's wording.
    expect(longestCommonRun(title.zh, source)).toBeLessThan(20);
    expect(title.en).not.toEqual(title.zh);
    expect(title.en).toMatch(/^[\x20-\x7E]+$/);
  });

  it("uses the assessment settings of design.md, marked as local", () => {
    expect(township().assessment).toEqual({
      total: 100,
      points: { basis: "local", note: expect.objectContaining({ zh: expect.stringContaining("分值") }) },
      bandsBasis: {
        basis: "local",
        note: expect.objectContaining({ zh: expect.stringContaining("90/80/60") }),
      },
      passBand: "pass",
      bands: [
        expect.objectContaining({ id: "excellent", min: 90, label: { zh: "优秀", en: "Excellent" } }),
        expect.objectContaining({ id: "good", min: 80, label: { zh: "良好", en: "Good" } }),
        expect.objectContaining({ id: "pass", min: 60, label: { zh: "合格", en: "Pass" } }),
        expect.objectContaining({ id: "fail", min: 0, label: { zh: "不合格", en: "Fail" } }),
      ],
      vetoWindowYears: 2,
    });
  });

  it.each([
    ["T2.3.1", { type: "countAtLeast", source: { input: "recorders" }, min: 5 }],
    [
      "T2.4.1",
      {
        type: "ratioAtLeast",
        // Counted from 执法人员台账 when it has records, else the typed figure.
        numerator: {
          ledger: "enforcementStaff",
          where: { column: "certified", equals: ["是"] },
          orInput: "certifiedStaff",
        },
        denominator: { input: "establishedStaff" },
        min: 0.5,
        by: "2018-12-31",
      },
    ],
    ["T3.2", { type: "countAtLeast", source: { input: "legalStaff" }, min: 2 }],
    ["T3.4", { type: "quarterDeadline", input: "annualReportDate", quarter: 1 }],
    [
      "T2.1.6",
      { type: "dateOrder", columns: ["legalityReviewDate", "collectiveDiscussionDate", "decisionDate"] },
    ],
  ])("%s carries the document's figure", (id, rule) => {
    expect(item(id).rules).toContainEqual(rule);
  });

  // 000 二(二)4 says only "上报区人民政府备案"; 二(四)3 asks for a training plan; neither gives a
  // number. The validity caps come from the city's model-unit text (003 二(三)6), not this one.
  it.each([
    ["T2.2.4", "withinDays", /30日为本地设定/],
    ["T2.2.5", "validity", /市级示范单位目标要求/],
    ["T2.4.3", "countAtLeast", /本地设定/],
  ])("%s marks its %s figure as a local setting, with the reason", (id, type, note) => {
    const rule = item(id).rules.find((r) => r.type === type);
    expect(rule).toMatchObject({ basis: "local" });
    expect(rule?.note?.zh).toMatch(note);
  });

  it("marks no figure the document states as local", () => {
    const local = township()
      .groups.flatMap((g) => g.items)
      .flatMap((i) => i.rules.filter((r) => r.basis === "local").map((r) => `${i.id}:${r.type}`));
    expect(local.sort()).toEqual(["T2.2.4:withinDays", "T2.2.5:validity", "T2.4.3:countAtLeast"]);
  });

  it("has the deadlines the document sets", () => {
    expect(item("T2.4.1").due).toBe("2018-12-31");
    expect(item("T3.4").due).toEqual({ annual: "03-31" });
  });

  it("requires all five statutory steps before a major decision", () => {
    const rule = item("T2.1.1").rules.find((r) => r.type === "requiredReviews");
    expect(rule).toMatchObject({ before: "decisionDate" });
    expect(rule?.type === "requiredReviews" && rule.reviews.map((r) => r.id)).toEqual([
      "publicParticipation",
      "expertReview",
      "riskAssessment",
      "legalityReview",
      "collectiveDiscussion",
    ]);
  });

  it("reviews contracts before signing and files them", () => {
    expect(item("T2.5").rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: "requiredReviews", before: "signingDate" }),
        { type: "required", column: "filingDate" },
      ]),
    );
  });

  it("keeps the records the document asks for in ledgers", () => {
    const ledgerOf = Object.fromEntries(
      packItems(township())
        .filter((i) => i.kind === "ledger")
        .map((i) => [i.id, i.ledger]),
    );
    expect(ledgerOf).toEqual({
      "T2.1.1": "decisions",
      "T2.1.6": "decisions",
      "T2.1.7": "decisions",
      "T2.2.1": "normativeDocs",
      "T2.2.2": "normativeDocs",
      "T2.2.3": "normativeDocs",
      "T2.2.4": "normativeDocs",
      "T2.2.5": "normativeDocs",
      "T2.4.1": "enforcementStaff",
      "T2.4.3": "trainings",
      "T2.5": "contracts",
      "T2.6.3": "litigation",
    });
  });

  it("labels every input and ledger column in both languages, with help", () => {
    for (const input of township().inputs) {
      expect({ id: input.id, zh: !!input.label.zh, en: !!input.label.en, help: !!input.help }).toEqual({
        id: input.id,
        zh: true,
        en: true,
        help: true,
      });
    }
    for (const ledger of township().ledgers) {
      for (const column of ledger.columns) {
        expect({ column: `${ledger.id}.${column.id}`, en: column.header.en !== column.header.zh }).toEqual({
          column: `${ledger.id}.${column.id}`,
          en: true,
        });
      }
    }
  });

  it("gives every item points in halves, adding up to the pack's 100", () => {
    const items = township().groups.flatMap((g) => g.items);
    for (const item of items)
      expect({ id: item.id, half: (item.points * 2) % 1 }).toEqual({ id: item.id, half: 0 });
    expect(items.reduce((sum, i) => sum + i.points, 0)).toBe(township().assessment.total);
    expect(township().assessment.total).toBe(100);
  });
});
