import { cellAddress, columnLetter } from "../../src/core/layout";

describe("column letters", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [701, "ZZ"],
    [702, "AAA"],
  ])("column %i is %s", (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });

  it("addresses a cell", () => {
    expect(cellAddress(9, 12)).toBe("J12");
  });
});
