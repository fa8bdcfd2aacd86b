import {
  columnNumberFormat,
  CHECKLIST_COLUMNS,
  EARLIEST_DATE,
  numberFormatFor,
  type ValidationCheck,
  validationFor,
} from "../../../src/core/layout";
import type { ColumnType } from "../../../src/core/pack/schema";
import type { CellValue } from "../../../src/core/snapshot";
import { parseCell } from "../../../src/core/values";

const title = { zh: "列", en: "Column" };

/** What a spreadsheet's native check lets through, by hand from Excel's rule semantics. */
function spreadsheetAllows(check: ValidationCheck, value: CellValue): boolean {
  switch (check.kind) {
    case "list":
      return typeof value === "string" && check.values.includes(value);
    case "date":
      // Text is never a date to the spreadsheet; serials count from 1900-01-01 = 1.
      return typeof value === "number" && value >= 1;
    case "textLength":
      return String(value).length <= check.max;
    default:
      if (typeof value !== "number") return false;
      if (check.kind === "whole" && !Number.isInteger(value)) return false;
      return check.operator === "between" ? value >= check.min && value <= check.max : value >= check.min;
  }
}

describe("native validation never refuses what the checker accepts", () => {
  // Entries people type that the core reads as valid but a strict spreadsheet rule would refuse.
  const cases: [ColumnType, CellValue, readonly string[] | undefined, { percent?: boolean }][] = [
    ["date", "2018年4月3日", undefined, {}],
    ["date", "2018.4.3", undefined, {}],
    ["enum", "完成 ", ["完成", "部分完成", "未开始", "不适用"], {}],
    ["yesNo", "有", undefined, {}],
    ["yesNo", "Y", undefined, {}],
    ["ratio", "50%", undefined, {}],
    ["ratio", 50, undefined, { percent: true }],
    ["integer", "12", undefined, {}],
    ["number", "3.5", undefined, {}],
  ];
  it.each(cases)("%s column, entry %p: the spreadsheet only warns", (type, value, values, options) => {
    expect(parseCell(type, value, { ...(values ? { values } : {}), ...options }).ok).toBe(true);
    const spec = validationFor(type, title, undefined, values);
    if (!spec) throw new Error("typed columns have a validation");
    expect(spreadsheetAllows(spec.check, value)).toBe(false);
    expect(spec.alert?.style).toBe("warning");
  });

  it("dates from 1900 on are allowed: one floor for both adapters", () => {
    const spec = validationFor("date", title, undefined);
    expect(spec?.check).toEqual({ kind: "date", operator: "greaterThanOrEqual", min: EARLIEST_DATE });
    expect(EARLIEST_DATE).toBe("1900-01-01");
  });

  it("gives a free-text column only a prompt, and only when it has help", () => {
    expect(validationFor("text", title, undefined)).toBeNull();
    expect(validationFor("text", title, { zh: "说明", en: "help" })).toMatchObject({
      check: { kind: "textLength" },
      prompt: { message: { text: { zh: "说明" } } },
      alert: null,
    });
  });
});

describe("number formats", () => {
  it.each([
    ["text", "@"],
    ["enum", "@"],
    ["yesNo", "@"],
    ["date", "yyyy-mm-dd"],
    ["ratio", "0%"],
    ["integer", "0"],
    ["number", "General"],
  ] as const)("a %s column is formatted %s", (type, format) => {
    expect(numberFormatFor(type)).toBe(format);
  });

  it("keeps pre-filled points General and text columns as text", () => {
    const points = CHECKLIST_COLUMNS.find((c) => c.fixed && c.type === "number");
    expect(points && columnNumberFormat(points)).toBe("General");
    const byId = Object.fromEntries(CHECKLIST_COLUMNS.map((c) => [c.id, columnNumberFormat(c)]));
    expect(byId).toMatchObject({ id: "@", evidence: "@", doneDate: "yyyy-mm-dd" });
  });
});
