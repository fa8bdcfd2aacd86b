import {
  fileWidthFromCharacters,
  fileWidthFromPoints,
  pointsFromCharacters,
  pointsFromFileWidth,
} from "../../../src/core/layout";

// ECMA-376 Part 1, §18.3.1.13 (col/@width), worked example for Calibri 11 (7 px digits): a column
// 8 characters wide is stored as Truncate([8*7+5]/7*256)/256 = 8.7109375 and shown as
// Truncate(((256*8.7109375 + Truncate(128/7))/256)*7) = 61 px. Office.js counts points (¾ px).
describe("column widths convert as Excel does", () => {
  it("stores 8 characters as 8.7109375 and shows them as 61 px", () => {
    expect(fileWidthFromCharacters(8)).toBe(8.7109375);
    expect(pointsFromFileWidth(8.7109375)).toBe(45.75); // 61 px
    expect(pointsFromCharacters(8)).toBe(45.75);
  });

  it("gives the same on-screen width from a file (taizhang init) and from the add-in, for every width", () => {
    for (let characters = 1; characters <= 60; characters++) {
      expect([characters, pointsFromFileWidth(fileWidthFromCharacters(characters))]).toEqual([
        characters,
        pointsFromCharacters(characters),
      ]);
    }
  });

  it("saves the add-in's points (preview → .xlsx) as the width Excel shows the same", () => {
    for (let characters = 1; characters <= 60; characters++) {
      const points = pointsFromCharacters(characters);
      expect(fileWidthFromPoints(points)).toBe(fileWidthFromCharacters(characters));
      expect(pointsFromFileWidth(fileWidthFromPoints(points))).toBe(points);
    }
  });

  // Before: a file width was read as characters and padded again, so the preview showed every
  // column of an init-made workbook 5 px wider than Excel does.
  it("does not pad a file's width twice", () => {
    expect(pointsFromFileWidth(20)).toBe(105); // 140 px, not (20*7+5) px
  });
});
