import { columnLetter, STATUS, YES, type ColumnLayout } from "../../core/layout";
import type { ExcelJS } from "../exceljs";
import { COLORS, cfFill } from "./styles";
import type { TablePlacement } from "./placement";

interface Rule {
  /** Column id the format is shown on. */
  on: string;
  /** Excel formula for the first data row; `{col}` is replaced by a column's absolute letter. */
  formula: string;
  color: string;
}

const dateInFuture = (id: string): Rule => ({
  on: id,
  formula: `AND(ISNUMBER({${id}}),ISNUMBER(TZ_assessmentDate),{${id}}>TZ_assessmentDate)`,
  color: COLORS.bad,
});

/** Colours that show at a glance what is done, missing or wrong, without the add-in. */
export function addConditionalFormats(worksheet: ExcelJS.Worksheet, placement: TablePlacement): void {
  const { table } = placement;
  const rules: Rule[] = [{ on: "check", formula: "LEN({check})>0", color: COLORS.bad }];
  if (table.kind === "checklist") {
    rules.push(
      { on: "status", formula: `{status}="${STATUS.done}"`, color: COLORS.good },
      { on: "status", formula: `{status}="${STATUS.partial}"`, color: COLORS.partial },
      { on: "status", formula: `{status}="${STATUS.notStarted}"`, color: COLORS.bad },
      { on: "status", formula: `{status}="${STATUS.notApplicable}"`, color: COLORS.muted },
      {
        on: "evidence",
        formula: `AND({status}="${STATUS.done}",LEN(TRIM({evidence}))=0)`,
        color: COLORS.bad,
      },
      dateInFuture("doneDate"),
    );
  } else if (table.kind === "veto") {
    rules.push({ on: "occurred", formula: `{occurred}="${YES}"`, color: COLORS.bad });
  } else {
    for (const column of table.columns) if (column.type === "date") rules.push(dateInFuture(column.id));
  }

  let priority = 1;
  for (const rule of rules) {
    const on = indexOf(table.columns, rule.on);
    if (on < 0) continue;
    const formula = rule.formula.replace(/\{(\w+)\}/g, (_whole, id: string) => {
      const index = indexOf(table.columns, id);
      return `$${columnLetter(Math.max(index, 0))}${placement.firstDataRow}`;
    });
    const letter = columnLetter(on);
    worksheet.addConditionalFormatting({
      ref: `${letter}${placement.firstDataRow}:${letter}${placement.lastFormattedRow}`,
      rules: [{ type: "expression", priority: priority++, formulae: [formula], style: cfFill(rule.color) }],
    });
  }
}

const indexOf = (columns: readonly ColumnLayout[], id: string): number =>
  columns.findIndex((c) => c.id === id);
