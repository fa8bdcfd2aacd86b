import type { RawName, RawTable, SheetVisibility } from "../core/read";
import { columnNumber, parseRange } from "../xlsx/read/sheetAccess";
import { parsePart } from "./xml";
import type { XlsxPackage } from "./zip";

/** One `<sheet>` of workbook.xml with where its part is. */
export interface SheetEntry {
  id: string;
  name: string;
  visibility: SheetVisibility;
  /** The worksheet part, e.g. xl/worksheets/sheet1.xml; "" when the relationship is missing. */
  part: string;
}

/** What workbook.xml and its relationships say: enough to find every part the reader needs. */
export interface WorkbookParts {
  sheets: SheetEntry[];
  /** Single-cell names as a cell reference per name, e.g. '基本信息'!$B$3. */
  definedNames: Map<string, string>;
  date1904: boolean;
  sharedStrings?: string;
  styles?: string;
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

export function readWorkbookParts(pkg: XlsxPackage): WorkbookParts {
  const rels = relationships(pkg, "xl/_rels/workbook.xml.rels", "xl");
  const sheets: SheetEntry[] = [];
  const definedNames = new Map<string, string>();
  let date1904 = false;
  let name: string | null = null;
  let text = "";
  parsePart(pkg, "xl/workbook.xml", {
    open(local, a) {
      if (local === "sheet") {
        const relId = Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1] ?? "";
        sheets.push({
          id: a.sheetId ?? String(sheets.length + 1),
          name: a.name ?? "",
          visibility: a.state === "veryHidden" ? "VeryHidden" : a.state === "hidden" ? "Hidden" : "Visible",
          part: rels.get(relId)?.target ?? "",
        });
      } else if (local === "workbookPr") date1904 = a.date1904 === "1";
      else if (local === "definedName") {
        // Print areas and titles become page setup in ExcelJS, not names; the rest are names,
        // a sheet-local one like a global one, the last of a name standing (as ExcelJS keeps them).
        name = a.name === "_xlnm.Print_Area" || a.name === "_xlnm.Print_Titles" ? null : (a.name ?? null);
        text = "";
      }
    },
    text(t) {
      if (name !== null) text += t;
    },
    close(local) {
      if (local === "definedName" && name !== null) {
        definedNames.set(name, text.trim());
        name = null;
      }
    },
  });
  const byType = (type: string) => [...rels.values()].find((r) => r.type === `${REL}${type}`)?.target;
  const sharedStrings =
    byType("sharedStrings") ?? (pkg.has("xl/sharedStrings.xml") ? "xl/sharedStrings.xml" : undefined);
  const styles = byType("styles") ?? (pkg.has("xl/styles.xml") ? "xl/styles.xml" : undefined);
  return {
    sheets,
    definedNames,
    date1904,
    ...(sharedStrings && pkg.has(sharedStrings) ? { sharedStrings } : {}),
    ...(styles && pkg.has(styles) ? { styles } : {}),
  };
}

/** A part's relationships by id, targets resolved to package paths. */
export function relationships(
  pkg: XlsxPackage,
  relsPart: string,
  baseDir: string,
): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  if (!pkg.has(relsPart)) return out;
  parsePart(pkg, relsPart, {
    open(local, a) {
      if (local !== "Relationship" || !a.Id || !a.Target || a.TargetMode === "External") return;
      out.set(a.Id, { type: a.Type ?? "", target: resolvePart(baseDir, a.Target) });
    },
  });
  return out;
}

/** The Excel tables of a worksheet part, from its relationships and the table parts. */
export function sheetTables(pkg: XlsxPackage, part: string): RawTable[] {
  const slash = part.lastIndexOf("/");
  const dir = part.slice(0, slash);
  const rels = relationships(pkg, `${dir}/_rels/${part.slice(slash + 1)}.rels`, dir);
  const byName = new Map<string, RawTable>();
  for (const rel of rels.values()) {
    if (rel.type !== `${REL}table` || !pkg.has(rel.target)) continue;
    parsePart(pkg, rel.target, {
      open(local, a) {
        if (local !== "table") return;
        const table = tableOf(a.name ?? "", a.ref ?? "");
        // ExcelJS keys a sheet's tables by name: a second table of the same name replaces the first.
        if (table) byName.set(table.name, table);
        return false;
      },
    });
  }
  return [...byName.values()];
}

function tableOf(name: string, ref: string): RawTable | null {
  const range = parseRange(ref);
  if (!range) return null;
  const right = /:\$?([A-Z]+)/i.exec(ref)?.[1];
  return {
    id: `xlsx:${name}`,
    name,
    top: range.top - 1,
    left: range.left - 1,
    bottom: range.bottom - 1,
    right: (right ? columnNumber(right) : range.left) - 1,
  };
}

/** Defined names that point at one cell of a sheet, as the core reads them (cf. xlsx/read/raw.ts). */
export function rawNames(
  definedNames: ReadonlyMap<string, string>,
  sheets: readonly SheetEntry[],
): RawName[] {
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const out: RawName[] = [];
  for (const [name, ref] of definedNames) {
    const match = /^'?(.+?)'?!\$([A-Z]+)\$(\d+)$/.exec(ref);
    const sheet = match ? byName.get((match[1] ?? "").replace(/''/g, "'")) : undefined;
    if (!match || !sheet) continue;
    out.push({
      name,
      sheetId: sheet.id,
      row: Number(match[3]) - 1,
      column: columnNumber(match[2] ?? "A") - 1,
    });
  }
  return out;
}

/** "xl/worksheets" + "../tables/table1.xml" → "xl/tables/table1.xml"; "/xl/…" is from the root. */
function resolvePart(dir: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = dir === "" ? [] : dir.split("/");
  for (const step of target.split("/")) {
    if (step === "..") parts.pop();
    else if (step !== "." && step !== "") parts.push(step);
  }
  return parts.join("/");
}
