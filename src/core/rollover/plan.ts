import type { WorkbookLayout } from "../layout/layout";
import type { Pack } from "../pack/schema";
import { INFO_INPUTS, type CellValue, type WorkbookSnapshot } from "../snapshot";
import { addYearsIso, isBlank, parseDate } from "../values";
import { ledgerVerdict } from "./ledgerRules";
import type { ArchivedRow, CarriedRow, Cells, RolloverHint, RolloverPlan } from "./types";

/** Checklist cells that carry into the new year; every other entry is reset (and archived). */
const CHECKLIST_CARRIED = ["id", "owner"] as const;
/** Checklist cells shown as last year's hint beside the reset 状态. */
const HINT_COLUMNS = ["status", "doneDate", "evidence", "note"] as const;

/**
 * The next 评估年度 from this year's workbook, as data: which records stay live, which go to the
 * 历年 archive (and why), and last year's entries as hints. Nothing is dropped: every non-blank
 * row and input of the snapshot is live or archived.
 */
export function planRollover(
  pack: Pack,
  layout: WorkbookLayout,
  snapshot: WorkbookSnapshot,
  fromYear: number,
  toYear: number,
): RolloverPlan {
  const years = { fromYear, toYear };
  const live: Record<string, CarriedRow[]> = {};
  const archive: ArchivedRow[] = [];
  const hints: RolloverHint[] = [];
  const ledgers = new Map(pack.ledgers.map((l) => [l.id, l]));

  for (const table of layout.tables) {
    const read = snapshot.tables[table.key];
    if (!read) continue;
    const carried: CarriedRow[] = [];
    for (const row of read.rows) {
      if (Object.values(row.cells).every((v) => isBlank(v))) continue;
      const archived = (reason: ArchivedRow["reason"], cells: Cells = row.cells): void =>
        void archive.push({ table: table.key, sheet: read.sheet, fromRow: row.row, cells, reason });
      if (table.kind === "veto") {
        // Veto events keep their dates live, so the window (e.g. two years) still sees them.
        carried.push({ fromRow: row.row, cells: row.cells, reason: "rollover.veto" });
      } else if (table.kind === "ledger") {
        const ledger = ledgers.get(table.key.slice("ledger:".length));
        const verdict = ledger ? ledgerVerdict(row.cells, ledger, years) : null;
        if (verdict?.carry) carried.push({ fromRow: row.row, cells: row.cells, reason: verdict.reason });
        else archived(verdict?.reason ?? "rollover.pastYear");
      } else {
        const itemId = String(row.cells["id"] ?? "");
        const keep = pick(row.cells, CHECKLIST_CARRIED);
        if (itemId) carried.push({ fromRow: row.row, cells: keep, reason: "rollover.entryReset" });
        const last = pick(row.cells, HINT_COLUMNS);
        if (Object.keys(last).length > 0) {
          archived("rollover.entryReset");
          if (itemId) hints.push({ table: table.key, itemId, last });
        }
      }
    }
    live[table.key] = carried;
  }

  const inputs: Record<string, CellValue> = {};
  for (const [id, input] of Object.entries(snapshot.inputs)) {
    if (isBlank(input.value)) continue;
    if (id === INFO_INPUTS.township) inputs[id] = input.value;
    else if (id === INFO_INPUTS.assessmentYear) continue;
    else if (id === INFO_INPUTS.assessmentDate) {
      const date = parseDate(input.value);
      if (date.ok) inputs[id] = addYearsIso(date.value, toYear - fromYear);
      archive.push(inputArchive(id, input.value, input.sheet));
    } else archive.push(inputArchive(id, input.value, input.sheet));
  }
  inputs[INFO_INPUTS.assessmentYear] = toYear;
  return { fromYear, toYear, inputs, live, archive, hints };
}

function inputArchive(id: string, value: CellValue, sheet: string): ArchivedRow {
  return { table: "info", sheet, fromRow: 0, cells: { input: id, value }, reason: "rollover.inputReset" };
}

function pick(cells: Cells, ids: readonly string[]): Cells {
  return Object.fromEntries(ids.filter((id) => !isBlank(cells[id])).map((id) => [id, cells[id] ?? null]));
}
