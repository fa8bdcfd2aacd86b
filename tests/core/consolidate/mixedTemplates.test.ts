import { assess } from "../../../src/core/assess";
import { consolidate, groupHeading, groupScoreOf } from "../../../src/core/consolidate";
import { summarySheetModels, type SummaryTexts } from "../../../src/core/layout/summarySheets";
import { findPack } from "../../../src/core/pack/builtin";
import type { Pack } from "../../../src/core/pack/schema";
import { buildSnapshot } from "../../support/snapshot";

// Issue 10, item 4: a batch mixing templates keeps each template's scores under its own columns
// (both packs have a group G3 that means different things), and a township sent twice is marked.
const township = findPack("township-2018") as Pack;
const modelUnit = findPack("model-unit") as Pack;

const allDone = (pack: Pack) =>
  Object.fromEntries(
    pack.groups
      .flatMap((g) => g.items)
      .filter((i) => i.kind === "status")
      .map((i) => [i.id, { status: "完成", doneDate: "2018-06-01", evidence: "会议纪要" }]),
  );
const input = (pack: Pack, name: string, source: string) => ({
  source,
  assessment: assess(pack, buildSnapshot(pack, { township: name, items: allDone(pack) })),
});
const texts: SummaryTexts = { lang: "zh", label: (key) => key, note: (n) => n.code, reason: (r) => r.code };

describe("consolidating files of different templates", () => {
  const summary = consolidate([
    input(township, "宣和镇", "宣和镇.xlsx"),
    input(modelUnit, "司法局", "司法局.xlsx"),
    input(township, "宣和镇", "宣和镇-第二次.xlsx"),
  ]);

  it("gives each template its own group columns, even where group ids are the same", () => {
    const g3 = summary.groups.filter((g) => g.groupId === "G3");
    expect(g3.map((g) => g.packId)).toEqual(["model-unit", "township-2018"]);
    expect(g3.map((g) => groupHeading(summary, g).zh)).toEqual([
      "model-unit:三、推进行政决策科学化、民主化、法治化",
      "township-2018:组织保障",
    ]);
  });

  it("puts every score under its own template's columns and nothing under the other's", () => {
    for (const row of summary.townships) {
      for (const group of summary.groups) {
        const own = row.packId === group.packId;
        const score = groupScoreOf(row, group);
        if (!own) expect({ row: row.source, group: group.groupId, score }).toMatchObject({ score: null });
        else expect(score).toBe(row.groupScores[group.groupId] ?? null);
      }
    }
  });

  it("marks a township sent twice in both rows, with both file names", () => {
    const twice = summary.townships.filter((t) => t.township === "宣和镇");
    expect(twice.map((t) => t.duplicateSources)).toEqual([
      ["宣和镇-第二次.xlsx", "宣和镇.xlsx"],
      ["宣和镇-第二次.xlsx", "宣和镇.xlsx"],
    ]);
    expect(summary.townships.find((t) => t.township === "司法局")?.duplicateSources).toEqual([]);
    const { matrix } = summarySheetModels(summary, [], texts);
    const header = matrix.rows[1] ?? [];
    const column = header.indexOf("col.duplicate");
    const marked = matrix.rows.slice(2).filter((r) => r[column] === "宣和镇-第二次.xlsx; 宣和镇.xlsx");
    expect(marked).toHaveLength(2);
  });
});
