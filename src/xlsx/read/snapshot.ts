import type { WorkbookLayout, WorkbookMeta } from "../../core/layout";
import { type RawWorkbook, readWorkbookSnapshot } from "../../core/read";
import type { WorkbookSnapshot } from "../../core/snapshot";
import type { ExcelJS } from "../exceljs";
import { rawFromWorkbook } from "./raw";

export interface SnapshotRead {
  snapshot: WorkbookSnapshot;
  /** Layout table keys not found anywhere in the workbook. */
  missingTables: string[];
}

/** Reads a loaded workbook into the core's plain model: translated to raw cells, read by core/read. */
export function readSnapshot(
  workbook: ExcelJS.Workbook,
  layout: WorkbookLayout,
  meta: WorkbookMeta,
  raw: RawWorkbook = rawFromWorkbook(workbook),
): SnapshotRead {
  const { snapshot } = readWorkbookSnapshot(raw, layout, meta);
  return {
    snapshot,
    missingTables: layout.tables.filter((t) => !snapshot.tables[t.key]).map((t) => t.key),
  };
}
