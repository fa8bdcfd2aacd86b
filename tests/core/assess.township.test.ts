import { assess } from "../../src/core/assess";
import { findPack } from "../../src/core/pack/builtin";
import type { Pack } from "../../src/core/pack/schema";
import type { CellValue } from "../../src/core/snapshot";
import { generateSnapshot } from "../support/generate";
import { buildSnapshot, type SnapshotSpec } from "../support/snapshot";

// The seed's quantitative rules, checked through the shipped township-2018 pack.
const pack = findPack("township-2018") as Pack;

const inputs = {
  establishedStaff: 20,
  certifiedStaff: 10,
  recorders: 6,
  legalStaff: 2,
  annualReportDate: "2018-03-20",
  annualReportPublishDate: "2018-04-10",
  annualReportChannel: "区政府网站",
};

function itemOf(id: string, spec: SnapshotSpec) {
  const result = assess(pack, buildSnapshot(pack, { ...spec, inputs: { ...inputs, ...spec.inputs } }));
  const item = result.items.find((i) => i.itemId === id);
  if (!item) throw new Error(`no item ${id}`);
  // The share of its points the item earned, 0..1.
  // Dates here are typed as text for readability: their warning (date.textNotDate) costs nothing.
  const codes = item.findings.map((f) => f.code).filter((c) => c !== "date.textNotDate");
  return { score: item.earned / item.points, codes, state: item.state };
}

describe("township-2018: seed thresholds", () => {
  it("ships and loads", () => {
    expect(pack?.id).toBe("township-2018");
  });

  it.each<[CellValue, number, string[]]>([
    [4, 0, ["count.belowMin"]],
    [5, 1, []],
    [10, 1, []],
    [11, 1, []],
  ])("%p law-enforcement recorders", (recorders, score, codes) => {
    expect(itemOf("T2.3.1", { inputs: { recorders } })).toMatchObject({ score, codes });
  });

  it.each<[CellValue, number, string[]]>([
    [1, 0, ["count.belowMin"]],
    [2, 1, []],
  ])("%p rule-of-law staff", (legalStaff, score, codes) => {
    expect(itemOf("T3.2", { inputs: { legalStaff } })).toMatchObject({ score, codes });
  });

  it.each<[CellValue, number, string[]]>([
    ["2018-03-31", 1, []],
    ["2018-04-01", 0, ["quarterDeadline.late"]],
  ])("annual report submitted %p", (annualReportDate, score, codes) => {
    expect(itemOf("T3.4", { inputs: { annualReportDate } })).toMatchObject({ score, codes });
  });

  // The certified count comes from 执法人员台账 when it has records (000 二(四)1).
  const staffOf = (certified: number) => ({
    enforcementStaff: Array.from({ length: certified }, (_, i) => ({
      name: `执法队员${i + 1}`,
      post: "执法队员",
      established: "是",
      certified: "是",
      certificateNo: `64${String(i).padStart(3, "0")}`,
    })),
  });
  it.each<[number, string, string[]]>([
    [49, "2018-12-30", ["ratio.belowBeforeDeadline"]],
    [49, "2018-12-31", ["ratio.belowAfterDeadline"]],
    [50, "2018-12-30", []],
    [50, "2018-12-31", []],
  ])("%p of 100 established staff certified, assessed %s", (certifiedStaff, assessmentDate, codes) => {
    const item = itemOf("T2.4.1", {
      assessmentDate,
      inputs: { certifiedStaff, establishedStaff: 100 },
      ledgers: staffOf(certifiedStaff),
    });
    expect(item.codes).toEqual(codes);
    expect(item.score).toBe(codes.length === 0 ? 1 : 0);
    // Short before the deadline is 待完成 (out of 应得), not lost.
    expect(item.state).toBe(
      codes.length === 0 ? "earned" : codes[0] === "ratio.belowBeforeDeadline" ? "pending" : "lost",
    );
  });

  const doc = (cells: Record<string, CellValue>): SnapshotSpec => ({
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
          filingDate: "2018-03-20",
          validityYears: 5,
          ...cells,
        },
      ],
    },
  });
  it.each<[string, Record<string, CellValue>, string[]]>([
    ["valid 5 years", {}, []],
    ["valid 6 years", { validityYears: 6 }, ["validity.tooLong"]],
    ["暂行, 3 years", { docType: "暂行", validityYears: 3 }, []],
    ["暂行, 5 years", { docType: "暂行", validityYears: 5 }, ["validity.provisionalTooLong"]],
    [
      "no validity, issued 2015-12-31",
      {
        issueDate: "2015-12-31",
        reviewDate: "",
        discussionDate: "",
        publicationDate: "",
        filingDate: "",
        validityYears: "",
      },
      [],
    ],
    [
      "no validity, issued 2016-01-01",
      {
        issueDate: "2016-01-01",
        reviewDate: "",
        discussionDate: "",
        publicationDate: "",
        filingDate: "",
        validityYears: "",
      },
      ["validity.missing"],
    ],
  ])("normative document %s", (_name, cells, codes) => {
    expect(itemOf("T2.2.5", doc(cells)).codes).toEqual(codes);
  });

  it.each<[string, string, string[]]>([
    ["the same day as", "2018-03-05", []],
    ["a day after", "2018-03-06", ["dateOrder.violated"]],
  ])("legality review %s the collective discussion", (_name, reviewDate, codes) => {
    expect(itemOf("T2.2.3", doc({ reviewDate })).codes).toEqual(codes);
  });

  it.each<[string, string, string[]]>([
    ["filed on day 30", "2018-04-11", []],
    ["filed on day 31", "2018-04-12", ["withinDays.exceeded"]],
  ])("normative document %s after publication", (_name, filingDate, codes) => {
    expect(itemOf("T2.2.4", doc({ filingDate })).codes).toEqual(codes);
  });
});

describe("township-2018: a large generated workbook", () => {
  it("scores between 0 and 100, with gaps that add up to what is missing", () => {
    const result = assess(pack, generateSnapshot(pack, 600, 3, { inputs }));
    expect(result.score).toBeGreaterThan(0);
    expect(result.score).toBeLessThan(100);
    const lost = result.gaps.reduce((sum, g) => sum + g.pointsLost, 0);
    expect(lost).toBeCloseTo(result.total.applicable - result.total.earned, 6);
    for (const finding of result.findings) {
      expect(finding.sheet).toBeTruthy();
      if (finding.tableKey?.startsWith("ledger:")) expect(finding.cell).toMatch(/^[A-Z]+\d+$/);
    }
  });
});

describe("model-unit: veto conditions", () => {
  const modelUnit = findPack("model-unit") as Pack;
  const vetoIds = modelUnit.groups.flatMap((g) => g.items.filter((i) => i.kind === "veto").map((i) => i.id));

  it("has six veto conditions, none scored", () => {
    const result = assess(modelUnit, buildSnapshot(modelUnit));
    expect(vetoIds).toHaveLength(6);
    expect(result.items.filter((i) => vetoIds.includes(i.itemId)).every((i) => !i.applicable)).toBe(true);
    expect(result.eligible).toBe(true);
  });

  it("bars recognition for an event within two years, not for one before", () => {
    const on = (eventDate: string) =>
      assess(
        modelUnit,
        buildSnapshot(modelUnit, { items: { [vetoIds[0] as string]: { occurred: "是", eventDate } } }),
      ).eligible;
    expect(on("2016-12-31")).toBe(false);
    expect(on("2016-12-30")).toBe(true);
  });
});
