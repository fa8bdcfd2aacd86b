export { assess } from "./assess";
export type * from "./assessment";
export type { Finding, FindingParam, Severity } from "./findings";
export type { WorkbookSnapshot, TableSnapshot, RowSnapshot, InputSnapshot, CellValue } from "./snapshot";
export { FINDING_CODES, RULES } from "./rules/registry";
export { REASON_CODES } from "./score/reasons";
