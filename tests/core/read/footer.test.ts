import { isFooterRow } from "../../../src/core/read";

describe("isFooterRow", () => {
  it.each([
    [["填表人:张三 审核人:李四", null, null], true],
    [[null, null, "审核人：李四"], true],
    [["制表日期: 2018-12-31"], true],
    [["Prepared by: Zhang"], true],
    [["填报单位（盖章）：宣和镇人民政府"], true],
    [["填表人:张三", "是"], false],
    [["道路改造", null, "2018-04-01"], false],
    [["填表人"], false],
    [[43200], false],
    [[null, null], false],
  ])("%j → %s", (values, footer) => {
    expect(isFooterRow(values)).toBe(footer);
  });
});
