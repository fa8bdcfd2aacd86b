import { CHECKLIST_COLUMNS } from "../../../src/core/layout";
import { matchHeaders, normalizeHeader } from "../../../src/core/read";

const cells = (texts: readonly string[], left = 0) => texts.map((text, i) => ({ column: left + i, text }));
const LAYOUT = CHECKLIST_COLUMNS.map((c) => c.header.zh);

describe("normalizeHeader", () => {
  it.each([
    [" 佐证材料（附件） ", "佐证材料(附件)"],
    ["完成\n日期", "完成日期"],
    ["ＳＴＡＴＵＳ", "status"],
    ["Due Date", "duedate"],
  ])("%j → %j", (text, normalized) => {
    expect(normalizeHeader(text)).toBe(normalized);
  });
});

describe("matchHeaders", () => {
  it("finds every column of an untouched header where the layout puts it", () => {
    const { columns, missing } = matchHeaders(cells(LAYOUT, 2), CHECKLIST_COLUMNS, 2);
    expect(missing).toEqual([]);
    expect(columns).toEqual(Object.fromEntries(CHECKLIST_COLUMNS.map((c, i) => [c.id, i + 2])));
  });

  it("matches English headers and ignores case", () => {
    const headers = CHECKLIST_COLUMNS.map((c) => c.header.en.toUpperCase());
    expect(matchHeaders(cells(headers), CHECKLIST_COLUMNS).missing).toEqual([]);
  });

  it("finds a column whose header still contains its name, even after columns moved", () => {
    const moved = [...LAYOUT].reverse().map((h) => (h === "佐证材料" ? "佐证材料(附件)" : h));
    const { columns } = matchHeaders(cells(moved), CHECKLIST_COLUMNS);
    expect(columns.evidence).toBe(moved.indexOf("佐证材料(附件)"));
  });

  it("finds a retyped header by its layout position only while the other columns are in place", () => {
    const retyped = LAYOUT.map((h) => (h === "状态" ? "完成情况" : h));
    const inPlace = matchHeaders(cells(retyped), CHECKLIST_COLUMNS, 0);
    expect(inPlace.columns.status).toBe(retyped.indexOf("完成情况"));
    expect(inPlace.missing).toEqual([]);

    const movedToo = ["备用", ...retyped];
    const moved = matchHeaders(cells(movedToo), CHECKLIST_COLUMNS, 0);
    expect(moved.missing.map((c) => c.id)).toEqual(["status"]);
  });

  it("does not find a short English name inside another word", () => {
    const { columns } = matchHeaders(cells(["Evidence"]), CHECKLIST_COLUMNS);
    expect(columns.id).toBeUndefined();
    expect(columns.evidence).toBe(0);
  });
});
