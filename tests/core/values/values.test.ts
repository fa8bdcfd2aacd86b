import fc from "fast-check";
import {
  excelSerialFromIso,
  isoFromExcelSerial,
  parseCell,
  parseDate,
  parseInteger,
  parseNumber,
  parseRatio,
  parseStatus,
  parseYesNo,
} from "../../../src/core/values";
import type { CellValue } from "../../../src/core/snapshot";

const ok = <T>(value: T) => ({ ok: true, value });
const fail = (code: string, raw: string) => ({ ok: false, code, params: { raw } });

describe("parseDate", () => {
  it.each<[CellValue, unknown]>([
    ["2018-04-03", ok("2018-04-03")],
    ["2018/4/3", ok("2018-04-03")],
    ["2018.4.3", ok("2018-04-03")],
    ["2018年4月3日", ok("2018-04-03")],
    ["2018年4月3号", ok("2018-04-03")],
    ["  2018-4-3 ", ok("2018-04-03")],
    ["２０１８年４月３日", ok("2018-04-03")],
    ["２０１８－０４－０３", ok("2018-04-03")],
    ["2018 年 4 月 3 日", ok("2018-04-03")],
    ["\u30002018/04/03\u3000", ok("2018-04-03")],
    ["20180403", ok("2018-04-03")],
    ["2018-04-03 00:00:00", ok("2018-04-03")],
    ["2018-04-03T00:00:00.000Z", ok("2018-04-03")],
    [43193, ok("2018-04-03")],
    [43193.75, ok("2018-04-03")],
    [1, ok("1900-01-01")],
    [59, ok("1900-02-28")],
    [61, ok("1900-03-01")],
    [new Date(Date.UTC(2018, 3, 3)), ok("2018-04-03")],
    [new Date(2018, 3, 3), ok("2018-04-03")],
    ["2018-02-30", fail("value.date.impossible", "2018-02-30")],
    ["2018-13-01", fail("value.date.impossible", "2018-13-01")],
    ["2019年2月29日", fail("value.date.impossible", "2019年2月29日")],
    ["2020-02-29", ok("2020-02-29")],
    ["2018-4/3", fail("value.date.invalid", "2018-4/3")],
    ["四月三日", fail("value.date.invalid", "四月三日")],
    ["2018", fail("value.date.invalid", "2018")],
    [60, fail("value.date.invalid", "60")],
    [0, fail("value.date.invalid", "0")],
    [-5, fail("value.date.invalid", "-5")],
    [true, fail("value.date.invalid", "TRUE")],
    ["", fail("value.empty", "")],
    [null, fail("value.empty", "")],
  ])("%p → %p", (input, expected) => {
    expect(parseDate(input)).toEqual(expected);
  });

  const validDate = fc
    .date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const styles: ((y: string, m: string, d: string) => CellValue)[] = [
    (y, m, d) => `${y}-${m}-${d}`,
    (y, m, d) => `${y}/${Number(m)}/${Number(d)}`,
    (y, m, d) => `${y}.${Number(m)}.${Number(d)}`,
    (y, m, d) => `${y}年${Number(m)}月${Number(d)}日`,
    (y, m, d) => ` ${y}/${m}/${d} `,
    (y, m, d) => `${y}-${m}-${d}`.replace(/[0-9-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
    (y, m, d) => new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))),
  ];

  it("reads every valid date back in every supported style", () => {
    fc.assert(
      fc.property(validDate, fc.integer({ min: 0, max: styles.length - 1 }), (iso, style) => {
        const [y, m, d] = iso.split("-") as [string, string, string];
        expect(parseDate((styles[style] as (typeof styles)[number])(y, m, d))).toEqual(ok(iso));
      }),
    );
  });

  it("round-trips Excel serials and ISO dates", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_958_465 }).filter((n) => n !== 60),
        (serial) => {
          const iso = isoFromExcelSerial(serial);
          expect(iso).not.toBeNull();
          expect(excelSerialFromIso(iso as string)).toBe(serial);
          expect(parseDate(serial)).toEqual(ok(iso));
        },
      ),
    );
    fc.assert(
      fc.property(validDate, (iso) => {
        expect(isoFromExcelSerial(excelSerialFromIso(iso))).toBe(iso);
      }),
    );
  });
});

