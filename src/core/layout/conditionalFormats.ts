import { INFO_INPUTS } from "../snapshot";
import { type ColumnLayout, STATUS, YES } from "./columns";
import { COLORS } from "./format";
import { columnLetter } from "./layout";
import type { TablePlacement } from "./placement";
import { CHECK_MARKS } from "./resultSheets";

/** A conditional fill on a block of a table, in a host-neutral form. */
export interface ConditionalFormatSpec {
  /** 0-based columns and 1-based rows of the block it colours. */
  firstColumn: number;
  lastColumn: number;
  firstRow: number;
  lastRow: number;
  /** Formula for the block's top-left cell, without the leading "=". */
  formula: string;
  fill: string;
}

interface Rule {
  /** Column ids the fill covers: one column, or "*" for the whole row. */
  on: string;
  /** `{id}` stands for that column's cell in the rule's first row, column absolute. */
  formula: string;
  fill: string;
}

const ASSESSMENT_DATE = `TZ_${INFO_INPUTS.assessmentDate}`;

const startsWith = (mark: string): string => `LEFT({check},1)="${mark}"`;

const dateInFuture = (id: string): Rule => ({
  on: id,
  formula: `AND(ISNUMBER({${id}}),ISNUMBER(${ASSESSMENT_DATE}),{${id}}>${ASSESSMENT_DATE})`,
  fill: COLORS.bad,
});

/**
 * The colours that show at a glance what is done, missing or wrong, in Excel, WPS and LibreOffice
 * without the add-in. Highest priority first: the 校验 cell and single cells, then the row tint.
 * The 校验 cell is coloured only for problems (✗ / !), never for ✓.
 */
function rulesFor(placement: TablePlacement): Rule[] {
  const { table } = placement;
  const rules: Rule[] = [
    { on: "check", formula: startsWith(CHECK_MARKS.error), fill: COLORS.error },
    { on: "check", formula: startsWith(CHECK_MARKS.warning), fill: COLORS.warning },
  ];
  if (table.kind === "checklist") {
    rules.push(
      { on: "status", formula: `{status}="${STATUS.done}"`, fill: COLORS.good },
      { on: "status", formula: `{status}="${STATUS.partial}"`, fill: COLORS.partial },
      { on: "status", formula: `{status}="${STATUS.notStarted}"`, fill: COLORS.bad },
      { on: "status", formula: `{status}="${STATUS.notApplicable}"`, fill: COLORS.muted },
      {
        on: "evidence",
        formula: `AND({status}="${STATUS.done}",LEN(TRIM({evidence}))=0)`,
        fill: COLORS.bad,
      },
      dateInFuture("doneDate"),
    );
  } else if (table.kind === "veto") {
    rules.push({ on: "occurred", formula: `{occurred}="${YES}"`, fill: COLORS.bad });
  } else {
    for (const column of table.columns) if (column.type === "date") rules.push(dateInFuture(column.id));
  }
  rules.push(
    { on: "*", formula: startsWith(CHECK_MARKS.error), fill: COLORS.failingRow },
    { on: "*", formula: startsWith(CHECK_MARKS.warning), fill: COLORS.warningRow },
  );
  return rules;
}

/** The conditional formats of a new table placed at column A, highest priority first. */
export function tableConditionalFormats(placement: TablePlacement): ConditionalFormatSpec[] {
  const { columns } = placement.table;
  const out: ConditionalFormatSpec[] = [];
  for (const rule of rulesFor(placement)) {
    const on = rule.on === "*" ? 0 : indexOf(columns, rule.on);
    if (on < 0) continue;
    const refs = [...rule.formula.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "");
    if (refs.some((id) => indexOf(columns, id) < 0)) continue;
    const formula = rule.formula.replace(
      /\{(\w+)\}/g,
      (_whole, id: string) => `$${columnLetter(indexOf(columns, id))}${placement.firstDataRow}`,
    );
    out.push({
      firstColumn: on,
      lastColumn: rule.on === "*" ? columns.length - 1 : on,
      firstRow: placement.firstDataRow,
      lastRow: placement.lastFormattedRow,
      formula,
      fill: rule.fill,
    });
  }
  return out;
}

const indexOf = (columns: readonly ColumnLayout[], id: string): number =>
  columns.findIndex((c) => c.id === id);
