import { consolidate } from "../../../src/core/consolidate";
import { assessmentOf } from "../../support/assessmentParts";

const band = { id: "pass", label: { zh: "合格", en: "Pass" } };
const township = (name: string) => assessmentOf(80, { township: name, band, eligible: true });

describe("consolidate: 模板与下发版本不一致", () => {
  it("marks the township whose own template differs, lists each differing item once, and says which copy was damaged", () => {
    const summary = consolidate([
      { source: "甲镇.xlsx", assessment: township("甲镇"), carriedPack: { state: "same" } },
      {
        source: "乙镇.xlsx",
        assessment: township("乙镇"),
        carriedPack: {
          state: "differs",
          differences: [
            { code: "packDiff.points", subject: "T2.1.2", expected: "2", actual: "5" },
            { code: "packDiff.rules", subject: "T2.1.2" },
            { code: "packDiff.bands", subject: "bands", expected: "excellent≥90", actual: "excellent≥85" },
          ],
        },
      },
      {
        source: "丙镇.xlsx",
        assessment: township("丙镇"),
        carriedPack: { state: "damaged", code: "embed.hashMismatch" },
      },
      { source: "丁镇.xlsx", assessment: township("丁镇") },
    ]);
    const row = (name: string) => summary.townships.find((t) => t.township === name);
    expect(row("乙镇")?.packMismatch?.map((d) => d.code)).toEqual([
      "packDiff.points",
      "packDiff.rules",
      "packDiff.bands",
    ]);
    expect(row("甲镇")?.packMismatch).toBeUndefined();
    expect(summary.notes.filter((n) => n.code.startsWith("consolidate.packMismatch"))).toEqual([
      { code: "consolidate.packMismatch", params: { source: "乙镇.xlsx", count: 2, items: "T2.1.2, bands" } },
    ]);
    expect(summary.notes.filter((n) => n.code === "consolidate.carriedPackDamaged")).toEqual([
      { code: "consolidate.carriedPackDamaged", params: { source: "丙镇.xlsx" } },
    ]);
  });
});
