import type { Finding } from "../findings";
import { cellAddress, type WorkbookLayout } from "../layout/layout";
import type { WorkbookMeta } from "../layout/meta";
import { rawAt, type RawWorkbook } from "./raw";
import type { InputSnapshot, TableSnapshot, WorkbookSnapshot } from "../snapshot";
import { type FoundInput, locateInputs } from "./inputs";
import { type FoundTables, locateTables } from "./locate";
import { readTable } from "./rows";

export interface WorkbookReading {
  snapshot: WorkbookSnapshot;
  found: FoundTables;
  inputs: Map<string, FoundInput>;
  /** Snapshot rows below their spreadsheet table, by table key (1-based sheet rows). */
  outside: Map<string, number[]>;
}

/**
 * Raw cells → the core's WorkbookSnapshot, the same way for every host: tables located, rows
 * chosen by the one row policy, inputs found by name or label. The reading's own findings
 * (rows outside a table, missing columns) travel in the snapshot.
 */
export function readWorkbookSnapshot(
  raw: RawWorkbook,
  layout: WorkbookLayout,
  meta: WorkbookMeta | null,
  idHints?: ReadonlyMap<string, string>,
): WorkbookReading {
  const found = locateTables(raw, layout, meta, idHints);
  const all = [...found.tables.values(), ...found.retired.values()];
  const tables: Record<string, TableSnapshot> = {};
  const outside = new Map<string, number[]>();
  const findings: Finding[] = [];
  for (const table of layout.tables) {
    const hit = found.tables.get(table.key);
    if (!hit) continue;
    const read = readTable(hit, all);
    tables[table.key] = read.snapshot;
    outside.set(table.key, read.outside);
    findings.push(...read.findings);
  }
  const inputs = locateInputs(raw, layout);
  const inputSnapshots: Record<string, InputSnapshot> = {};
  for (const [id, input] of inputs) {
    inputSnapshots[id] = {
      value: rawAt(input.sheet, input.row, input.column),
      sheet: input.sheet.name,
      cell: cellAddress(input.column, input.row + 1),
    };
  }
  return {
    snapshot: {
      packId: meta?.packId ?? layout.packId,
      packVersion: meta?.packVersion ?? layout.packVersion,
      inputs: inputSnapshots,
      tables,
      readFindings: findings,
    },
    found,
    inputs,
    outside,
  };
}
