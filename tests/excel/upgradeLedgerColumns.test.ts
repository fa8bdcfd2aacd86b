import { installPack } from "../../src/excel";
import { fakeExcel, miniPack, variant } from "./helpers";

/**
 * Issue 13 item 3: a newer pack adds a ledger column while records sit BELOW the Excel table
 * (LibreOffice and WPS do not grow tables, so every ledger filled there looks like this).
 */
describe("regression (issue 13.3): an upgrade that adds a ledger column", () => {
  const SHEET = "重大行政决策台账";
  // A (决策事项) … N (是否归档), O (校验): the one-row table is row 3; records typed in rows 4–5.
  const typed = [
    ["修编规划", "是", 43101, "否", "", "否", "", "是", 43102, "是", 43103, 43104, 43105, "是"],
    ["学校扩建", "否", "", "是", 43130, "否", "", "是", 43132, "是", 43133, 43134, 43135, "否"],
  ];

  async function upgraded() {
    const { excel, opts } = fakeExcel();
    const v1 = miniPack();
    await installPack(v1, opts);
    const sheet = excel.model.requireSheet(SHEET);
    // Written as a file from LibreOffice holds them: outside the table, no auto-expansion.
    excel.model.setValues(sheet, { r0: 3, c0: 0, r1: 4, c1: 13 }, typed);
    const v2 = variant(v1, "1.1.0", (p) => {
      p.ledgers[0]?.columns.splice(2, 0, {
        id: "office",
        header: { zh: "承办单位", en: "Office" },
        type: "text",
      });
    });
    await installPack(v2, opts);
    return { excel };
  }

  it("keeps every typed value under its own header", async () => {
    const { excel } = await upgraded();
    // Wide enough for the ledger's later columns (合法性审查结论 … 不适用的理由) and the appended one.
    const grid = excel.values(SHEET, "A2:Z5");
    const headers = grid[0] ?? [];
    const under = (row: number, header: string) => grid[row]?.[headers.indexOf(header)];
    // Hand-written expectation: the values of row 4 and 5 as typed, header by header.
    expect(headers.indexOf("承办单位")).toBeGreaterThanOrEqual(0);
    for (const [r, row] of [
      [2, typed[0]],
      [3, typed[1]],
    ] as const) {
      expect(under(r, "决策事项")).toBe(row?.[0]);
      expect(under(r, "公众参与")).toBe(row?.[1]);
      expect(under(r, "公众参与日期")).toBe(row?.[2]);
      expect(under(r, "专家论证日期")).toBe(row?.[4]);
      expect(under(r, "合法性审查日期")).toBe(row?.[8]);
      expect(under(r, "公布日期")).toBe(row?.[12]);
      expect(under(r, "是否归档")).toBe(row?.[13]);
      expect(under(r, "承办单位")).toBe("");
    }
  });
});
