export { FakeExcel, type EditSource, type FakeExcelOptions } from "./fakeExcel";
export { FakeOfficeError, CODES as FAKE_ERROR_CODES } from "./errors";
export { isoFromSerial, serialFromDate } from "./cellValues";
export { WorkbookModel } from "./model";
export type { Cell, ConditionalFormatModel, SheetModel, TableModel, Validation, Visibility } from "./model";
export type { EvaluationRequest, FormulaEvaluator } from "./formulaCells";
