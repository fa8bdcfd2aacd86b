import { assess } from "../../../src/core/assess";
import { findPack } from "../../../src/core/pack/builtin";
import type { Pack } from "../../../src/core/pack/schema";
import type { CellValue } from "../../../src/core/snapshot";
import { findingMessage } from "../../../src/i18n";
import { buildSnapshot } from "../../support/snapshot";

// Issue 12 item 1: one finding per problem per cell, listing every item it costs.
const pack = findPack("township-2018") as Pack;

const done = (date: string): Record<string, CellValue> => ({
  publicParticipation: "是",
  publicParticipationDate: date,
  expertReview: "是",
  expertReviewDate: date,
  riskAssessment: "是",
  riskAssessmentDate: date,
  archived: "是",
});

/** The three flawed decisions of the issue: a late review, a missing one, one after the decision too. */
const FLAWED: Record<string, CellValue>[] = [
  {
    name: "甲事项",
    ...done("2018-05-01"),
    legalityReview: "是",
    legalityReviewDate: "2018-05-10",
    legalityConclusion: "合法",
    collectiveDiscussion: "是",
    collectiveDiscussionDate: "2018-05-05",
    decisionDate: "2018-05-12",
  },
  {
    name: "乙事项",
    ...done("2018-06-01"),
    legalityReview: "否",
    collectiveDiscussion: "是",
    collectiveDiscussionDate: "2018-06-05",
    decisionDate: "2018-06-06",
  },
  {
    name: "丙事项",
    ...done("2018-07-01"),
    legalityReview: "是",
    legalityReviewDate: "2018-07-10",
    legalityConclusion: "合法",
    collectiveDiscussion: "是",
    collectiveDiscussionDate: "2018-07-05",
    decisionDate: "2018-07-06",
  },
];

describe("three flawed decisions give three errors, not seven (issue 12)", () => {
  const result = assess(pack, buildSnapshot(pack, { ledgers: { decisions: FLAWED } }));
  const errors = result.findings.filter((f) => f.tableKey === "ledger:decisions" && f.severity === "error");

  it.each<[string, string, string, string[]]>([
    // 合法性审查日期 of row 3 (甲): after the discussion, before the decision — only T2.1.6 reads it.
    ["甲: review after the discussion", "I3", "dateOrder.violated", ["T2.1.6"]],
    // 乙: no review — T2.1.1 (all five procedures) and T2.1.6 (review before discussion) both need it.
    ["乙: no review", "H4", "requiredReviews.notDone", ["T2.1.1", "T2.1.6"]],
    // 丙: after the discussion and the decision: one problem of one cell, costing both items.
    ["丙: review after the discussion and the decision", "I5", "dateOrder.violated", ["T2.1.1", "T2.1.6"]],
  ])("%s", (_name, cell, code, items) => {
    const here = errors.filter((f) => f.cell === cell);
    expect(here.map((f) => [f.code, f.items])).toEqual([[code, items]]);
  });

  it("lists nothing else on the ledger", () => {
    expect(errors).toHaveLength(3);
  });

  it("still charges each item as before the merge: T2.1.1 2, T2.1.6 0.5, T2.1.7 all", () => {
    // Hand-computed from 评分标准 (5 points, 1.5 off per failing record): T2.1.1 fails 乙 and 丙
    // (5 − 3 = 2), T2.1.6 all three (5 − 4.5 = 0.5); T2.1.7's cells are all fine.
    const earned = (id: string) => result.items.find((i) => i.itemId === id);
    // The dates are typed as text: warnings on every item that reads the ledger, costing nothing.
    const errorCells = (id: string) =>
      earned(id)
        ?.findings.filter((f) => f.severity === "error")
        .map((f) => f.cell);
    expect(errorCells("T2.1.1")).toEqual(["H4", "I5"]);
    expect(errorCells("T2.1.6")).toEqual(["I3", "H4", "I5"]);
    expect(new Set(earned("T2.1.7")?.findings.map((f) => `${f.severity} ${f.code}`))).toEqual(
      new Set(["warning date.textNotDate"]),
    );
    expect([earned("T2.1.1")?.earned, earned("T2.1.6")?.earned]).toEqual([2, 0.5]);
    expect(earned("T2.1.7")?.earned).toBe(earned("T2.1.7")?.points);
  });

  it("the item's findings are the listed ones, so a row's 校验 and the pane say each once", () => {
    const t211 = result.items.find((i) => i.itemId === "T2.1.1")?.findings ?? [];
    for (const f of t211) expect(result.findings).toContain(f);
  });

  it("names the record in the message", () => {
    const i5 = errors.find((f) => f.cell === "I5");
    expect(i5 && findingMessage("zh-CN", i5)).toBe(
      "“丙事项”:合法性审查日期(2018-07-10)晚于集体讨论日期(2018-07-05),先后顺序颠倒,请核对",
    );
  });
});
