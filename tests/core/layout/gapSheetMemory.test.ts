import type { Assessment } from "../../../src/core/assessment";
import { readGapSheet, resolvedGaps } from "../../../src/core/layout";

// What 差距清单 held before an export, as a host reads it: the title, the header, gap rows, a
// declarations block (not items), and the 已整改 block with its own header.
const HEADER = [
  "序号",
  "编号",
  "要求",
  "依据",
  "措施",
  "分值",
  "实得",
  "失分",
  "问题",
  "评分标准",
  "责任人",
  "完成期限",
  "逾期",
  "备注",
];

describe("reading what people typed into 差距清单", () => {
  it("takes 责任人 / 完成期限 / 备注 by item id; dates as YYYY-MM-DD whatever the host gave", () => {
    const memory = readGapSheet([
      ["差距清单"],
      HEADER,
      [1, "T2.1.1", "重大行政决策", "二(一)1", "依法决策", 4, 0, 4, "…", "…", "王芳", 43555, null, "已约谈"],
      [
        2,
        "T3.1",
        "法治培训",
        "三(一)",
        "组织保障",
        2,
        0,
        2,
        "…",
        "…",
        null,
        new Date(Date.UTC(2019, 5, 30)),
        null,
        null,
      ],
      [3, "T3.2", "学法", "三(二)", "组织保障", 2, 0, 2, "…", "…", "  ", "2019年底", null, ""],
      [],
      ["声明事项(本评估年度无此类事项,请评审核实)"],
      [1, "T2.3.1, T2.3.2", "合同", "合同台账!B9", null, null, null, null, "无合同"],
      [],
      ["已整改(已不在差距清单中;保留原填写的责任人、完成期限、备注)"],
      [
        "序号",
        "编号",
        "要求",
        "依据",
        "措施",
        "分值",
        null,
        null,
        "移出清单日期",
        null,
        "责任人",
        "完成期限",
        null,
        "备注",
      ],
      [
        1,
        "T2.2.1",
        "执法公示",
        "二(二)1",
        "执法",
        3,
        null,
        null,
        "2026-11-30",
        null,
        "李强",
        "2026-12-31",
        null,
        "已公示",
      ],
    ]);
    expect([...memory.typed]).toEqual([
      ["T2.1.1", { owner: "王芳", due: "2019-03-31", note: "已约谈" }],
      ["T3.1", { owner: null, due: "2019-06-30", note: null }],
      ["T3.2", { owner: null, due: "2019年底", note: null }],
    ]);
    expect(memory.listed.map((g) => g.itemId)).toEqual(["T2.1.1", "T3.1", "T3.2"]);
    expect([...memory.resolved.values()]).toEqual([
      {
        itemId: "T2.2.1",
        title: "执法公示",
        clause: "二(二)1",
        group: "执法",
        points: 3,
        leftOn: "2026-11-30",
        owner: "李强",
        due: "2026-12-31",
        note: "已公示",
      },
    ]);
  });

  it("finds the columns by header, so a sheet exported before 备注 existed is read too", () => {
    const memory = readGapSheet([
      ["差距清单"],
      HEADER.slice(0, 13),
      [1, "T2.1.1", "x", "y", "z", 1, 0, 1, "", "", "王芳", "2019-03-31", "是"],
    ]);
    expect(memory.typed.get("T2.1.1")).toEqual({ owner: "王芳", due: "2019-03-31", note: null });
  });

  it("reads nothing from a sheet that is not a gap list", () => {
    const memory = readGapSheet([["随手记"], ["T2.1.1", "王芳"]]);
    expect([memory.typed.size, memory.listed.length, memory.resolved.size]).toEqual([0, 0, 0]);
  });

  it("an item that left the list keeps its 分值 in 已整改, though its 分值 formula showed 0 (不适用)", () => {
    // As a host reads formula cells: their values. T2.1.3 (3 points) was made 不适用, so its
    // 分值 / 实得 / 失分 formulas showed 0 / 0 / 0 when the sheet was read.
    const memory = readGapSheet([
      ["差距清单"],
      HEADER,
      [1, "T2.1.3", "公开征求意见", "二(一)3", "依法决策", 0, 0, 0, "", "", "王芳", null, null, null],
    ]);
    expect(memory.listed[0]?.points).toBe(0);
    // Only what resolvedGaps reads of an assessment: T2.1.3 is no longer listed.
    const now = { gaps: [], pending: [], items: [{ itemId: "T2.1.3", points: 3 }] } as unknown as Assessment;
    expect(resolvedGaps(now, memory, "2019-01-05")).toEqual([
      expect.objectContaining({ itemId: "T2.1.3", points: 3, owner: "王芳", leftOn: "2019-01-05" }),
    ]);
  });
});
