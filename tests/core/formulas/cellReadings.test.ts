/**
 * The helper cells that read one input each (issue 15): a yes/no, a date and a blank test, fed the
 * odd cells clerks leave, give what src/core/values gives — here through the JS formula engine
 * (its agreement with LibreOffice is tests/formula/engineVsLibreOffice.test.ts).
 */
import { RowBuilder, type FormulaColumn } from "../../../src/core/formulas/builder";
import { columnLetter } from "../../../src/core/layout/layout";
import { parseDate } from "../../../src/core/values/date";
import { excelSerialFromIso } from "../../../src/core/values/isoDate";
import { isBlank } from "../../../src/core/values/normalize";
import { EMPTY_CODE } from "../../../src/core/values/result";
import { parseYesNo } from "../../../src/core/values/yesNo";
import { recalculate, type CellInput, type CellValue } from "../../../src/formula";

const header = { zh: "列", en: "column" };
const columns: FormulaColumn[] = [
  { id: "answer", type: "yesNo", header },
  { id: "day", type: "date", header },
  { id: "note", type: "text", header },
  { id: "check", type: "text", header },
];

/** Each value in its own row of one sheet, every helper evaluated; the helpers' values by row. */
function readings(values: readonly Typed[]): Map<string, CellValue>[] {
  const b = new RowBuilder(columns, new Map(columns.map((c, i) => [c.id, i])), 5, "$Z$1", [
    "answer",
    "day",
    "note",
  ]);
  b.yesNo("answer");
  b.date("day");
  b.blank("note");
  const compiled = b.compile(3, false);
  const cells = new Map<string, CellInput>();
  values.forEach((value, i) => {
    const row = i + 1;
    for (const c of [0, 1, 2]) if (value !== null) cells.set(`${columnLetter(c)}${row}`, { value });
    for (const f of compiled.render({ row: i, firstColumn: 0 }))
      cells.set(`${columnLetter(f.offset)}${row}`, { formula: f.formula.replace(/^=/, "") });
  });
  const result = recalculate({ sheets: new Map([["S", { cells }]]) }).values.get("S");
  return values.map(
    (_, i) =>
      new Map(
        ["yesNo:answer", "date:day", "blank:note"].map((key) => {
          const offset = compiled.helperOffset(key);
          if (offset === undefined) throw new Error(`no helper ${key}`);
          return [key, result?.get(`${columnLetter(offset)}${i + 1}`) ?? null];
        }),
      ),
  );
}

const ODD: Typed[] = [
  "是",
  " 是 ",
  "是\u200b",
  "\u3000是",
  "否",
  "YES",
  "Yes",
  "yEs",
  "y",
  "N",
  "×",
  "X",
  "√",
  "１",
  "0",
  "TRUE",
  "tRuE",
  "也许",
  "是|否",
  "|",
  "",
  "   ",
  "\u00a0",
  "\t",
  1,
  0,
  2,
  true,
  false,
  "2018-04-03",
  "2018/4/3",
  "2018.4.3",
  "2018年4月3日",
  "2018年4月3号",
  "2018 年 4 月 3 日",
  "2018 - 4 - 3",
  "20180403",
  "２０１８－０４－０３",
  "2018-04-03\u200b",
  " 2018-4-3 ",
  "2018-02-30",
  "2018-13-01",
  "2018-4-3 10:00",
  "2018-4",
  "2018/4-3",
  "下周",
  43000,
  20180403,
  "a",
  " a",
  "\u200ba",
  null,
];

type Typed = string | number | boolean | null;

const yesNoAsFormula = (value: Typed): CellValue => {
  const read = parseYesNo(value);
  if (read.ok) return read.value ? 1 : 0;
  return read.code === EMPTY_CODE ? "" : "I";
};

const dateAsFormula = (value: Typed): CellValue => {
  const read = parseDate(value);
  if (read.ok) return excelSerialFromIso(read.value);
  if (read.code === EMPTY_CODE) return "";
  return read.code === "value.date.impossible" ? "P" : "I";
};

describe("helper cells read a cell as the core does (issue 15)", () => {
  const rows = readings(ODD);

  it.each(ODD.map((value, i) => [JSON.stringify(value), i] as const))(
    "%s: the yes/no, date and blank readings match src/core/values",
    (_, i) => {
      const value = ODD[i] ?? null;
      const got = rows[i];
      expect(got?.get("yesNo:answer")).toEqual(yesNoAsFormula(value));
      expect(got?.get("date:day")).toEqual(dateAsFormula(value));
      expect(got?.get("blank:note")).toBe(isBlank(value));
    },
  );
});
