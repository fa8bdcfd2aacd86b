import type { XlValue } from "../excel/api";
import { FormulaError, parseFormula, serialFromYmd, type CellValue } from "../formula";
import { columnIndex, columnLetters } from "../formula/address";
import { errorFromCode } from "../formula/values";
import type { Node } from "../formula/ast";
import { cellResult } from "../formula/evaluate";
import type { EvalHost } from "../formula/types";
import type { EvaluationRequest, FakeExcel, FormulaEvaluator, WorkbookModel } from "../sim";

/**
 * The preview shows what Excel would: its formula cells (校验, helpers, 自评结果) are computed by
 * the JS formula engine (src/formula), the one the differential tests hold to LibreOffice and the
 * core. The simulator asks for a cell's value when it is read; formulas reading other formula cells
 * ask back through `valueAt`, so dependency order comes for free.
 */
export function engineEvaluator(model: () => WorkbookModel): FormulaEvaluator {
  const parsed = new Map<string, Node | null>();
  const parse = (formula: string): Node | null => {
    let node = parsed.get(formula);
    if (node === undefined) {
      try {
        node = parseFormula(formula);
      } catch {
        node = null;
      }
      parsed.set(formula, node);
    }
    return node;
  };
  // A filled-down column holds one formula moved row by row (the file's shared formulas, slid by
  // ExcelJS): parsed once, at the first cell met, and evaluated elsewhere with its references moved.
  const shapes = new Map<string, { node: Node | null; row: number; col: number }>();
  // Each cell's formula is shaped once (until its text changes): the pattern costs more than a lookup.
  const byCell = new Map<
    string,
    { formula: string; shape: { node: Node | null; row: number; col: number } }
  >();
  return (request: EvaluationRequest): XlValue | undefined => {
    const at = `${request.sheet}\u0000${request.row}\u0000${request.column}`;
    let shape = byCell.get(at)?.formula === request.formula ? byCell.get(at)?.shape : undefined;
    if (!shape) {
      const key = shapeOf(request.formula, request.row, request.column);
      shape = shapes.get(key);
      if (!shape) {
        shape = { node: parse(request.formula), row: request.row, col: request.column };
        shapes.set(key, shape);
      }
      byCell.set(at, { formula: request.formula, shape });
    }
    const { node } = shape;
    if (!node) return "#NAME?";
    const dRow = request.row - shape.row;
    const dCol = request.column - shape.col;
    const host = hostFor(model(), request, parse);
    return toXl(
      cellResult(node, {
        host,
        sheet: request.sheet,
        row: request.row,
        col: request.column,
        arrayMode: false,
        shift: dRow === 0 && dCol === 0 ? undefined : { dRow, dCol },
      }),
    );
  };
}

// A1 references as formulaRefs.ts finds them: an optional sheet prefix, then $A$1 style.
const REF =
  /(?<![A-Za-z0-9_.\u4e00-\u9fff$])((?:'(?:[^']|'')+'|[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*)!)?(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![\w(])/g;

/**
 * A formula's text with each relative row and column written as its distance from the cell (R1C1
 * style): two cells with the same shape hold the same formula moved. Text in quotes is left alone;
 * a reference the pattern misses stays as written, which only makes shapes differ.
 */
export function shapeOf(formula: string, row: number, col: number): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            REF,
            (_whole, prefix: string | undefined, d1: string, letters: string, d2: string, digits: string) => {
              const c = d1 ? letters : `C[${columnIndex(letters) - col}]`;
              const r = d2 ? digits : `R[${Number(digits) - 1 - row}]`;
              return `${prefix ?? ""}${d1}${c}${d2}${r}`;
            },
          ),
    )
    .join("");
}

function hostFor(
  model: WorkbookModel,
  request: EvaluationRequest,
  parse: (formula: string) => Node | null,
): EvalHost {
  return {
    cellValue: (sheet, row, col) => {
      const name = canonical(model, sheet) ?? sheet;
      const value = request.valueAt(name, row, col);
      return value === "" && request.holdsFormula(name, row, col) ? "" : fromXl(value);
    },
    hasSheet: (sheet) => canonical(model, sheet) !== undefined,
    definedName: (name) => {
      const found = model.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
      if (!found) return undefined;
      const { box } = found;
      const quoted = `'${found.sheet.name.replace(/'/g, "''")}'`;
      const corner = (r: number, c: number) => `$${columnLetters(c)}$${r + 1}`;
      const ref =
        box.r0 === box.r1 && box.c0 === box.c1
          ? corner(box.r0, box.c0)
          : `${corner(box.r0, box.c0)}:${corner(box.r1, box.c1)}`;
      return parse(`${quoted}!${ref}`) ?? undefined;
    },
    today: () => {
      const now = new Date();
      return serialFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate()) ?? 0;
    },
  };
}

/** Sheet names by lower case, rebuilt when the workbook changes (formulas ask per cell read). */
const sheetNames = new WeakMap<WorkbookModel, { revision: number; byLower: Map<string, string> }>();
function canonical(model: WorkbookModel, sheet: string): string | undefined {
  let known = sheetNames.get(model);
  if (!known || known.revision !== model.revision) {
    known = {
      revision: model.revision,
      byLower: new Map(model.sheets.map((s) => [s.name.toLowerCase(), s.name])),
    };
    sheetNames.set(model, known);
  }
  return known.byLower.get(sheet) ?? known.byLower.get(sheet.toLowerCase());
}

/** Office.js shows an empty cell as "" and an error as its text; the engine wants null and errors. */
function fromXl(value: XlValue): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "string") return errorFromCode(value) ?? value;
  return value;
}

function toXl(value: CellValue): XlValue {
  if (value === null) return 0; // a formula pointing at an empty cell shows 0, as in Excel
  if (value instanceof FormulaError) return value.code;
  return value as XlValue;
}

/** The preview's Excel computes its formula cells with the engine. */
export function withFormulaEngine(excel: FakeExcel): FakeExcel {
  excel.model.evaluator = engineEvaluator(() => excel.model);
  return excel;
}
