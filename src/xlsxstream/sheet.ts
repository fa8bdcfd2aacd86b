import type { CellValue } from "../core/snapshot";
import { rawCellValue } from "../xlsx/cellValue";
import { parseRange, columnNumber } from "../xlsx/read/sheetAccess";
import { parsePart } from "./xml";
import type { XlsxPackage } from "./zip";

export interface SheetContext {
  sharedStrings: readonly string[];
  /** By cell style index: a date number format. */
  dateStyles: readonly boolean[];
  date1904: boolean;
}

/** Worksheet elements that follow sheetData and mergeCells (ECMA-376 order): reading stops at one. */
const AFTER_MERGES = new Set([
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "ignoredErrors",
  "drawing",
  "legacyDrawing",
  "picture",
  "oleObjects",
  "controls",
  "tableParts",
  "extLst",
]);

/** ExcelJS's Date for a serial (utils.excelToDate), so date cells round as on the ExcelJS path. */
function excelDate(value: unknown, date1904: boolean): Date {
  return new Date(Math.round((Number(value) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** ExcelJS's extra decoding of `t="str"` text (utils.xmlDecode), applied after the XML parser's. */
function xmlDecode(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case "&lt;":
        return "<";
      case "&gt;":
        return ">";
      case "&amp;":
        return "&";
      case "&apos;":
        return "'";
      case "&quot;":
        return '"';
      default:
        return c;
    }
  });
}

/**
 * A cell that reads as empty, dropped before the XML parser (counted): one that only carries a
 * style, as Taizhang's templates have by the thousand (1,000 pre-formatted rows per ledger), or a
 * formula with no cached result — the ledgers' helper and 校验 columns, thousands per workbook,
 * whose formula text (entity-laden) was most of what the parser still had to read (issue 14). A
 * formula cell without a value is null whatever its formula (see cellValue). Formula text with
 * other entities or markup is left to the parser, so malformed XML is still refused.
 */
const EMPTY_CELL =
  /<c r="[A-Z]{1,3}\d+"(?: s="\d+")?(?: t="\w+")?\s*(?:\/>|><f(?:\s[^<>]*)?(?:\/>|>(?:[^<&]|&(?:quot|amp|lt|gt|apos);)*<\/f>)<\/c>)/g;

/**
 * A run of rows left with no cells (the templates' 1,000 pre-formatted ledger rows once their cells
 * are dropped), as one bare row: the reader takes only `r` of a row, and a row without cells adds
 * nothing, so only the last one's number matters (to a following row that has none).
 */
const EMPTY_ROWS = /(?:<row r="(\d+)"[^<>]*(?:\/>|><\/row>))+/g;

/** Drops empty cells (and runs of rows they leave empty) from the text as it comes, keeping an element cut between pieces whole. */
function emptyCellFilter(pkg: XlsxPackage): (text: string, final: boolean) => string {
  let carry = "";
  return (text, final) => {
    let whole = carry + text;
    carry = "";
    if (!final) {
      const cut = whole.lastIndexOf("<");
      if (cut >= 0) {
        carry = whole.slice(cut);
        whole = whole.slice(0, cut);
      }
    }
    let dropped = 0;
    const kept = whole
      .replace(EMPTY_CELL, () => {
        dropped += 1;
        return "";
      })
      .replace(EMPTY_ROWS, (run: string, last: string) => {
        dropped += run.split("<row ").length - 2;
        return `<row r="${last}"/>`;
      });
    if (dropped > 0) pkg.countCells(dropped);
    return kept;
  };
}

interface CellState {
  column: number;
  type: string;
  style: number;
  formula: boolean;
  value: string | undefined;
  runs: string[] | null;
}

/**
 * One worksheet's cells as the raw-cell model has them (see xlsx/read/raw.ts for the ExcelJS
 * translation this matches value for value): formulas give their cached result, shared strings and
 * inline strings their text, date-formatted numbers their serial, merged cells' followers nothing.
 * Styles, validations, formats and drawings after the cells are never parsed.
 */
export function readSheetRows(pkg: XlsxPackage, part: string, ctx: SheetContext): CellValue[][] {
  const rows: CellValue[][] = [];
  const merges: string[] = [];
  let row: CellValue[] = [];
  let rowIndex = -1;
  let lastColumn = -1;
  let cell: CellState | null = null;
  // Where text goes: v and t of the cell, f (only whether it is empty matters), nothing.
  let target: "v" | "f" | null = null;
  let phonetic = 0;
  let afterData = false;

  const finishCell = (c: CellState): void => {
    const value = cellValue(c, ctx);
    if (value === null) return;
    while (row.length < c.column) row.push(null);
    row[c.column] = value;
  };

  parsePart(
    pkg,
    part,
    {
      open(name, a, selfClosing) {
        switch (name) {
          case "row": {
            pkg.countCells(1);
            rowIndex = a.r ? Number(a.r) - 1 : rowIndex + 1;
            lastColumn = -1;
            row = rows[rowIndex] ?? [];
            rows[rowIndex] = row;
            return;
          }
          case "c": {
            pkg.countCells(1);
            const ref = a.r ? /^\$?([A-Z]+)/i.exec(a.r)?.[1] : undefined;
            lastColumn = ref ? columnNumber(ref) - 1 : lastColumn + 1;
            cell = {
              column: lastColumn,
              type: a.t ?? "n",
              style: a.s ? parseInt(a.s, 10) : -1,
              formula: false,
              value: undefined,
              runs: null,
            };
            if (selfClosing) {
              cell = null;
            }
            return;
          }
          case "f":
            if (cell && a.t) cell.formula = true;
            target = selfClosing ? null : "f";
            return;
          case "v":
          case "t":
            if (!selfClosing && phonetic === 0) target = "v";
            return;
          case "r":
            if (cell) cell.runs = cell.runs ?? [];
            return;
          case "rPh":
            // saxes closes a self-closing tag too, so every open counts.
            phonetic += 1;
            return;
          case "mergeCell":
            if (a.ref) merges.push(a.ref);
            return;
          default:
            if (afterData && AFTER_MERGES.has(name)) return false;
        }
      },
      text(t) {
        if (!cell || target === null) return;
        if (target === "f") {
          if (t.length > 0) cell.formula = true;
        } else if (cell.runs) cell.runs.push(t);
        else cell.value = (cell.value ?? "") + t;
      },
      close(name) {
        if (name === "v" || name === "t" || name === "f") target = null;
        else if (name === "rPh") phonetic -= 1;
        else if (name === "c" && cell) {
          finishCell(cell);
          cell = null;
        } else if (name === "sheetData") afterData = true;
        else if (name === "mergeCells") return false;
      },
    },
    emptyCellFilter(pkg),
  );

  for (const ref of merges) blankFollowers(rows, ref);
  const out: CellValue[][] = [];
  for (let r = 0; r < rows.length; r++) {
    const values = rows[r] ?? [];
    let end = values.length;
    while (end > 0 && (values[end - 1] ?? null) === null) end--;
    values.length = end;
    for (let c = 0; c < end; c++) if (values[c] === undefined) values[c] = null;
    out.push(values);
  }
  while (out.length > 0 && (out[out.length - 1] as CellValue[]).length === 0) out.pop();
  return out;
}

/** A cell as ExcelJS would model it (cell-xform.js), then translated as xlsx/cellValue.ts does. */
function cellValue(c: CellState, ctx: SheetContext): CellValue {
  const isDate = c.style >= 0 && ctx.dateStyles[c.style] === true;
  const text = c.runs ? c.runs.join("") : c.value;
  if (c.formula) {
    if (!text) return null;
    let result: unknown;
    if (c.type === "str") result = xmlDecode(text);
    else if (c.type === "b") result = parseInt(text, 10) !== 0;
    else if (c.type === "e") result = { error: text };
    else result = parseFloat(text);
    // ExcelJS keeps only truthy formula results (doc/cell.js FormulaValue._copyModel): a cached 0
    // or FALSE reads as blank there, so here too — both reading paths give the same raw cells.
    if (result === 0 || result === false) return null;
    return rawCellValue(
      (isDate ? excelDate(result, ctx.date1904) : result) as Parameters<typeof rawCellValue>[0],
    );
  }
  if (text === undefined) return null;
  switch (c.type) {
    case "s": {
      const shared = ctx.sharedStrings[parseInt(text, 10)];
      return shared === undefined ? null : rawCellValue(shared);
    }
    case "str":
      return rawCellValue(xmlDecode(text));
    case "inlineStr":
      return rawCellValue(text);
    case "b":
      return parseInt(text, 10) !== 0;
    case "e":
      return text;
    default: {
      const n = parseFloat(text);
      return isDate ? rawCellValue(excelDate(n, ctx.date1904)) : n;
    }
  }
}

/** A merged range's cells other than its top-left one read as empty (as Office.js gives them). */
function blankFollowers(rows: CellValue[][], ref: string): void {
  const range = parseRange(ref);
  const right = /:\$?([A-Z]+)/i.exec(ref)?.[1];
  if (!range || !right) return;
  const last = columnNumber(right) - 1;
  for (let r = range.top - 1; r <= range.bottom - 1; r++) {
    const values = rows[r];
    if (!values) continue;
    for (let c = range.left - 1; c <= last && c < values.length; c++) {
      if (r === range.top - 1 && c === range.left - 1) continue;
      values[c] = null;
    }
  }
}
