/**
 * The Office.js adapter. Every call takes an injectable `run` (defaults to Excel.run) and
 * `isSetSupported`, so the fake in ./fake drives it in tests and in the preview host. Results are
 * data; user text comes from src/i18n by key (ExcelAdapterError.code).
 */
export {
  installPack,
  type InstallOptions,
  type InstallProgress,
  type InstallSettings,
  type InstallSummary,
} from "./install";
export { startLiveValidation, type LiveOptions, type LiveSession, type Schedule } from "./live";
export {
  exportGapSheet,
  inspectWorkbook,
  readSnapshot,
  recheckAll,
  selectCell,
  selectItem,
  type InstalledPack,
} from "./workbook";
export type { CheckOutcome } from "./check";
export { extendTablesOverRows, RESIZE_API, type ExtendOutcome } from "./extendTables";
export { convertTextDates, textDateFix, type ConvertOutcome, type TextDateFix } from "./convertDates";
export { ExcelAdapterError, describeError, toAdapterError, type WorkbookPart } from "./errors";
export type { AdapterOptions } from "./options";
export type { XlRun, IsSetSupported, XlContext } from "./api";
export { MINIMUM_API, requireCapabilities, type Capabilities } from "./requirements";
export {
  SUMMARY_CHART,
  SUMMARY_MARKERS,
  writeConsolidation,
  type ConsolidationWriteOptions,
  type ConsolidationWritten,
  type SkippedWorkbook,
} from "./consolidation";
