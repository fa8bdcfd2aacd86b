import type { Node } from "../ast";
import type { EvalContext, Val } from "../types";
import type { CellValue } from "../values";

/**
 * How a function takes its arguments:
 * - scalar: one value per argument (implicit intersection), lifted element-wise in array mode;
 * - eager: evaluated arguments as they are (references stay references);
 * - lazy: the argument nodes, evaluated by the function (IF, IFERROR, CHOOSE).
 */
export type FnDef =
  | { kind: "scalar"; min: number; max: number; call(args: CellValue[], ctx: EvalContext): CellValue }
  | { kind: "eager"; min: number; max: number; arrayArgs?: boolean; call(args: Val[], ctx: EvalContext): Val }
  | {
      kind: "lazy";
      min: number;
      max: number;
      call(args: Node[], ctx: EvalContext, evaluate: (node: Node, ctx: EvalContext) => Val): Val;
    };

export type FnTable = Record<string, FnDef>;
