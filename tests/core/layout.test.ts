import { cellAddress, columnIndex, columnLetter, layoutFor } from "../../src/core/layout";
import { findPack } from "../../src/core/pack/builtin";

describe("column letters", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [701, "ZZ"],
    [702, "AAA"],
  ])("column %i is %s and back", (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
    expect(columnIndex(letter)).toBe(index);
    expect(columnIndex(letter.toLowerCase())).toBe(index);
  });

  it("addresses a cell", () => {
    expect(cellAddress(9, 12)).toBe("J12");
  });
});

describe("the assessed body's field on 基本信息", () => {
  it.each([
    ["township-2018", "乡镇名称"],
    ["model-unit", "单位名称"],
  ])("is labelled as %s's unit (%s)", (packId, label) => {
    const pack = findPack(packId);
    if (!pack) throw new Error(`no pack ${packId}`);
    expect(layoutFor(pack).info.rows[0]?.label.zh).toBe(label);
  });
});
