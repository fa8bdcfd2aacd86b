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
  const raw = rawWorkbook(bytes, limits);
  const found = findMeta(raw);
  if (!found) throw new XlsxError("notTaizhang");
  if (!isLayoutSupported(found.meta)) {
    throw new XlsxError("layoutUnsupported", { version: found.meta.layoutVersion });
  }
  return { meta: found.meta, raw };
}

/** The raw-cell model of any .xlsx, each sheet's rows parsed when first read. */
export function rawWorkbook(bytes: Uint8Array, limits: InputLimits = DEFAULT_LIMITS): RawWorkbook {
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
  return { sheets, names: rawNames(parts.definedNames, worksheets) };
}
