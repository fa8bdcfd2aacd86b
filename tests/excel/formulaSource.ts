import type { TableFormulas, WorkbookFormulas } from "../../src/core/formulas/types";
import type { WorkbookLayout } from "../../src/core/layout";
import { columnLetter } from "../../src/core/layout/layout";
import type { Pack } from "../../src/core/pack/schema";

/**
 * A small hand-written stand-in for the core's formula compiler (same interface): each row's
 * 校验 is `=IF(LEN(TRIM(<状态 or first column>))=0,"","✓")` and one hidden helper right of the
 * table holds `=LEN(<same cell>)`. Its shapes are the ones tests/excel/formulaEval.ts computes.
 */
export function testFormulas(_pack: Pack, layout: WorkbookLayout): WorkbookFormulas {
  const tables = new Map<string, TableFormulas>();
  for (const table of layout.tables) {
    const check = table.columns.findIndex((c) => c.id === "check");
    if (check < 0) continue;
    const status = Math.max(
      0,
      table.columns.findIndex((c) => c.id === "status"),
    );
    const helper = table.columns.length;
    tables.set(table.key, {
      tableKey: table.key,
      helperOffsets: [helper],
      rowFormulas: ({ row, firstColumn }) => {
        const cell = `${columnLetter(firstColumn + status)}${row + 1}`;
        return [
          { offset: check, formula: `=IF(LEN(TRIM(${cell}))=0,"","✓")` },
          { offset: helper, formula: `=LEN(${cell})` },
        ];
      },
    });
  }
  return { tables, cells: [], without: [] };
}
