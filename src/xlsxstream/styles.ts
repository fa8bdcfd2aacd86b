import { parsePart } from "./xml";
import type { XlsxPackage } from "./zip";

/** Built-in number formats that are dates or times (ExcelJS's table, ids 14–22 and 45–47). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/**
 * ExcelJS's test for a date format (utils.isDateFmt): any of y m d h M s b outside quotes and
 * brackets. The raw-cell model keeps serials either way, but a date cell goes through ExcelJS's
 * Date and back, rounded to 1e-6 of a day; this reader rounds the same cells the same way.
 */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}

/** For each cell style index (`s` of a cell): true when its number format is a date format. */
export function readDateStyles(pkg: XlsxPackage, part: string | undefined): boolean[] {
  const out: boolean[] = [];
  if (!part) return out;
  const custom = new Map<number, string>();
  let inXfs = false;
  parsePart(pkg, part, {
    open(local, a) {
      if (local === "numFmt" && a.numFmtId !== undefined) custom.set(Number(a.numFmtId), a.formatCode ?? "");
      else if (local === "cellXfs") inXfs = true;
      else if (local === "xf" && inXfs) {
        const id = Number(a.numFmtId ?? 0);
        // ExcelJS skips numFmtId 0 (General) and falls back to its built-in table.
        const code = id ? custom.get(id) : undefined;
        out.push(id ? (code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id)) : false);
      }
    },
    // Nothing after cellXfs (cell styles, dxfs, colours) matters here.
    close: (local) => local !== "cellXfs",
  });
  return out;
}
