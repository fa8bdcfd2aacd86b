import type { WorkbookLayout } from "../layout/layout";
import { strToU8 } from "fflate";
import { sha256Hex } from "../pack/sha256";
import type { WorkbookFormulas } from "./types";

/** A data row and first column every stamp compiles at: only the formulas' shape matters. */
const STAMP_POSITION = { row: 2, firstColumn: 0 } as const;

/**
 * A fingerprint of the formulas a workbook carries: every helper's place and every formula's text,
 * compiled for the pack's own layout (so a renamed sheet, which Excel follows in formulas, changes
 * nothing). A workbook records it when its formulas are written; a later version of Taizhang whose
 * compile gives another stamp writes no formulas beside the old ones (they would read helpers at
 * other columns) until an upgrade rewrites them all.
 */
export function formulasStamp(formulas: WorkbookFormulas, layout: WorkbookLayout): string {
  const lines: string[] = [];
  for (const table of layout.tables) {
    const tf = formulas.tables.get(table.key);
    if (!tf) continue;
    lines.push(`table ${table.key} ${tf.helperOffsets.join(",")}`);
    if (tf.scoreOffsets) lines.push(`score ${tf.scoreOffsets.applicable},${tf.scoreOffsets.earned}`);
    const itemIds = table.rows.length > 0 ? table.rows.map((r) => r.itemId) : [undefined];
    for (const itemId of itemIds) {
      const position = itemId === undefined ? STAMP_POSITION : { ...STAMP_POSITION, itemId };
      for (const f of tf.rowFormulas(position)) lines.push(`${itemId ?? ""} ${f.offset} ${f.formula}`);
    }
  }
  for (const c of formulas.cells)
    lines.push(`cell ${c.sheet} ${c.row} ${c.column} ${c.helper ? 1 : 0} ${c.formula}`);
  return sha256Hex(strToU8(lines.join("\n")));
}
