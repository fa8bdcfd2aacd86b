export * from "./types";
export { rowCheckText, pieceOrder, CHECK_TEXT_MARKS, CHECK_TEXT_SEPARATOR } from "./checkText";
export { workbookFormulas } from "./workbook";
export { formulasStamp } from "./stamp";
export type { ShortMessage } from "./ledgerRules";
