/**
 * A small spreadsheet formula engine: the functions and operators the workbook's own 校验 and score
 * formulas use, with Excel's semantics. Pure TypeScript, no Node or DOM APIs (the preview loads it
 * as its own chunk). The .xlsx-facing part is `./xlsx`.
 */
export { ERR, FormulaError, isError, type CellValue, type ErrorCode } from "./values";
export { parseFormula } from "./parser";
export { FormulaSyntaxError } from "./tokenizer";
export { FUNCTION_NAMES } from "./functions";
export { serialFromYmd, ymdFromSerial } from "./dates";
export {
  Recalculation,
  recalculate,
  type CellEdit,
  type CellInput,
  type DefinedName,
  type RecalcOptions,
  type RecalcProblem,
  type SheetModel,
  type WorkbookModel,
} from "./workbook";
