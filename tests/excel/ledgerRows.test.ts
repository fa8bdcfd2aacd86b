import { installPack, recheckAll } from "../../src/excel";
import { COLORS } from "../../src/core/layout";
import type { FakeExcel } from "../../src/sim";
import { fakeExcel, townshipPack } from "./helpers";

// Issue 12 item 5 in the add-in: T2.1.1 (重大行政决策) is a ledger-type item, the first row (3) of
// 二(一)依法决策, 状态 in column E; its records are on 重大行政决策台账.
const G21 = "二(一)依法决策";
const DECISIONS = "重大行政决策台账";

function columnOf(excel: FakeExcel, header: string): string {
  const headers = excel.values(DECISIONS, "A2:Z2")[0] ?? [];
  const index = headers.indexOf(header);
  if (index < 0) throw new Error(`no ${header}`);
  return String.fromCharCode(65 + index);
}

/** One decision record; `reviewDate` after 集体讨论 (2018-05-03) makes it fail. */
function typeDecision(excel: FakeExcel, row: number, reviewDate: string) {
  const put = (header: string, value: string) =>
    excel.user.setValues(DECISIONS, `${columnOf(excel, header)}${row}`, [[value]]);
  put("决策事项", `决策 ${row}`);
  for (const step of ["公众参与", "专家论证", "风险评估", "合法性审查", "集体讨论"]) put(step, "是");
  put("公众参与日期", "2018-04-20");
  put("专家论证日期", "2018-04-25");
  put("风险评估日期", "2018-04-28");
  put("合法性审查日期", reviewDate);
  put("集体讨论日期", "2018-05-03");
  put("决定日期", "2018-05-03");
  put("公布日期", "2018-05-08");
  put("是否归档", "是");
}

async function installed() {
  const { excel, opts } = fakeExcel();
  await installPack(townshipPack(), {
    ...opts,
    settings: { township: "兴仁镇", assessmentDate: "2018-12-31" },
  });
  return { excel, opts };
}

describe("the checklist row of a ledger-type item in the add-in (issue 12)", () => {
  it("has no 状态 dropdown and the read-only fill; a status item keeps its dropdown", async () => {
    const { excel } = await installed();
    expect(excel.value(G21, "A3")).toBe("T2.1.1");
    expect(excel.cell(G21, "E3")?.validation?.rule.list).toBeUndefined();
    expect(excel.cell(G21, "E3")?.fill).toBe(COLORS.fixed);
    expect(excel.cell(G21, "E4")?.validation?.rule.list?.source).toBe("完成,部分完成,未开始,不适用");
  });

  it("shows the ledger's result, kept current at each check", async () => {
    const { excel, opts } = await installed();
    expect(excel.value(G21, "E3")).toBe("0 条记录");
    typeDecision(excel, 3, "2018-05-01");
    await recheckAll(null, opts);
    expect(excel.value(G21, "E3")).toBe("1 条记录,1 条合格");
    typeDecision(excel, 4, "2018-05-10");
    const { assessment } = await recheckAll(null, opts);
    expect(excel.value(G21, "E3")).toBe("2 条记录,1 条合格");
    // The text is not a status: no finding on the row's 状态 cell.
    expect(assessment.findings.filter((f) => f.sheet === G21 && f.cell === "E3")).toEqual([]);
  });

  it("never overwrites a status typed there in an older workbook", async () => {
    const { excel, opts } = await installed();
    excel.user.setValues(G21, "E3", [["不适用"]]);
    excel.user.setValues(G21, "I3", [["本年度未作出重大行政决策"]]);
    const { assessment } = await recheckAll(null, opts);
    expect(excel.value(G21, "E3")).toBe("不适用");
    expect(assessment.items.find((i) => i.itemId === "T2.1.1")?.state).toBe("notApplicable");
  });
});
