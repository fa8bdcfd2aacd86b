import { assess } from "../../src/core/assess";
import type { Pack } from "../../src/core/pack/schema";
import type { CellValue } from "../../src/core/snapshot";
import { buildSnapshot, type SnapshotSpec } from "../support/snapshot";
import { testPack } from "../support/testPack";

const pack = testPack();

const decision = (ok: boolean): Record<string, CellValue> => ({
  name: "镇区道路规划",
  participation: "是",
  participationDate: "2018-03-01",
  legal: "是",
  legalDate: ok ? "2018-03-05" : "2018-03-20",
  decisionDate: "2018-03-10",
});

/**
 * Hand-computed, in points (分值 add up to 100): 依法决策 (60): T1.1 done 20, T1.2 partly 10/2 = 5,
 * T1.3 3 of 4 decisions 20·3/4 = 15, T1.4 no documents and no declaration 0 of 10 → 40 of 60.
 * 队伍建设 (40, 8 each): 50 % certified ✓, 4 recorders ✗, 2 legal staff ✓, report 03-31 ✓, no
 * lectures ✗ → 24 of 40. Total 64 of 100 applicable → 64.0.
 */
const base: SnapshotSpec = {
  inputs: { established: 20, certified: "10人", recorders: 4, legalStaff: 2, reportDate: "2018年3月31日" },
  items: {
    "T1.1": { status: "完成", evidence: "聘请法律顾问合同", doneDate: "2018-02-01", owner: "王明" },
    "T1.2": { status: "部分完成", owner: "李华" },
    "V9.1": { occurred: "否" },
    "V9.2": { occurred: "否" },
  },
  ledgers: { decisions: [decision(true), decision(true), decision(false), decision(true)] },
};

const withItems = (items: SnapshotSpec["items"], spec: SnapshotSpec = base): SnapshotSpec => ({
  ...spec,
  items: { ...spec.items, ...items },
});

describe("assess: the score", () => {
  const result = assess(pack, buildSnapshot(pack, base));
  const byId = (id: string) => result.items.find((i) => i.itemId === id);

  it("scores each item and says why", () => {
    expect(result.items.map((i) => [i.itemId, i.applicable, i.earned, i.state, i.reason.code])).toEqual([
      ["T1.1", true, 20, "earned", "status.done"],
      ["T1.2", true, 5, "partial", "status.partial"],
      ["T1.3", true, 15, "partial", "ledger.share"],
      ["T1.4", true, 0, "lost", "ledger.empty"],
      ["T2.1", true, 8, "earned", "indicator.met"],
      ["T2.2", true, 0, "lost", "indicator.notMet"],
      ["T2.3", true, 8, "earned", "indicator.met"],
      ["T2.4", true, 8, "earned", "indicator.met"],
      ["T2.5", true, 0, "lost", "indicator.notMet"],
      ["V9.1", false, 0, "notApplicable", "veto.clear"],
      ["V9.2", false, 0, "notApplicable", "veto.clear"],
    ]);
    expect(byId("T1.3")?.reason.params).toEqual({ passed: 3, total: 4 });
  });

  it("adds items up into groups and the total, point by point", () => {
    expect(result.groups.map((g) => [g.groupId, g.points, g.applicable, g.earned, g.lost, g.score])).toEqual([
      ["G1", 60, 60, 40, 20, 66.7],
      ["G2", 40, 40, 24, 16, 60],
      ["G9", 0, 0, 0, 0, null],
    ]);
    expect(result.total).toEqual({ points: 100, applicable: 100, earned: 64 });
    expect(result.score).toBe(64);
    expect(result.scaled).toBe(false);
    expect(result.band.id).toBe("pass");
    expect([result.hasVeto, result.eligible, result.recognized]).toEqual([true, true, true]);
  });

  it("lists the gaps by points lost, then due date, then id", () => {
    expect(
      result.gaps.map((g) => [g.itemId, g.pointsLost, g.due ?? null, g.overdue, g.owner ?? null]),
    ).toEqual([
      ["T1.4", 10, null, false, null],
      ["T2.2", 8, null, false, null],
      ["T2.5", 8, null, false, null],
      ["T1.2", 5, "2018-03-31", true, "李华"],
      ["T1.3", 5, null, false, null],
    ]);
    const lost = result.gaps.reduce((sum, g) => sum + g.pointsLost, 0);
    expect(lost).toBe(100 - result.score);
    expect(result.gaps[1]).toMatchObject({ clause: "三(一)2", findingCodes: ["count.belowRange"] });
  });

  it("is deterministic", () => {
    expect(assess(pack, buildSnapshot(pack, base))).toEqual(result);
  });

  it("reads the township and assessment date", () => {
    expect([result.township, result.assessmentDate]).toEqual(["测试镇", "2018-12-31"]);
  });
});

