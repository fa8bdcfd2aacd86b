import type { IsSetSupported } from "./api";
import { ExcelAdapterError } from "./errors";

/** ExcelApi 1.8 (Excel 2019, Microsoft 365, Excel on the web): data validation, getRangeByIndexes. */
export const MINIMUM_API = "1.8";

export interface Capabilities {
  /** onChanged `details` for a single-cell change (ExcelApi 1.9). */
  changeDetails: boolean;
  /** onChanged `triggerSource` tells Taizhang's own writes apart (ExcelApi 1.14). */
  triggerSource: boolean;
}

/** Throws the "which Excel is needed" error when the minimum is missing. */
export function requireCapabilities(isSetSupported: IsSetSupported): Capabilities {
  if (!isSetSupported("ExcelApi", MINIMUM_API)) {
    throw new ExcelAdapterError("excel.error.requirement", { set: "ExcelApi", version: MINIMUM_API });
  }
  return {
    changeDetails: isSetSupported("ExcelApi", "1.9"),
    triggerSource: isSetSupported("ExcelApi", "1.14"),
  };
}
