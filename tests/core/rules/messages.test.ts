import { FINDING_CODES } from "../../../src/core/rules/registry";
import { REASON_CODES } from "../../../src/core/score/reasons";
import { findingMessage, hasMessage, LOCALES, t } from "../../../src/i18n";

describe("every code the core emits has text", () => {
  const findingCodes = Object.keys(FINDING_CODES);

  it.each(LOCALES)("finding codes in %s", (locale) => {
    expect(findingCodes.filter((code) => !hasMessage(locale, `finding.${code}`))).toEqual([]);
  });

  it.each(LOCALES)("score reasons in %s", (locale) => {
    expect(REASON_CODES.filter((code) => !hasMessage(locale, `reason.${code}`))).toEqual([]);
  });

  it("lists the codes of every rule family", () => {
    for (const prefix of [
      "required.",
      "dateOrder.",
      "withinDays.",
      "validity.",
      "requiredReviews.",
      "ratio.",
      "count.",
      "quarterDeadline.",
      "evidence.",
      "veto.",
      "value.date.",
    ]) {
      expect(findingCodes.some((code) => code.startsWith(prefix))).toBe(true);
    }
  });
});

describe("finding text", () => {
  const finding = {
    code: "dateOrder.violated",
    params: {
      earlier: "合法性审查日期",
      earlier_en: "Legality review date",
      later: "集体讨论日期",
      later_en: "Collective discussion date",
      earlierDate: "2018-05-10",
      laterDate: "2018-05-03",
    },
  };

  it("reads as an official would write it, in Chinese", () => {
    expect(findingMessage("zh-CN", finding)).toBe(
      "合法性审查日期(2018-05-10)晚于集体讨论日期(2018-05-03),先后顺序颠倒,请核对",
    );
  });

  it("uses the English column headers in English", () => {
    expect(findingMessage("en-US", finding)).toBe(
      "Legality review date (2018-05-10) is after Collective discussion date (2018-05-03): the steps are in the wrong order",
    );
  });

  it("fills every placeholder of reason texts it is given", () => {
    expect(t("zh-CN", "reason.ledger.share", { passed: 3, total: 4 })).toBe(
      "台账 4 条记录中 3 条符合要求,按比例得分",
    );
  });
});