describe("parseNumber and parseInteger", () => {
  it.each<[CellValue, unknown]>([
    [12, ok(12)],
    ["12", ok(12)],
    [" 1,234 ", ok(1234)],
    ["1,234.5", ok(1234.5)],
    ["１２", ok(12)],
    ["１，２３４", ok(1234)],
    ["5人", ok(5)],
    ["8 台", ok(8)],
    ["-3", fail("value.number.negative", "-3")],
    [-20, fail("value.number.negative", "-20")],
    ["0.5", ok(0.5)],
    ["1,23", fail("value.number.invalid", "1,23")],
    ["若干", fail("value.number.invalid", "若干")],
    ["12a", fail("value.number.invalid", "12a")],
    [true, fail("value.number.invalid", "TRUE")],
  ])("parseNumber %p → %p", (input, expected) => {
    expect(parseNumber(input)).toEqual(expected);
  });

  it.each<[CellValue, unknown]>([
    ["2人", ok(2)],
    [2.5, fail("value.integer.notWhole", "2.5")],
    ["abc", fail("value.number.invalid", "abc")],
  ])("parseInteger %p → %p", (input, expected) => {
    expect(parseInteger(input)).toEqual(expected);
  });
});

describe("parseRatio", () => {
  it.each<[CellValue, boolean, unknown]>([
    [0.5, false, ok(0.5)],
    ["50%", false, ok(0.5)],
    ["５０％", false, ok(0.5)],
    [" 50 % ", false, ok(0.5)],
    ["12/24", false, ok(0.5)],
    [50, true, ok(0.5)],
    ["50", true, ok(0.5)],
    [0.5, true, ok(0.5)],
    [1, false, ok(1)],
    [50, false, fail("value.ratio.outOfRange", "50")],
    ["120%", false, fail("value.ratio.outOfRange", "120%")],
    ["一半", false, fail("value.ratio.invalid", "一半")],
    ["3/0", false, fail("value.ratio.invalid", "3/0")],
  ])("%p (percent column: %p) → %p", (input, percent, expected) => {
    expect(parseRatio(input, { percent })).toEqual(expected);
  });
});

describe("parseYesNo", () => {
  it.each<[CellValue, boolean]>([
    ["是", true],
    ["否", false],
    ["√", true],
    ["×", false],
    ["Y", true],
    ["n", false],
    ["Yes", true],
    ["NO", false],
    ["true", true],
    ["FALSE", false],
    [true, true],
    [false, false],
    [1, true],
    [0, false],
    [" 是 ", true],
  ])("%p → %p", (input, expected) => {
    expect(parseYesNo(input)).toEqual(ok(expected));
  });

  it("names what it could not read", () => {
    expect(parseYesNo("也许")).toEqual(fail("value.yesNo.invalid", "也许"));
    expect(parseYesNo(2)).toEqual(fail("value.yesNo.invalid", "2"));
  });
});

describe("parseStatus", () => {
  it.each<[string, string]>([
    ["完成", "完成"],
    ["已完成", "完成"],
    ["Done", "完成"],
    ["部分完成", "部分完成"],
    ["partly done", "部分完成"],
    ["未开始", "未开始"],
    ["Not started", "未开始"],
    ["不适用", "不适用"],
    ["N/A", "不适用"],
    [" 完成 ", "完成"],
  ])("%p → %p", (input, expected) => {
    expect(parseStatus(input)).toEqual(ok(expected));
  });

  it("rejects other words", () => {
    expect(parseStatus("差不多")).toEqual(fail("value.status.invalid", "差不多"));
  });
});

describe("every parser", () => {
  const cellLike = fc.oneof(
    fc.anything(),
    fc.string(),
    fc.double(),
    fc.date(),
    fc.constantFrom("", " ", "\u3000", "2018-02-30", "NaN", "1e400", "50%%", "１/０"),
  );
  const parsers = [
    (v: CellValue) => parseDate(v),
    (v: CellValue) => parseNumber(v),
    (v: CellValue) => parseInteger(v),
    (v: CellValue) => parseRatio(v),
    (v: CellValue) => parseRatio(v, { percent: true }),
    (v: CellValue) => parseYesNo(v),
    (v: CellValue) => parseStatus(v),
    (v: CellValue) => parseCell("enum", v, { values: ["讲座"] }),
    (v: CellValue) => parseCell("text", v),
  ];

  it("returns a result and never throws, whatever the cell holds", () => {
    fc.assert(
      fc.property(cellLike, (value) => {
        for (const parse of parsers) {
          // Adapters promise CellValue, but a parser must survive anything a bug upstream sends.
          const result = parse(value as CellValue);
          expect(typeof result.ok).toBe("boolean");
          if (!result.ok) expect(typeof result.params.raw).toBe("string");
        }
      }),
    );
  });
});
