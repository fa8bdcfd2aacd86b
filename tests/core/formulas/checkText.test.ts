import type { Finding } from "../../../src/core/findings";
import { rowCheckText } from "../../../src/core/formulas/checkText";
import { shortFindingMessage } from "../../../src/i18n";

const finding = (code: string, severity: Finding["severity"], column: string, params = {}): Finding => ({
  code,
  severity,
  sheet: "决策台账",
  row: 3,
  column,
  params,
});
const zh = (f: Finding) => shortFindingMessage("zh-CN", f);
const COLUMNS = ["name", "legalityReview", "legalityReviewDate", "decisionDate"];

describe("rowCheckText: the 校验 text both the core and the formulas write", () => {
  it("is empty for an untouched row and ✓ for an entered row without findings", () => {
    expect(rowCheckText([], false, zh, COLUMNS)).toBe("");
    expect(rowCheckText([], true, zh, COLUMNS)).toBe("✓");
  });

  it("lists errors before warnings, left to right by column, in short words without typed values", () => {
    const findings = [
      finding("when.missing", "warning", "legalityConclusion", {
        field: "审查结论",
        requirement: "记录审查结论",
      }),
      finding("requiredReviews.notDone", "error", "legalityReview", { review: "合法性审查" }),
      finding("required.missing", "error", "name", { field: "决策事项" }),
    ];
    expect(rowCheckText(findings, true, zh, COLUMNS)).toBe(
      "✗ “决策事项”未填;✗ “合法性审查”未履行;! “审查结论”未填(记录审查结论)",
    );
  });

  it("shows one problem charged to two items once, and leaves info notes to the pane", () => {
    const missing = finding("required.missing", "error", "decisionDate", { field: "决策日期" });
    const note = finding("requiredReviews.notApplicable", "info", "name", {
      review: "专家论证",
      reason: "x",
    });
    expect(rowCheckText([missing, { ...missing }, note], true, zh, COLUMNS)).toBe("✗ “决策日期”未填");
    expect(rowCheckText([note], true, zh, COLUMNS)).toBe("✓");
  });

  it("speaks English when asked, with the English column label", () => {
    const f = finding("date.inFuture", "error", "decisionDate", {
      field: "决策日期",
      field_en: "Decision date",
      date: "2030-01-01",
    });
    expect(rowCheckText([f], true, (x) => shortFindingMessage("en-US", x), COLUMNS)).toBe(
      "✗ Decision date after the assessment date",
    );
  });
});
