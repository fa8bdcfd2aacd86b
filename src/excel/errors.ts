import { t, type Locale } from "../i18n";

type Params = Readonly<Record<string, string | number | boolean>>;

/** A part of the workbook Taizhang writes, named for the "what was written" report. */
export interface WorkbookPart {
  /** i18n key, e.g. "excel.part.table". */
  key: string;
  params: Params;
}

/**
 * An error the user can act on. `code` is the i18n key of its sentence (the task pane shows it
 * through its one error display); `officeCode` is Excel's code when Excel raised it.
 */
export class ExcelAdapterError extends Error {
  readonly code: string;
  readonly params: Params;
  readonly officeCode?: string;
  /** Trying again later can work (a cell being edited, a co-author's conflict, a busy Excel). */
  readonly retry: boolean;
  /** For a write that stopped midway: what is in the workbook and what is not. */
  readonly written?: readonly WorkbookPart[];
  readonly notWritten?: readonly WorkbookPart[];

  constructor(
    code: string,
    params: Params,
    extra: {
      officeCode?: string;
      retry?: boolean;
      cause?: unknown;
      written?: readonly WorkbookPart[];
      notWritten?: readonly WorkbookPart[];
    } = {},
  ) {
    super(code, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = "ExcelAdapterError";
    this.code = code;
    this.params = params;
    this.retry = extra.retry ?? false;
    if (extra.officeCode !== undefined) this.officeCode = extra.officeCode;
    if (extra.written) this.written = extra.written;
    if (extra.notWritten) this.notWritten = extra.notWritten;
  }
}

interface OfficeLikeError {
  code?: unknown;
  message?: unknown;
  debugInfo?: { errorLocation?: unknown; message?: unknown };
}

const RETRYABLE = new Set([
  "InvalidOperationInCellEditMode",
  "Conflict",
  "GeneralException",
  "RequestAborted",
  "ServiceNotAvailable",
]);

/** Office error codes → the message the user reads (design.md §9: decide retry or message by code). */
const BY_CODE: Readonly<Record<string, string>> = {
  InvalidOperationInCellEditMode: "excel.error.cellEditMode",
  ApiNotFound: "excel.error.apiNotFound",
  AccessDenied: "excel.error.accessDenied",
  RequestPayloadSizeLimitExceeded: "excel.error.tooLarge",
  ResponsePayloadSizeLimitExceeded: "excel.error.tooLarge",
  Conflict: "excel.error.conflict",
  ItemNotFound: "excel.error.notFound",
  InvalidArgument: "excel.error.invalidArgument",
  GeneralException: "excel.error.busy",
  RequestAborted: "excel.error.busy",
  ServiceNotAvailable: "excel.error.busy",
};

/** Turns anything thrown by Office.js (or by us) into an ExcelAdapterError. */
export function toAdapterError(error: unknown): ExcelAdapterError {
  if (error instanceof ExcelAdapterError) return error;
  const e = (typeof error === "object" && error !== null ? error : {}) as OfficeLikeError;
  const officeCode = typeof e.code === "string" ? e.code : "";
  const location = typeof e.debugInfo?.errorLocation === "string" ? e.debugInfo.errorLocation : "";
  const detail = typeof e.message === "string" ? e.message : String(error);
  const key = BY_CODE[officeCode] ?? "excel.error.unknown";
  return new ExcelAdapterError(
    key,
    { officeCode: officeCode || "?", location, detail },
    { officeCode, retry: RETRYABLE.has(officeCode), cause: error },
  );
}

/** The adapter error for a write that stopped midway, naming what is and is not in the workbook. */
export function partialWriteError(
  cause: ExcelAdapterError,
  written: readonly WorkbookPart[],
  notWritten: readonly WorkbookPart[],
  locale: Locale,
): ExcelAdapterError {
  const list = (parts: readonly WorkbookPart[]) =>
    parts.length === 0
      ? t(locale, "excel.partial.none")
      : parts.map((p) => t(locale, p.key, p.params)).join("、");
  return new ExcelAdapterError(
    "excel.partial",
    { cause: t(locale, cause.code, cause.params), written: list(written), notWritten: list(notWritten) },
    {
      ...(cause.officeCode ? { officeCode: cause.officeCode } : {}),
      retry: cause.retry,
      cause,
      written,
      notWritten,
    },
  );
}

/** The sentence for an adapter error. */
export function describeError(locale: Locale, error: ExcelAdapterError): string {
  return t(locale, error.code, error.params);
}
