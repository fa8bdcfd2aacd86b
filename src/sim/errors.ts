/**
 * Errors shaped like OfficeExtension.Error ("RichApi.Error" with a code and debugInfo), so the
 * adapter's error mapping sees what Office.js would give it.
 */
export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.code = code;
    this.debugInfo = errorLocation === undefined ? { code, message } : { code, message, errorLocation };
  }
}

export const CODES = {
  propertyNotLoaded: "PropertyNotLoaded",
  invalidArgument: "InvalidArgument",
  invalidOperation: "InvalidOperation",
  itemNotFound: "ItemNotFound",
  itemAlreadyExists: "ItemAlreadyExists",
  invalidReference: "InvalidReference",
  invalidSelection: "InvalidSelection",
  cellEditMode: "InvalidOperationInCellEditMode",
  apiNotFound: "ApiNotFound",
  generalException: "GeneralException",
} as const;

export function notLoaded(objectName: string, property: string): FakeOfficeError {
  return new FakeOfficeError(
    CODES.propertyNotLoaded,
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${objectName}.${property}`,
  );
}
