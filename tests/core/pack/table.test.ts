import type { CellValue } from "../../../src/core/snapshot";
import type { RawWorkbook } from "../../../src/core/read/raw";
import { packFromTable, type PackTableResult } from "../../../src/core/pack/table";
import { parseRulesText, rulesText } from "../../../src/core/pack/table/rulesCell";

const OPTIONS = {
  id: "county",
  title: "考核细则",
  file: "细则.xlsx",
  issuer: { zh: "未注明", en: "Not stated" },
};

/** One visible sheet of rows, as any host's reader gives it. */
function sheet(rows: CellValue[][], name = "Sheet1"): RawWorkbook {
  return { names: [], sheets: [{ id: "1", name, visibility: "Visible", rows, tables: [] }] };
}

function ok(result: PackTableResult) {
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.pack;
}

function problems(result: PackTableResult) {
  if (result.ok) throw new Error("expected problems");
  return result.problems.map((p) => [p.sheet, p.row, p.column, p.code]);
}

describe("a plain 考核细则 table", () => {
  it("finds the header below a title, takes other header words, groups by 一、… lines and skips 合计", () => {
    const pack = ok(
      packFromTable(
        sheet([
          ["某县2024年度考核细则"],
          [],
          ["项次", "考核项目", "标准分", "评分细则"],
          ["一、依法决策(15分)"],
          [1, "决策目录", 5, "未公布扣5分"],
          [2, "合法性审查", "10分", "每件未审查扣2分"],
          ["二、执法"],
          [1, "持证上岗", 85, "每人无证扣1分"],
          ["合计", null, 100],
        ]),
        OPTIONS,
      ),
    );
    expect(pack.title.zh).toBe("某县2024年度考核细则");
    expect(pack.assessment.total).toBe(100);
    expect(
      pack.groups.map((g) => [g.id, g.title.zh, g.items.map((i) => [i.id, i.source, i.points])]),
    ).toEqual([
      [
        "G1",
        "依法决策",
        [
          ["C1.1", "一、1", 5],
          ["C1.2", "一、2", 10],
        ],
      ],
      ["G2", "执法", [["C2.1", "二、1", 85]]],
    ]);
  });

  it("makes one group of a table without group lines", () => {
    const pack = ok(
      packFromTable(
        sheet([
          ["序号", "考核内容", "分值", "评分标准"],
          [1, "甲", 60, "a"],
          [2, "乙", 40, "b"],
        ]),
        OPTIONS,
      ),
    );
    expect(pack.groups).toHaveLength(1);
    expect(pack.groups[0]?.items.map((i) => i.kind)).toEqual(["status", "status"]);
  });

  it("refuses, each at its row and column: points that are not a number, blank criteria, a group that does not add up", () => {
    const result = packFromTable(
      sheet([
        ["序号", "考核内容", "分值", "评分标准"],
        ["一、依法决策(20分)"],
        [1, "决策目录", "五分", "未公布扣5分"],
        [2, "合法性审查", 10, null],
      ]),
      OPTIONS,
    );
    expect(problems(result)).toEqual(
      expect.arrayContaining([
        ["Sheet1", 2, "考核内容", "group_points"],
        ["Sheet1", 3, "分值", "number_invalid"],
        ["Sheet1", 4, "评分标准", "criteria_empty"],
      ]),
    );
  });

  it("refuses a sheet without a header row naming 考核内容 and 分值", () => {
    expect(
      problems(
        packFromTable(
          sheet([
            ["名称", "备注"],
            ["甲", "乙"],
          ]),
          OPTIONS,
        ),
      ),
    ).toEqual([["Sheet1", null, null, "no_header"]]);
  });
});

describe("the 规则 cell", () => {
  it("reads a bare type, a type with a flow map, and names a line it cannot read", () => {
    const lines = parseRulesText("evidenceRequired\nrequired {column: name}\n\nrequired {column: [}");
    expect(lines.slice(0, 2)).toEqual([
      { ok: true, line: 1, rule: { type: "evidenceRequired" } },
      { ok: true, line: 2, rule: { type: "required", column: "name" } },
    ]);
    expect(lines[2]).toMatchObject({ ok: false, line: 4 });
  });

  it("writes the basis and its note after the rule's own parameters", () => {
    expect(
      rulesText([
        {
          type: "withinDays",
          basis: "local",
          from: "a",
          to: "b",
          days: 30,
          note: { zh: "本地", en: "local" },
        },
      ]),
    ).toBe("withinDays {from: a, to: b, days: 30, basis: local, note: {zh: 本地, en: local}}");
  });
});