describe("assess: what counts", () => {
  const score = (spec: SnapshotSpec, p: Pack = pack) => assess(p, buildSnapshot(p, spec));
  const item = (spec: SnapshotSpec, id: string) => score(spec).items.find((i) => i.itemId === id);

  it("leaves 不适用 with a reason out of 应得 and scales the total (缺项折算)", () => {
    const result = score(withItems({ "T1.2": { status: "不适用", note: "本镇未编制年度计划" } }));
    expect(result.groups[0]).toMatchObject({ points: 60, applicable: 50, earned: 35, lost: 15 });
    // 59 earned of 90 applicable, × 100 = 65.56 → 65.6
    expect(result.total).toEqual({ points: 100, applicable: 90, earned: 59 });
    expect([result.score, result.scaled]).toEqual([65.6, true]);
  });

  it("scores 不适用 without a reason as an invalid claim", () => {
    expect(item(withItems({ "T1.2": { status: "不适用" } }), "T1.2")).toMatchObject({
      applicable: true,
      earned: 0,
      reason: { code: "status.invalid" },
    });
  });

  it("scores a claim that fails validation 0", () => {
    const noEvidence = item(withItems({ "T1.1": { status: "完成", doneDate: "2018-02-01" } }), "T1.1");
    expect(noEvidence).toMatchObject({
      earned: 0,
      reason: { code: "status.invalid", params: { errors: 1 } },
    });
    const late = item(
      withItems({ "T1.2": { status: "完成", evidence: "计划", doneDate: "2018-07-01" } }),
      "T1.2",
    );
    expect(late?.earned).toBe(0);
    // Its 完成日期 is text as well: a warning beside the error, listed after it in the 校验 cell.
    expect(late?.findings.map((f) => [f.code, f.severity])).toEqual([
      ["date.textNotDate", "warning"],
      ["date.afterDeadline", "error"],
    ]);
  });

  it("counts a date typed as text as its date, with a warning that costs nothing", () => {
    const asText = item(
      withItems({ "T1.1": { status: "完成", evidence: "合同", doneDate: "2018年2月1日" } }),
      "T1.1",
    );
    const asDate = item(withItems({ "T1.1": { status: "完成", evidence: "合同", doneDate: 43132 } }), "T1.1");
    expect(asDate).toMatchObject({ earned: 20, findings: [] });
    expect(asText).toMatchObject({
      earned: 20,
      findings: [
        {
          code: "date.textNotDate",
          severity: "warning",
          cell: expect.stringMatching(/^[A-Z]+\d+$/) as unknown,
          params: { raw: "2018年2月1日", date: "2018-02-01", serial: 43132 },
        },
      ],
    });
  });

  it("does not let a warning cost a done item its points", () => {
    const undated = item(withItems({ "T1.1": { status: "完成", evidence: "合同" } }), "T1.1");
    expect(undated).toMatchObject({
      earned: 20,
      findings: [{ code: "status.doneWithoutDate", severity: "warning" }],
    });
  });

  it("scores an empty status 0 and an unknown one as invalid", () => {
    expect(item(withItems({ "T1.1": {} }), "T1.1")?.reason.code).toBe("status.empty");
    expect(item(withItems({ "T1.1": { status: "差不多" } }), "T1.1")?.reason.code).toBe("status.invalid");
  });

  it("scores an empty ledger 0: hiding records never pays", () => {
    expect(item({ ...base, ledgers: {} }, "T1.3")).toMatchObject({
      applicable: true,
      earned: 0,
      state: "lost",
      reason: { code: "ledger.empty" },
    });
  });

  it("ignores blank ledger rows", () => {
    const ledgers = { decisions: [decision(true), { name: "  " }, {}] };
    expect(item({ ...base, ledgers }, "T1.3")?.reason.params).toEqual({ passed: 1, total: 1 });
  });

  it("fails a ledger record with an unreadable cell", () => {
    const documents: Record<string, CellValue>[] = [
      { docNo: "1号", title: "管理办法", issueDate: "2018-03-01", filingDate: "2018-03-10", validity: 5 },
      {
        docNo: "2号",
        title: "管理办法",
        issueDate: "2018-03-01",
        filingDate: "2018-03-10",
        validity: 5,
        copies: "若干",
      },
    ];
    const result = item({ ...base, ledgers: { ...base.ledgers, documents } }, "T1.4");
    expect(result).toMatchObject({
      earned: 5,
      reason: { code: "ledger.share", params: { passed: 1, total: 2 } },
    });
  });

  it("makes a veto inside the window ineligible whatever the score", () => {
    const perfect = score(withItems({ "V9.2": { occurred: "是", eventDate: "2017年6月1日" } }));
    expect([perfect.eligible, perfect.recognized]).toEqual([false, false]);
    expect(perfect.score).toBe(64);
    expect(perfect.vetoes).toEqual([
      {
        itemId: "V9.2",
        title: pack.groups[2]?.items[1]?.title,
        date: "2017-06-01",
        sheet: "一票否决",
        row: 4,
      },
    ]);
    expect(score(withItems({ "V9.2": { occurred: "是", eventDate: "2016-12-30" } })).eligible).toBe(true);
    expect(score(withItems({ "V9.1": { occurred: "是" } })).eligible).toBe(false);
  });
});

