/** Why a file could not be used. Text comes from src/i18n: key `xlsx.error.<code>`. */
export type XlsxErrorCode =
  | "empty"
  | "notZip"
  | "notXlsx"
  | "legacyXls"
  | "encrypted"
  | "corrupt"
  | "tooLarge"
  | "zipBomb"
  | "tooManyCells"
  | "notTaizhang"
  | "layoutUnsupported"
  | "unknownPack"
  | "badRecordedSettings"
  | "carriedPackDamaged";

export type XlsxErrorParams = Readonly<Record<string, string | number>>;

/** An unusable workbook, as data: a code and params for the message, and the cause if any. */
export class XlsxError extends Error {
  readonly code: XlsxErrorCode;
  readonly params: XlsxErrorParams;

  constructor(code: XlsxErrorCode, params: XlsxErrorParams = {}, cause?: unknown) {
    super(`xlsx.${code}`, cause === undefined ? undefined : { cause });
    this.name = "XlsxError";
    this.code = code;
    this.params = params;
  }
}

export const isXlsxError = (error: unknown): error is XlsxError => error instanceof XlsxError;
