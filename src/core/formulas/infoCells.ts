import { columnLetter, type InfoRow, type WorkbookLayout } from "../layout/layout";
import { FIRST_ASSESSMENT_YEAR } from "../assessmentYear";
import { INFO_INPUTS } from "../snapshot";
import type { FixedFormula } from "./types";
import {
  dateCanonFormula,
  dateDayFormula,
  dateMonthEndFormula,
  dateTextFormula,
  dateValueFormula,
  numberBodyFormula,
  numberFormula,
  numberTextFormula,
  SPACE_LED_FORMULA,
  textFormula,
} from "./valueCells";

/** First 基本信息 column of a row's helpers (G on: one empty column after 校验 in E). */
export const INFO_HELPER_COLUMN = 6;

/** Hidden helpers on 基本信息 and the cells that hold what the core reads there. */
export interface InfoCells {
  cells: FixedFormula[];
  /** The assessment date's serial ("" / "I" / "P" when it has none); "NA()" without the row. */
  assessmentDate: string;
  /** The 评估年度 as the core resolves it (entered, else from the assessment date); "" when none. */
  assessmentYear: string | undefined;
  /** A number input's reading: its number, or text ("", "I", "W", "G") when it has none. */
  inputNumber(inputId: string): string | undefined;
  /** A date input's reading (other than the assessment date): its serial, "" blank, "I" / "P" unreadable. */
  inputDate(inputId: string): string | undefined;
  /** The characters that lead a text a blank test folds (valueCells.ts SPACE_LED_FORMULA), in one cell. */
  spaceLed: string;
}

const absolute = (sheet: string, column: number, row: number): string =>
  `'${sheet.replace(/'/g, "''")}'!$${columnLetter(column)}$${row}`;

/**
 * The helpers each 基本信息 row needs, reading its value exactly as the 校验 helpers read a table
 * cell of the same type (valueCells.ts), so the score formulas compare what the core compares.
 */
export function infoCells(layout: WorkbookLayout): InfoCells {
  const sheet = layout.info.sheet;
  // Above the rows' helpers: on the title row, in the first (hidden) helper column.
  const cells: FixedFormula[] = [
    { sheet, row: 0, column: INFO_HELPER_COLUMN, formula: SPACE_LED_FORMULA, helper: true },
  ];
  const numbers = new Map<string, string>();
  const put = (row: InfoRow, formulas: readonly string[]): string => {
    formulas.forEach((formula, i) =>
      cells.push({ sheet, row: row.row - 1, column: INFO_HELPER_COLUMN + i, formula, helper: true }),
    );
    return absolute(sheet, INFO_HELPER_COLUMN + formulas.length - 1, row.row);
  };
  const at = (row: InfoRow, i: number): string => `${columnLetter(INFO_HELPER_COLUMN + i)}${row.row}`;

  const readDate = (row: InfoRow): string =>
    put(row, [
      dateTextFormula(row.name),
      dateMonthEndFormula(at(row, 0)),
      dateDayFormula(at(row, 0), at(row, 1)),
      dateCanonFormula(at(row, 0), at(row, 1), at(row, 2)),
      dateValueFormula(row.name, at(row, 0), at(row, 3)),
    ]);
  let assessmentDate = "NA()";
  const dateRow = layout.info.rows.find((r) => r.inputId === INFO_INPUTS.assessmentDate);
  if (dateRow) assessmentDate = readDate(dateRow);
  // Other dates (年度报告日期, 公开日期) feed the items' deadline and publication rules.
  const dates = new Map<string, string>();
  for (const row of layout.info.rows)
    if (row.type === "date" && row !== dateRow) dates.set(row.inputId, readDate(row));

  let assessmentYear: string | undefined;
  for (const row of layout.info.rows) {
    if (row.type !== "integer" && row.type !== "number") continue;
    const reading = [
      textFormula(row.name),
      numberTextFormula(at(row, 0)),
      numberBodyFormula(at(row, 1)),
      numberFormula(row.name, at(row, 0), at(row, 1), at(row, 2), row.type === "integer"),
    ];
    if (row.inputId === INFO_INPUTS.assessmentYear && dateRow) {
      assessmentYear = put(row, [...reading, resolvedYearFormula(at(row, 3), assessmentDate)]);
      continue;
    }
    numbers.set(row.inputId, put(row, reading));
  }
  return {
    cells,
    assessmentDate,
    assessmentYear,
    inputNumber: (id) => numbers.get(id),
    inputDate: (id) => dates.get(id),
    spaceLed: absolute(sheet, INFO_HELPER_COLUMN, 1),
  };
}

/**
 * check.ts readAssessmentYear: an entered year from 2000 to 9999 and not after the assessment
 * date's year, else the default (assessmentYear.ts: the date's year, the one before in January–March).
 */
function resolvedYearFormula(year: string, date: string): string {
  const fallback = `IF(ISNUMBER(${date}),IF(MONTH(${date})<=3,YEAR(${date})-1,YEAR(${date})),"")`;
  const fits = `AND(${year}>=${FIRST_ASSESSMENT_YEAR},${year}<=9999,IF(ISNUMBER(${date}),${year}<=YEAR(${date}),TRUE))`;
  return `=IF(ISNUMBER(${year}),IF(${fits},${year},${fallback}),${fallback})`;
}
