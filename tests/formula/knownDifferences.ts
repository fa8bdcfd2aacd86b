/**
 * Corpus formulas where LibreOffice is documented to differ from Excel. The engine follows Excel's
 * documentation (linked per row); the corpus test checks both that and that LibreOffice really differs.
 */
import { ERR, type CellValue } from "../../src/formula";

export interface KnownDifference {
  /** What Excel documents for this formula with the corpus data. */
  excel: CellValue;
  why: string;
  link: string;
}

/** Formulas where LibreOffice is documented to differ from Excel: the engine follows Excel. */
const OPERATORS =
  "https://support.microsoft.com/en-us/office/calculation-operators-and-precedence-in-excel-48be406d-4975-4d31-b2b8-7af9e0e2878a";
const DATEVALUE =
  "https://support.microsoft.com/en-us/office/datevalue-function-df8b07d4-7761-4a93-bc33-b7471bbff252";
const DATE = "https://support.microsoft.com/en-us/office/date-function-e36c0c8c-4104-49da-ab83-82328b832349";
const LEAP_YEAR =
  "https://learn.microsoft.com/en-us/troubleshoot/microsoft-365-apps/excel/wrongly-assumes-1900-is-leap-year";
const DATE_SYSTEMS =
  "https://support.microsoft.com/en-us/office/date-systems-in-excel-e7fe7167-48a9-4b96-bb53-5612a800b487";
const SUM = "https://support.microsoft.com/en-us/office/sum-function-043e1c7d-7726-4e80-8f32-07b23e057f89";
const COUNT =
  "https://support.microsoft.com/en-us/office/count-function-a59cd7fc-b623-4d93-87a4-d23bf411294c";
const SUMPRODUCT = "https://learn.microsoft.com/en-us/office/vba/api/excel.worksheetfunction.sumproduct";
const MATCH =
  "https://support.microsoft.com/en-us/office/match-function-e8dffd45-c762-47d6-bf89-533f4a37673a";
const INDEX =
  "https://support.microsoft.com/en-us/office/index-function-a5dcf0dd-996d-40a4-a822-b56b061328bd";
const COUNTIF =
  "https://support.microsoft.com/en-us/office/countif-function-e0de10c6-f885-4e71-abb4-1f464816df34";
const POWER =
  "https://learn.microsoft.com/en-us/openspecs/office_standards/ms-oi29500/a2ea85f8-876e-4587-9580-08fc856b67ab";
const FIND =
  "https://support.microsoft.com/en-us/office/find-findb-functions-c7912941-af2a-4bdf-a553-d0d89b0a0628";
const SORT_ORDER =
  "https://support.microsoft.com/en-us/office/sort-data-in-a-range-or-table-62d0b95d-2a90-4610-a6ae-2e545c4a4654";

// LibreOffice has no boolean type (TRUE is the number 1 with a logical format): the source of most rows below.
const LO_BOOLEANS = "LibreOffice stores TRUE/FALSE as 1/0";

/** Formulas where LibreOffice is documented to differ from Excel: the engine follows Excel. */
export const KNOWN_DIFFERENCES: Record<string, KnownDifference> = {
  "0^0": { excel: ERR.num, why: "Office returns #NUM! for 0^0; LibreOffice 1", link: POWER },
  "A17+1": { excel: ERR.value, why: `"TRUE" is not number text in Excel; ${LO_BOOLEANS}`, link: OPERATORS },
  "A9+0": {
    excel: 45356,
    why: "Excel converts date text in arithmetic; LibreOffice only ISO 8601",
    link: OPERATORS,
  },
  '"z"<TRUE': {
    excel: true,
    why: `Excel orders numbers < text < logical values; ${LO_BOOLEANS}`,
    link: SORT_ORDER,
  },
  "LEN(A6)": { excel: 4, why: `Excel converts TRUE to the text "TRUE"; ${LO_BOOLEANS}`, link: OPERATORS },
  'CONCATENATE("a",1,TRUE)': {
    excel: "a1TRUE",
    why: `logical values become "TRUE"; ${LO_BOOLEANS}`,
    link: OPERATORS,
  },
  '"a"&TRUE': { excel: "aTRUE", why: `the documented ="A"&TRUE example; ${LO_BOOLEANS}`, link: OPERATORS },
  'SEARCH("",A5)': {
    excel: 1,
    why: "empty find_text matches at start_num in Excel; LibreOffice #VALUE!",
    link: FIND,
  },
  "VALUE(A9)": {
    excel: 45356,
    why: 'Excel reads yyyy/m/d date text (DATEVALUE("2011/02/23") example)',
    link: DATEVALUE,
  },
  "DATEVALUE(A9)": {
    excel: 45356,
    why: 'the DATEVALUE("2011/02/23") example; LibreOffice en-US refuses it',
    link: DATEVALUE,
  },
  'MONTH("2024/3/5")': { excel: 3, why: "date text is converted as DATEVALUE does", link: DATEVALUE },
  "DATE(24,1,1)": {
    excel: 8767,
    why: "Excel adds 1900 to years 0–1899; LibreOffice applies its two-digit-year window",
    link: DATE,
  },
  "DATE(1900,1,1)": {
    excel: 1,
    why: "Excel's serial 1 is 1900-01-01 (the 1900 leap-year quirk); LibreOffice 2",
    link: LEAP_YEAR,
  },
  "DATE(10000,1,1)": { excel: ERR.num, why: "Excel: a year ≥ 10000 is #NUM!", link: DATE },
  "DAY(A4)": {
    excel: 0,
    why: "Excel's serial 0 is 1900-01-00; LibreOffice's is 1899-12-30",
    link: DATE_SYSTEMS,
  },
  "YEAR(-1)": { excel: ERR.num, why: "Excel has no dates before 1900; LibreOffice does", link: DATE_SYSTEMS },
  'SUM("5",TRUE,1)': {
    excel: 7,
    why: "Excel counts number text and logical values typed as arguments",
    link: SUM,
  },
  "SUM(D1:D10)": { excel: 35, why: `Excel ignores logical values in references; ${LO_BOOLEANS}`, link: SUM },
  "COUNT(D1:D10)": {
    excel: 3,
    why: `Excel counts no logical values in references; ${LO_BOOLEANS}`,
    link: COUNT,
  },
  "SUMPRODUCT(E1:E10>5)": {
    excel: 0,
    why: `non-numeric entries (TRUE) count as 0; ${LO_BOOLEANS}`,
    link: SUMPRODUCT,
  },
  'MATCH("5",D1:D10,0)': {
    excel: 2,
    why: 'Excel matches text "5" only to text; LibreOffice also to the number 5',
    link: MATCH,
  },
  "INDEX(C1:C6,7)": {
    excel: ERR.ref,
    why: "Excel: a row outside the array is #REF!; LibreOffice Err:504",
    link: INDEX,
  },
  'COUNTIF(D1:D10,"?")': {
    excel: 3,
    why: "Excel's wildcards match text cells only; LibreOffice also the number 5",
    link: COUNTIF,
  },
};
