import type { RawWorkbook } from "../../read/raw";
import { loadPack } from "../load";
import type { Pack } from "../schema";
import { isPackTable, readPackTable } from "./fromTable";
import { readPlainTable, type PlainTableOptions } from "./plain";
import type { TableProblem, TableProblemCode } from "./problems";

export { packToTable } from "./toTable";
export {
  layoutSheet,
  type PackTableSpec,
  type SheetLayout,
  type TableBlockSpec,
  type TableColumnSpec,
  type TableSheetSpec,
} from "./spec";
export { TABLE_PROBLEM_PARAMS, type TablePlace, type TableProblem, type TableProblemCode } from "./problems";
export { DEFAULT_BANDS, packIdFrom, type PlainTableOptions } from "./plain";
export { isPackTable } from "./fromTable";
export { TABLE_SHEETS } from "./vocabulary";

const FATAL: ReadonlySet<TableProblemCode> = new Set(["no_header", "sheet_missing", "header_missing"]);

export type PackTableResult =
  { ok: true; pack: Pack; format: "pack" | "plain" } | { ok: false; problems: TableProblem[] };

/**
 * A workbook's cells → a pack validated by the pack loader: a 细则 workbook (考核项目 · 台账 · 设置,
 * as `pack export` writes it) or a plain 考核细则 table on the first sheet (its items become status
 * items). Every problem at once, each at its sheet, row and column.
 */
export function packFromTable(raw: RawWorkbook, options: PlainTableOptions): PackTableResult {
  const format = isPackTable(raw) ? "pack" : "plain";
  const read = format === "pack" ? readPackTable(raw) : readPlainTable(raw, options);
  const problems = [...read.problems];
  // Without its sheets or header rows there is no pack to judge: the loader would only echo that.
  const fatal = problems.some((p) => p.kind === "table" && FATAL.has(p.code));
  const loaded = fatal ? null : loadPack(read.data);
  if (loaded && !loaded.ok) {
    const fallback = { sheet: raw.sheets[0]?.name ?? "", row: null, column: null };
    for (const p of loaded.problems) {
      if (read.places.isMuted(p.path)) continue;
      const first =
        typeof p.params["first"] === "string" ? read.places.find(parsePath(p.params["first"])) : null;
      problems.push({
        ...(read.places.find(p.path) ?? fallback),
        ...(first ? { firstPlace: first } : {}),
        kind: "pack",
        code: p.code,
        params: p.params,
      });
    }
  }
  if (problems.length > 0 || !loaded?.ok) {
    const order = raw.sheets.map((s) => s.name);
    problems.sort(
      (a, b) =>
        order.indexOf(a.sheet) - order.indexOf(b.sheet) ||
        (a.row ?? 0) - (b.row ?? 0) ||
        (a.column ?? "").localeCompare(b.column ?? ""),
    );
    return { ok: false, problems };
  }
  return { ok: true, pack: loaded.pack, format };
}

/** `groups[0].items[1].id` (as the loader names a place) back to its path. */
function parsePath(text: string): (string | number)[] {
  return [...text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) =>
    m[2] !== undefined ? Number(m[2]) : (m[1] ?? ""),
  );
}
