/**
 * Items' 应得 / 实得 and 自评结果's figures as native formulas (design.md §5, issue 15). Writers
 * call scoreFormulas with the layout, the placements and where the 校验 helpers end; items whose
 * score cannot be a formula exactly are listed in `coverage` and left to the add-in and the CLI.
 */
export type { DateCells } from "./due";
export type { InputCell, RuleInputs } from "./itemRules";
export * from "./itemScore";
export * from "./results";
export * from "./scoreFormulas";
