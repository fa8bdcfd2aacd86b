import type { XlContext } from "./api";
import type { WorkbookPart } from "./errors";
import { readWorkbook, type WorkbookRead } from "./read";

/** A part of the install and how to tell afterwards whether it reached the workbook. */
export interface PartCheck {
  part: WorkbookPart;
  present: (read: WorkbookRead) => boolean;
}

/** After a failed write: read the workbook back and sort the planned parts into there / not there. */
export async function verifyParts(
  run: (batch: (ctx: XlContext) => Promise<WorkbookRead>) => Promise<WorkbookRead>,
  parts: readonly PartCheck[],
): Promise<{ written: WorkbookPart[]; notWritten: WorkbookPart[] }> {
  try {
    const after = await run((ctx) => readWorkbook(ctx));
    return {
      written: parts.filter((p) => p.present(after)).map((p) => p.part),
      notWritten: parts.filter((p) => !p.present(after)).map((p) => p.part),
    };
  } catch {
    return { written: [], notWritten: parts.map((p) => p.part) };
  }
}
