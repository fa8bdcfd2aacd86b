/** The streaming .xlsx reader: the raw-cell model from only the parts Taizhang reads (issue 14). */
export { openXlsxStream, rawWorkbook, type StreamedWorkbook } from "./open";
export { assessXlsxStream, type StreamAssessed } from "./assess";
