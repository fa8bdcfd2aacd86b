import { assess } from "../../../src/core/assess";
import { consolidate, townshipRecord } from "../../../src/core/consolidate";
import { findPack } from "../../../src/core/pack/builtin";
import type { Pack } from "../../../src/core/pack/schema";
import { summaryHtml } from "../../../src/report/summary";
import { buildSnapshot } from "../../support/snapshot";

const pack = findPack("township-2018") as Pack;
const statusItems = pack.groups.flatMap((g) => g.items).filter((i) => i.kind === "status");
const done = { status: "完成", doneDate: "2018-06-01", evidence: "会议纪要" };
// 完成 without evidence nor date: findings (errors and warnings) against the item.
const careless = { status: "完成" };

function township(name: string, doneCount: number, source: string, assessmentDate = "2018-12-31") {
  const items = Object.fromEntries(
    statusItems.map((item, i) => [item.id, i < doneCount ? done : i % 3 === 0 ? careless : {}]),
  );
  return { source, assessment: assess(pack, buildSnapshot(pack, { township: name, items, assessmentDate })) };
}

// The compact per-township record `taizhang consolidate` keeps in place of each full assessment
// (issue 14, 1,000 files within 300 MB): the oracle is the same batch consolidated from the full
// assessments.
describe("consolidating compact township records", () => {
  const inputs = [
    township("甲镇", 3, "甲镇-2018.xlsx"),
    township("甲镇", 9, "甲镇-2019.xlsx", "2019-12-31"),
    township("乙镇", 20, "乙镇.xlsx"),
    township("丙镇", 0, "丙镇.xlsx"),
  ];
  const records = inputs.map((input) => townshipRecord(input, { findings: true }));

  it("gives the same summary as the full assessments", () => {
    const summary = consolidate(inputs);
    expect(summary.townships.some((t) => t.errorCount > 0 && t.warningCount > 0)).toBe(true);
    expect(summary.townships.some((t) => t.change !== null)).toBe(true);
    expect(consolidate(records)).toEqual(summary);
    expect(consolidate(inputs.map((input) => townshipRecord(input)))).toEqual(summary);
  });

  it("gives the same HTML drill-down, gap findings included", () => {
    const full = summaryHtml(consolidate(inputs), [], "zh-CN", inputs);
    expect(summaryHtml(consolidate(records), [], "zh-CN", records)).toBe(full);
  });

  it("keeps a small part of the assessment", () => {
    for (const [i, record] of records.entries()) {
      const size = JSON.stringify(record.assessment, (_, v: unknown) =>
        v instanceof Map ? Object.fromEntries(v) : v,
      ).length;
      expect(size).toBeLessThan(JSON.stringify(inputs[i]?.assessment).length / 2);
    }
  });
});
