/** The preview's .xlsx bridge, loaded on demand (it pulls in ExcelJS). */
export { openXlsxWorkbook, type OpenOptions } from "./openXlsx";
export { saveXlsxWorkbook } from "./saveXlsx";
export type { PreviewWorkbook } from "./carry";
