export { FakeExcel, type EditSource, type FakeExcelOptions } from "./fakeExcel";
export { FakeOfficeError, CODES as FAKE_ERROR_CODES } from "./errors";
export { isoFromSerial, serialFromDate } from "./cellValues";
export type { Cell, SheetModel, TableModel, WorkbookModel } from "./model";
