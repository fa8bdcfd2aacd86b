import type { Finding } from "../findings";
import { cellAddress } from "../layout/layout";
import type { RuleHit } from "./types";

export interface Place {
  sheet: string;
  row?: number;
  /** A1 address for hits without a column (an input cell). */
  cell?: string;
  tableKey?: string;
  itemId?: string;
  /** The table's column positions, for the A1 address of the hit's column. */
  columns?: Readonly<Record<string, number>>;
}

/** A rule hit placed on the sheet: the finding adapters write and the i18n layer words. */
export function place(hit: RuleHit, at: Place): Finding {
  const index = hit.column !== undefined ? at.columns?.[hit.column] : undefined;
  const cell = index !== undefined && at.row !== undefined ? cellAddress(index, at.row) : at.cell;
  const finding: Finding = { code: hit.code, severity: hit.severity, sheet: at.sheet, params: hit.params };
  if (at.row !== undefined) finding.row = at.row;
  if (hit.column !== undefined) finding.column = hit.column;
  if (cell !== undefined) finding.cell = cell;
  if (at.itemId !== undefined) finding.itemId = at.itemId;
  if (at.tableKey !== undefined) finding.tableKey = at.tableKey;
  return finding;
}
