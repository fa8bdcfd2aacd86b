export {
  installPack,
  type InstallOptions,
  type InstallProgress,
  type InstallSettings,
  type InstallSummary,
} from "./install";
export { ExcelAdapterError, describeError, toAdapterError, type WorkbookPart } from "./errors";
export type { AdapterOptions } from "./options";
export type { XlRun, IsSetSupported } from "./api";
export { MINIMUM_API } from "./requirements";
