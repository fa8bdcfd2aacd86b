import { isLayoutSupported, type WorkbookMeta } from "../core/layout";
import { findMeta, type RawSheet, type RawWorkbook } from "../core/read";
import type { CellValue } from "../core/snapshot";
import { XlsxError } from "../xlsx/errors";
import { DEFAULT_LIMITS, type InputLimits } from "../xlsx/guard";
import { readSharedStrings } from "./sharedStrings";
import { readSheetRows, type SheetContext } from "./sheet";
import { readDateStyles } from "./styles";
import { rawNames, readWorkbookParts, sheetTables } from "./workbook";
import { XlsxPackage } from "./zip";

export interface StreamedWorkbook {
  meta: WorkbookMeta;
  /**
   * Guards the parts nobody read (inflated and counted, not parsed): call it once reading is done,
   * so a file over the limits is refused as the full reader refuses it.
   */
  guardRest(): void;
  /**
   * The workbook's cells as the core reads them. A sheet's rows are parsed the first time they
   * are read: the core reads the metadata sheet, the sheets its tables and named cells are on, and
   * others only when it has to look for a moved table or lost names.
   */
  raw: RawWorkbook;
}

/**
 * .xlsx bytes → the raw-cell model and Taizhang's metadata, reading only what those need. Throws
 * XlsxError with the same codes as the full reader (xlsx/read/open.ts) for unusable input.
 * Runs in Node and the browser: no file system, no DOM.
 */
export function openXlsxStream(bytes: Uint8Array, limits: InputLimits = DEFAULT_LIMITS): StreamedWorkbook {
  const { raw, guardRest } = streamPackage(bytes, limits);
  const found = guarded(guardRest, () => findMeta(raw));
  if (!found) {
    guardRest();
    throw new XlsxError("notTaizhang");
  }
  if (!isLayoutSupported(found.meta)) {
    guardRest();
    throw new XlsxError("layoutUnsupported", { version: found.meta.layoutVersion });
  }
  return { meta: found.meta, raw, guardRest };
}

/**
 * Runs a read; should it fail for another reason than the guard's own, the rest of the package is
 * guarded first, so a bomb is reported as one whatever else is wrong (the full reader's order).
 */
export function guarded<T>(guardRest: () => void, read: () => T): T {
  try {
    return read();
  } catch (error) {
    const guardCode =
      error instanceof XlsxError && ["zipBomb", "tooManyCells", "corrupt"].includes(error.code);
    if (!guardCode) guardRest();
    throw error;
  }
}

/** The raw-cell model of any .xlsx, each sheet's rows parsed when first read. */
export function rawWorkbook(bytes: Uint8Array, limits: InputLimits = DEFAULT_LIMITS): RawWorkbook {
  return streamPackage(bytes, limits).raw;
}

function streamPackage(bytes: Uint8Array, limits: InputLimits): { raw: RawWorkbook; guardRest: () => void } {
  const pkg = new XlsxPackage(bytes, limits);
  const parts = readWorkbookParts(pkg);
  if (parts.sheets.length === 0) throw new XlsxError("corrupt");
  let context: SheetContext | null = null;
  // Shared strings and date styles are read once, with the first sheet that is parsed.
  const sheetContext = (): SheetContext =>
    (context ??= {
      sharedStrings: readSharedStrings(pkg, parts.sharedStrings),
      dateStyles: readDateStyles(pkg, parts.styles),
      date1904: parts.date1904,
    });
  // Chart and dialog sheets hold no cells; ExcelJS leaves them out of its worksheets too.
  const worksheets = parts.sheets.filter(
    (s) => !/^xl\/(chartsheets|dialogsheets|macrosheets)\//i.test(s.part),
  );
  const sheets = worksheets.map((entry): RawSheet => {
    if (!entry.part || !pkg.has(entry.part)) throw new XlsxError("corrupt");
    let rows: CellValue[][] | null = null;
    return {
      id: entry.id,
      name: entry.name,
      visibility: entry.visibility,
      tables: sheetTables(pkg, entry.part),
      get rows() {
        return (rows ??= readSheetRows(pkg, entry.part, sheetContext()));
      },
    };
  });
  return {
    raw: { sheets, names: rawNames(parts.definedNames, worksheets) },
    guardRest: () => pkg.guardRest(),
  };
}