describe("assess: findings", () => {
  it("puts a missing township and assessment date on 基本信息", () => {
    const result = assess(pack, buildSnapshot(pack, { ...base, township: "", assessmentDate: null }));
    expect(result.assessmentDate).toBeNull();
    expect(result.findings.slice(0, 2)).toEqual([
      { code: "info.townshipMissing", severity: "error", sheet: "基本信息", cell: "B3", params: {} },
      { code: "info.assessmentDateMissing", severity: "error", sheet: "基本信息", cell: "B4", params: {} },
    ]);
  });

  it("says which assessment date it could not read", () => {
    const result = assess(pack, buildSnapshot(pack, { ...base, assessmentDate: "2018-02-30" }));
    expect(result.findings[0]).toMatchObject({
      code: "info.assessmentDateInvalid",
      params: { raw: "2018-02-30" },
    });
  });

  it("places every finding on its sheet, row, column and cell", () => {
    const spec = withItems({ "T1.1": { status: "完成", doneDate: "2018-02-01" } });
    const result = assess(pack, buildSnapshot(pack, spec));
    expect(result.findings.find((f) => f.code === "evidence.missing")).toEqual({
      code: "evidence.missing",
      severity: "error",
      sheet: "依法决策",
      row: 3,
      column: "evidence",
      cell: "G3",
      itemId: "T1.1",
      items: ["T1.1"],
      tableKey: "checklist:G1",
      params: {},
    });
    expect(result.findings.find((f) => f.code === "requiredReviews.late")).toMatchObject({
      sheet: "重大行政决策台账",
      row: 5,
      column: "legalDate",
      cell: "E5",
      itemId: "T1.3",
      tableKey: "ledger:decisions",
    });
  });

  it("reports an unreadable ledger cell once, even when two items use the ledger", () => {
    const shared = testPack();
    shared.groups[0]?.items.push({
      id: "T1.5",
      source: "二(一)5",
      title: { zh: "规范性文件备案", en: "Documents filed" },
      points: 1,
      criteria: { zh: "按完成情况计分", en: "Scored by completion" },
      kind: "ledger",
      ledger: "documents",
      rules: [{ type: "required", column: "filingDate" }],
    });
    const documents = [{ docNo: "1号", issueDate: "2018-02-30", filingDate: "2018-03-01" }];
    const result = assess(
      shared,
      buildSnapshot(shared, { ...base, ledgers: { ...base.ledgers, documents } }),
    );
    expect(result.findings.filter((f) => f.code === "value.date.impossible")).toHaveLength(1);
    for (const id of ["T1.4", "T1.5"]) {
      const item = result.items.find((i) => i.itemId === id);
      expect(item?.findings.map((f) => f.code)).toContain("value.date.impossible");
      expect(item?.earned).toBe(0);
    }
  });

  it("reports a deleted table and scores its items as empty", () => {
    const result = assess(pack, buildSnapshot(pack, { ...base, omitTables: ["checklist:G1"] }));
    expect(result.findings).toContainEqual(
      expect.objectContaining({ code: "table.missing", sheet: "依法决策", tableKey: "checklist:G1" }),
    );
    expect(result.items.find((i) => i.itemId === "T1.1")?.reason.code).toBe("status.empty");
  });

  it("never throws on a workbook full of nonsense", () => {
    const junk: Record<string, CellValue> = { status: 42, doneDate: true, evidence: new Date(NaN), note: -1 };
    const spec: SnapshotSpec = {
      township: 3,
      assessmentDate: "明天",
      inputs: {
        established: "很多",
        certified: -5,
        recorders: "1e9",
        legalStaff: new Date(0),
        reportDate: 5,
      },
      items: Object.fromEntries(pack.groups.flatMap((g) => g.items.map((i) => [i.id, junk]))),
      ledgers: { decisions: [junk, { legal: 7, decisionDate: "x" }], documents: [junk], trainings: [junk] },
    };
    expect(() => assess(pack, buildSnapshot(pack, spec))).not.toThrow();
  });
});
