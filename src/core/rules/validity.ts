import type { CellValue } from "../snapshot";
import { parseDate } from "../values/date";
import { addDaysIso, addYearsIso, type IsoDate } from "../values/isoDate";
import { displayValue, normalizeText } from "../values/normalize";
import { parseNumber } from "../values/number";
import { labelParams } from "./labels";
import type { RowView } from "./rowView";
import type { RowRuleModule, RuleHit } from "./types";

export const VALIDITY_CODES = {
  missing: "validity.missing",
  unreadable: "validity.unreadable",
  tooLong: "validity.tooLong",
  provisionalTooLong: "validity.provisionalTooLong",
  endTooLate: "validity.endTooLate",
  provisionalEndTooLate: "validity.provisionalEndTooLate",
  endBeforeIssue: "validity.endBeforeIssue",
} as const;

/** What people write in 有效期: a number of years (5, "5年") or the last day (有效期至 2023-04-02). */
export type StatedValidity = { years: number } | { until: IsoDate } | null;

// Below this a number is a count of years; above it, an Excel date serial.
const MAX_YEARS = 100;

export function parseValidity(value: CellValue): StatedValidity {
  if (typeof value === "number") {
    if (value > 0 && value <= MAX_YEARS) return { years: value };
  } else if (typeof value === "string") {
    const years = parseNumber(normalizeText(value).replace(/ ?年$/, ""));
    if (years.ok && years.value > 0 && years.value <= MAX_YEARS) return { years: years.value };
  }
  const date = parseDate(value);
  return date.ok ? { until: date.value } : null;
}

/**
 * 规范性文件 validity: at most `maxYears` (暂行/试行: `provisionalMaxYears`), stated on every
 * document issued from `statedFrom`.
 */
export const validityRule: RowRuleModule<"validity"> = {
  scope: "row",
  codes: Object.fromEntries(Object.values(VALIDITY_CODES).map((code) => [code, "error"])),
  evaluate(rule, row) {
    const issueDate = row.date(rule.issueDate);
    const column = rule.validityYears;
    const marker = provisionalMarker(row, rule.titleColumns, rule.provisionalMarkers);
    const max = marker ? rule.provisionalMaxYears : rule.maxYears;

    if (row.isBlank(column)) {
      return issueDate !== null && issueDate >= rule.statedFrom
        ? validityHit(row, column, VALIDITY_CODES.missing, { issueDate, statedFrom: rule.statedFrom })
        : [];
    }
    const stated = parseValidity(row.raw(column));
    if (stated === null)
      return validityHit(row, column, VALIDITY_CODES.unreadable, { raw: displayValue(row.raw(column)) });
    if ("years" in stated) {
      if (stated.years <= max) return [];
      return marker
        ? validityHit(row, column, VALIDITY_CODES.provisionalTooLong, { years: stated.years, max, marker })
        : validityHit(row, column, VALIDITY_CODES.tooLong, { years: stated.years, max });
    }
    if (issueDate === null) return [];
    if (stated.until < issueDate)
      return validityHit(row, column, VALIDITY_CODES.endBeforeIssue, { until: stated.until, issueDate });
    // N years from the issue date run through the day before its N-th anniversary
    // (自2018年1月1日起施行,有效期至2022年12月31日).
    const latest = addDaysIso(addYearsIso(issueDate, max), -1);
    if (stated.until <= latest) return [];
    return marker
      ? validityHit(row, column, VALIDITY_CODES.provisionalEndTooLate, {
          until: stated.until,
          latest,
          max,
          marker,
        })
      : validityHit(row, column, VALIDITY_CODES.endTooLate, { until: stated.until, latest, max });
  },
};

function validityHit(row: RowView, column: string, code: string, params: RuleHit["params"]): RuleHit[] {
  return [
    { code, severity: "error", column, params: { ...labelParams("field", row.header(column)), ...params } },
  ];
}

function provisionalMarker(
  row: RowView,
  columns: readonly string[],
  markers: readonly string[],
): string | undefined {
  for (const column of columns) {
    const text = row.text(column);
    for (const marker of markers) if (text.includes(marker)) return marker;
  }
  return undefined;
}
