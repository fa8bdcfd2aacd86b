import { assess } from "../../src/core/assess";
import { consolidate } from "../../src/core/consolidate";
import { findPack } from "../../src/core/pack/builtin";
import type { Pack } from "../../src/core/pack/schema";
import { summaryHtml } from "../../src/report/summary";
import { buildSnapshot } from "../support/snapshot";

const pack = findPack("township-2018") as Pack;
const statusItems = pack.groups.flatMap((g) => g.items).filter((i) => i.kind === "status");
const done = { status: "完成", doneDate: "2018-06-01", evidence: "会议纪要" };

function township(name: string, doneCount: number, source: string, assessmentDate = "2018-12-31") {
  const items = Object.fromEntries(statusItems.slice(0, doneCount).map((i) => [i.id, done]));
  return { source, assessment: assess(pack, buildSnapshot(pack, { township: name, items, assessmentDate })) };
}

describe("consolidate --html drill-down (issue 14)", () => {
  const inputs = [township("甲镇", 3, "甲镇.xlsx"), township("乙镇", 20, "乙镇.xlsx")];
  const summary = consolidate(inputs);
  const html = summaryHtml(summary, [], "zh-CN", inputs);

  it("links every township in the ranking to its own section, and back", () => {
    const links = [...html.matchAll(/<a href="#([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(links).toEqual([
      ["township-1", "乙镇"],
      ["township-2", "甲镇"],
    ]);
    for (const [id] of links) expect(html).toContain(`<section class="township" id="${id}">`);
    expect(html.match(/href="#matrix"/g)).toHaveLength(2);
    expect(html).toContain('<h2 id="matrix">');
  });

  it("shows each township's groups, findings count and every gap", () => {
    for (const [i, row] of summary.townships.entries()) {
      const assessment = inputs.find((input) => input.source === row.source)?.assessment;
      const section = html.slice(html.indexOf(`id="township-${i + 1}"`)).split("</section>")[0] as string;
      expect(section).toContain(`${row.rank}. ${row.township}`);
      expect(section).toContain(`差距 ${row.gapCount} 项`);
      expect(section).toContain(`${row.errorCount} 个错误`);
      // One row per group and per gap, in the summary's own numbers.
      for (const g of pack.groups) expect(section).toContain(`<td>${g.title.zh}</td>`);
      for (const gap of assessment?.gaps ?? []) expect(section).toContain(`<td>${gap.itemId}</td>`);
      expect(section.match(/<tr>/g)).toHaveLength(
        1 + pack.groups.length + 1 + (assessment?.gaps.length ?? 0),
      );
    }
  });

  it("prints each township on its own page", () => {
    expect(html).toMatch(/@media print\{\.township\{break-before:page\}/);
  });

  it("stays as before without the assessments", () => {
    const plain = summaryHtml(summary, [], "zh-CN");
    expect(plain).not.toContain('class="township"');
    expect(plain).not.toContain("<a href=");
  });
});

describe("consolidate --html year over year (issue 14)", () => {
  const inputs = [
    township("甲镇", 3, "甲镇-2018.xlsx"),
    township("甲镇", 20, "甲镇-2019.xlsx", "2019-12-31"),
    township("乙镇", 10, "乙镇.xlsx", "2019-12-31"),
  ];
  const summary = consolidate(inputs);
  const html = summaryHtml(summary, [], "zh-CN", inputs);
  const jia = summary.townships.find((t) => t.township === "甲镇");
  const before = inputs[0]?.assessment;
  const after = inputs[1]?.assessment;

  it("ranks 甲镇 once, by 2019, with its change in total and per group", () => {
    expect(summary.townships.map((t) => t.source)).toEqual(["甲镇-2019.xlsx", "乙镇.xlsx"]);
    // The change is the two files' own figures subtracted by hand here.
    const total = Math.round(((after?.score ?? 0) - (before?.score ?? 0)) * 10) / 10;
    expect(total).toBeGreaterThan(0);
    expect(jia?.change?.score).toBe(total);
    expect(html).toContain(`<th>总分较上年</th>`);
    expect(html).toContain(`<td class="num up">▲ ${total.toFixed(1)}</td>`);
    const g = after?.groups.find(
      (x) =>
        x.score !== null && (before?.groups.find((y) => y.groupId === x.groupId)?.score ?? null) !== null,
    );
    const old = before?.groups.find((y) => y.groupId === g?.groupId)?.score ?? 0;
    const delta = Math.round(((g?.score ?? 0) - old) * 10) / 10;
    expect(jia?.change?.groups[g?.groupId ?? ""]).toBe(delta);
  });

  it("says in 甲镇's section which year it is compared with", () => {
    const section = html.slice(html.indexOf('id="township-1"')).split("</section>")[0] as string;
    expect(section).toContain("1. 甲镇(2019 年度)");
    expect(section).toContain(`较 2018 年度(${before?.score.toFixed(1)} 分,文件 甲镇-2018.xlsx)`);
    expect(section).toContain("<th>较上年</th>");
  });

  it("colours score cells by band, printed even without background printing", () => {
    expect(html).toMatch(/print-color-adjust:exact/);
    const score = jia?.score ?? 0;
    const color = score >= 90 ? "#63BE7B" : score >= 80 ? "#C6E0B4" : score >= 60 ? "#FFEB84" : "#F8696B";
    expect(html).toContain(`<td class="num heat" style="background:${color}">${score.toFixed(1)}</td>`);
  });
});
