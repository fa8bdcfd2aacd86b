import { layoutFor, metaFor } from "../../../src/core/layout";
import { type RawSheet, readWorkbookSnapshot } from "../../../src/core/read";
import type { CellValue } from "../../../src/core/snapshot";
import { miniPack } from "../../fixtures/miniPack";

const layout = layoutFor(miniPack);
const LEDGER_HEADER = ["决策事项", "合法性审查日期", "决定日期", "是否归档", "参与率", "校验"];

/** 决策台账 as a host shows it: the Excel table covers the header and one body row (rows 2–3). */
function ledgerSheet(rows: (CellValue[] | undefined)[]): RawSheet {
  return {
    id: "s1",
    name: "决策台账",
    visibility: "Visible",
    rows: [["重大行政决策台账"], LEDGER_HEADER, ...rows.map((r) => r ?? [])],
    tables: [{ id: "t1", name: "TZ_ledger_decisions", top: 1, left: 0, bottom: 2, right: 5 }],
  };
}

const read = (sheet: RawSheet) =>
  readWorkbookSnapshot({ sheets: [sheet], names: [] }, layout, metaFor(layout)).snapshot;

describe("the row policy", () => {
  it("reads ledger records inside and below the table, skips blank rows and the footer, and warns below", () => {
    const snapshot = read(
      ledgerSheet([
        ["道路改造", 43191],
        undefined,
        ["学校扩建", "2018-05-01"],
        [null, null, null, "是"],
        undefined,
        ["填表人:张三 审核人:李四"],
      ]),
    );
    expect(snapshot.tables["ledger:decisions"]?.rows.map((r) => r.row)).toEqual([3, 5, 6]);
    expect(snapshot.readFindings?.map((f) => [f.code, f.row, f.cell])).toEqual([
      ["row.outsideTable", 5, "A5"],
      ["row.outsideTable", 6, "A6"],
    ]);
  });

  it("stops above the next table's title row on the same sheet", () => {
    const sheet: RawSheet = {
      id: "s2",
      name: "二、监督",
      visibility: "Visible",
      rows: [
        ["二、监督"],
        ["编号", "要求", "依据", "分值", "状态", "完成日期", "佐证材料", "责任人", "备注", "校验"],
        ["T2.1", "政务公开", "二(二)1", 1, "完成"],
        ["T9.9", "说明:不是本模板的行"],
        ["T2.1", "copied below"],
        ["二、监督 — 一票否决情形"],
        ["编号", "否决情形", "依据", "是否发生", "发生日期", "情况说明", "校验"],
        ["T2.2", "发生重大违法案件", "二(二)2", "否"],
      ],
      tables: [
        { id: "a", name: "TZ_checklist_G2", top: 1, left: 0, bottom: 2, right: 9 },
        { id: "b", name: "TZ_veto_G2", top: 6, left: 0, bottom: 7, right: 6 },
      ],
    };
    const snapshot = read(sheet);
    // Below the checklist only rows of its own items count; the veto title row never does.
    expect(snapshot.tables["checklist:G2"]?.rows.map((r) => [r.row, r.cells.id])).toEqual([
      [3, "T2.1"],
      [5, "T2.1"],
    ]);
    expect(snapshot.tables["veto:G2"]?.rows.map((r) => r.cells.occurred)).toEqual(["否"]);
  });

  it("finds a table by its header row when the spreadsheet table is gone", () => {
    const sheet = { ...ledgerSheet([["道路改造"], ["学校扩建"]]), tables: [], name: "改名" };
    const snapshot = read(sheet);
    expect(snapshot.tables["ledger:decisions"]?.rows.map((r) => r.row)).toEqual([3, 4]);
    expect(snapshot.readFindings).toEqual([]);
  });
});
