import type { XlValue } from "../excel/api";
import { FormulaError, parseFormula, serialFromYmd, type CellValue } from "../formula";
import { columnLetters } from "../formula/address";
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
  return (request: EvaluationRequest): XlValue | undefined => {
    const node = parse(request.formula);
    if (!node) return "#NAME?";
    const host = hostFor(model(), request, parse);
    return toXl(
      cellResult(node, {
        host,
        sheet: request.sheet,
        row: request.row,
        col: request.column,
        arrayMode: false,
      }),
    );
  };
}

function hostFor(
  model: WorkbookModel,
  request: EvaluationRequest,
  parse: (formula: string) => Node | null,
): EvalHost {
  return {
    cellValue: (sheet, row, col) => fromXl(request.valueAt(canonical(model, sheet) ?? sheet, row, col)),
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

const canonical = (model: WorkbookModel, sheet: string): string | undefined =>
  model.sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase())?.name;

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
