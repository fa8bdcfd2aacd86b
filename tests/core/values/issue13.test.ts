import * as ExcelJS from "exceljs";
import { check } from "../../../src/core/rules/check";
import { parseDate } from "../../../src/core/values/date";
import { parseEnum } from "../../../src/core/values/cell";
import { displayValue } from "../../../src/core/values/normalize";
import { parseInteger, parseNumber } from "../../../src/core/values/number";
import { parseStatus } from "../../../src/core/values/status";
import { isoFromSerial, serialFromDate } from "../../../src/sim";
import { rawCellValue } from "../../../src/xlsx/cellValue";
import { buildSnapshot } from "../../support/snapshot";
import { testPack } from "../../support/testPack";

// Issue 13, items 9 and 10. The calendar oracle is Microsoft's own statement that Excel keeps
// Lotus 1-2-3's 1900-02-29 as serial 60, so 59 is 1900-02-28 and 61 is 1900-03-01:
// https://learn.microsoft.com/en-us/troubleshoot/microsoft-365-apps/excel/wrongly-assumes-1900-is-leap-year

/** A value written into a date-formatted cell of a real .xlsx and read back the way Taizhang reads. */
async function throughXlsx(value: number): Promise<ReturnType<typeof rawCellValue>> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("s");
  sheet.getCell("A1").value = value;
  sheet.getCell("A1").numFmt = "yyyy-mm-dd";
  const again = new ExcelJS.Workbook();
  await again.xlsx.load(await book.xlsx.writeBuffer());
  return rawCellValue(again.getWorksheet("s")?.getCell("A1").value);
}

describe("item 9: negative counts are refused", () => {
  it.each([-20, "-12", "−30人"])("%p is a negative-number finding, not a count", (value) => {
    expect(parseInteger(value)).toMatchObject({ ok: false, code: "value.number.negative" });
    expect(parseNumber(value)).toMatchObject({ ok: false, code: "value.number.negative" });
  });

  it("−12 certified of −20 established does not pass the 50 % rule", () => {
    const pack = testPack();
    const snapshot = buildSnapshot(pack, { inputs: { certified: -12, established: -20 } });
    const item = check(pack, snapshot).items.find((i) => i.item.id === "T2.1");
    expect(item?.itemRulesMet).not.toBe(true);
    expect(item?.findings.map((f) => f.code)).toContain("value.number.negative");
  });

  it("0 is still a count", () => {
    expect(parseInteger(0)).toEqual({ ok: true, value: 0 });
  });
});

describe("item 10: dates", () => {
  it("a date-formatted cell holding −5 is not a date (was 1899-12-25)", async () => {
    const read = await throughXlsx(-5);
    expect(read).toBe(-5);
    expect(parseDate(read)).toMatchObject({ ok: false, code: "value.date.invalid", params: { raw: "-5" } });
  });

  it.each<[number, unknown]>([
    [1, { ok: true, value: "1900-01-01" }],
    [59, { ok: true, value: "1900-02-28" }],
    [60, { ok: false, code: "value.date.invalid" }],
    [61, { ok: true, value: "1900-03-01" }],
    [43101, { ok: true, value: "2018-01-01" }],
  ])("serial %p in a date-formatted .xlsx cell follows Excel's 1900 calendar", async (serial, expected) => {
    expect(parseDate(await throughXlsx(serial))).toMatchObject(expected as object);
    expect(parseDate(serial)).toMatchObject(expected as object);
  });

  it("20180525 typed in a date column is 2018-05-25, never +057152-05", async () => {
    const read = await throughXlsx(20180525);
    expect(parseDate(read)).toEqual({ ok: true, value: "2018-05-25" });
    expect(displayValue(new Date(Date.UTC(57152, 4, 1)))).not.toMatch(/\+0571/);
    expect(parseDate(new Date((20180525 - 25569) * 86_400_000))).toEqual({ ok: true, value: "2018-05-25" });
  });

  it("20181345 typed in a date column is refused with the number as typed", async () => {
    expect(parseDate(await throughXlsx(20181345))).toMatchObject({ ok: false, params: { raw: "20181345" } });
  });

  it.each(["完\u200B成", "\u200B完成", "完成\u2060", "\uFEFF完成", "完\u00AD成"])(
    "%j with an invisible character is 完成",
    (text) => {
      expect(parseStatus(text)).toEqual({ ok: true, value: "完成" });
      expect(parseEnum(text, ["完成", "未完成"])).toEqual({ ok: true, value: "完成" });
    },
  );

  it("a cell of only zero-width spaces is blank", () => {
    expect(parseStatus("\u200B\u200B")).toMatchObject({ ok: false, code: "value.empty" });
  });
});

describe("item 10: one serial conversion, the simulator included", () => {
  it.each<[number, number, number, number]>([
    [1900, 1, 1, 1],
    [1900, 2, 28, 59],
    [1900, 3, 1, 61],
    [2018, 5, 25, 43245],
  ])("%d-%d-%d is serial %d as Excel stores it", (y, m, d, serial) => {
    expect(serialFromDate(y, m, d)).toBe(serial);
    expect(isoFromSerial(serial)).toBe(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
  });

  it("serial 60 displays as Excel shows it, 1900-02-29; −5 as #####", () => {
    expect(isoFromSerial(60)).toBe("1900-02-29");
    expect(isoFromSerial(-5)).toBe("#####");
  });
});
