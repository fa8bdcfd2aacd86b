import { cellAddress, columnIndex, columnLetter } from "../../src/core/layout";

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
