import { isoParts, type IsoDate } from "./values/isoDate";

/**
 * The 评估年度 a workbook assesses when none is entered: the year of the assessment date, or the
 * year before it when the assessment falls in January–March (the season for assessing last year).
 */
export function defaultAssessmentYear(assessmentDate: IsoDate): number {
  const { year, month } = isoParts(assessmentDate);
  return month <= 3 ? year - 1 : year;
}

/** The earliest 评估年度 a workbook may name: older years are a typing slip, not an assessment. */
export const FIRST_ASSESSMENT_YEAR = 2000;
