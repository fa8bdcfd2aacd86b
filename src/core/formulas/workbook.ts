import { layoutFor, type TableLayout, type WorkbookLayout } from "../layout/layout";
import { placeTables, type TablePlacement } from "../layout/placement";
import type { Item, Ledger, Pack, Rule } from "../pack/schema";
import { isItemLevelRule } from "../pack/rule-kinds";
import { RowBuilder, type CompiledRow, type FormulaColumn } from "./builder";
import { rulePieces, typeChecks, Unsupported, type ShortMessage } from "./ledgerRules";
import { statusRowPieces, vetoRowPieces } from "./statusRows";
import type {
  FixedFormula,
  RowFormula,
  RowPosition,
  TableFormulas,
  WithoutFormula,
  WorkbookFormulas,
} from "./types";
import { infoCells, type InfoCells } from "./infoCells";
import { withScores, type ScoreHelpers } from "./withScores";

/**
 * Every formula a workbook of `pack` carries to check itself. Deterministic: the same pack (and
 * message function) gives the same formulas, so both writers and the differential tests agree.
 * `message` words a finding code with params known at compile time (src/i18n shortFindingMessage).
 */
export function workbookFormulas(
  pack: Pack,
  message: ShortMessage,
  layout: WorkbookLayout = layoutFor(pack),
  placements: readonly TablePlacement[] = placeTables(layout),
): WorkbookFormulas {
  const info = infoCells(layout);
  const cells: FixedFormula[] = [...info.cells];

  const tables = new Map<string, TableFormulas>();
  const without: WithoutFormula[] = [];
  const items = pack.groups.flatMap((g) => g.items);
  // Helpers of every table of a sheet start right of the widest one, so hiding them hides no input.
  const widest = new Map<string, number>();
  // Where the 校验 helpers of each checklist and veto table end, and what the score reads of them.
  const scoreHelpers: ScoreHelpers = {
    firstHelperOffset: new Map(),
    vetoDateOffsets: new Set(),
    rowErrorOffsets: new Map(),
    recordMarks: new Map(),
    ledgerDates: new Map(),
    ledgerTexts: new Map(),
    ledgerYesNo: new Map(),
  };
  for (const table of layout.tables)
    widest.set(table.sheet, Math.max(widest.get(table.sheet) ?? 0, table.columns.length));
  for (const table of layout.tables) {
    const compile = (build: (b: RowBuilder) => void): CompiledRow | Unsupported => {
      const b = builderFor(table, pack, info, (widest.get(table.sheet) ?? 0) + 1);
      try {
        build(b);
      } catch (e) {
        if (e instanceof Unsupported) return e;
        throw e;
      }
      return b.compile(
        table.columns.findIndex((c) => c.id === "check"),
        table.kind === "ledger",
      );
    };
    if (table.kind === "ledger") {
      const ledger = pack.ledgers.find((l) => `ledger:${l.id}` === table.key);
      if (!ledger) continue;
      const compiled = compile((b) => ledgerPieces(b, ledger, items, message));
      if (compiled instanceof Unsupported) {
        without.push({ tableKey: table.key, reason: compiled.message });
        continue;
      }
      for (const column of ledger.columns) {
        const date = compiled.helperOffset(`date:${column.id}`);
        if (date !== undefined) scoreHelpers.ledgerDates.set(`${ledger.id}|${column.id}`, date);
        const text = compiled.helperOffset(`text:${column.id}`);
        if (text !== undefined) scoreHelpers.ledgerTexts.set(`${ledger.id}|${column.id}`, text);
        const answer = compiled.helperOffset(`yesNo:${column.id}`);
        if (answer !== undefined) scoreHelpers.ledgerYesNo?.set(`${ledger.id}|${column.id}`, answer);
      }
      for (const item of items) {
        const mark = compiled.helperOffset(`mark:${item.id}`);
        if (mark !== undefined) scoreHelpers.recordMarks.set(`${ledger.id}|${item.id}`, mark);
      }
      tables.set(table.key, {
        tableKey: table.key,
        helperOffsets: compiled.helperOffsets,
        rowFormulas: (position: RowPosition): readonly RowFormula[] => compiled.render(position),
      });
      continue;
    }
    // Checklist and veto tables: one template per kind of row, chosen by the row's item.
    const byItem = new Map<string, CompiledRow>();
    const textCheck = new Set<string>();
    const templates = new Map<string, CompiledRow>();
    let helperOffsets: readonly number[] = [];
    for (const row of table.rows) {
      const item = items.find((i) => i.id === row.itemId);
      if (!item) continue;
      const why = rowWithoutFormula(item, table.kind);
      if (why) {
        without.push({ tableKey: table.key, itemId: item.id, reason: why });
        // A checklist row whose 校验 stays text still gets the helpers that judge its own cells:
        // its item's score reads them, as text written by Taizhang goes stale where no add-in runs.
        if (table.kind !== "checklist" || !ownChecksOnly(item)) continue;
      }
      const years = table.kind === "veto" ? vetoYears(item, pack) : 0;
      const statusItem = item.kind === "status";
      const key = `${table.kind}|${years}|${String(statusItem)}`;
      let compiled = templates.get(key);
      if (!compiled) {
        const made = compile((b) => {
          if (table.kind === "veto") {
            typeChecks(b, message, new Set());
            vetoRowPieces(b, message, years);
          } else statusRowPieces(b, message, statusItem);
        });
        if (made instanceof Unsupported) {
          without.push({ tableKey: table.key, itemId: item.id, reason: made.message });
          continue;
        }
        compiled = made;
        templates.set(key, compiled);
      }
      // Templates differ in their helpers (a status item's row reads 备注 too): the table has them all.
      helperOffsets = [...new Set([...helperOffsets, ...compiled.helperOffsets])].sort((a, b) => a - b);
      byItem.set(item.id, compiled);
      if (why) {
        textCheck.add(item.id);
        const found = compiled.helperOffset("found:0");
        if (found !== undefined) scoreHelpers.rowErrorOffsets.set(item.id, found);
      }
      const vetoDate = compiled.helperOffset("date:eventDate");
      if (table.kind === "veto" && vetoDate !== undefined) scoreHelpers.vetoDateOffsets.add(vetoDate);
    }
    scoreHelpers.firstHelperOffset.set(
      table.key,
      Math.max((widest.get(table.sheet) ?? 0) + 1, ...helperOffsets.map((o) => o + 1)),
    );
    if (byItem.size === 0) continue;
    tables.set(table.key, {
      tableKey: table.key,
      helperOffsets,
      rowFormulas: (position: RowPosition): readonly RowFormula[] => {
        const id = position.itemId;
        const compiled = id === undefined ? undefined : byItem.get(id);
        if (!compiled) return [];
        const cells = compiled.render(position);
        if (id === undefined || !textCheck.has(id)) return cells;
        const helpers = new Set(compiled.helperOffsets);
        return cells.filter((c) => helpers.has(c.offset));
      },
    });
  }
  return withScores(pack, layout, placements, { tables, cells, without }, info, scoreHelpers);
}

function builderFor(
  table: TableLayout,
  pack: Pack,
  info: Pick<InfoCells, "assessmentDate" | "spaceLed">,
  firstHelper: number,
): RowBuilder {
  const ledger =
    table.kind === "ledger" ? pack.ledgers.find((l) => `ledger:${l.id}` === table.key) : undefined;
  const columns: FormulaColumn[] = table.columns.map((c) => {
    const own = ledger?.columns.find((l) => l.id === c.id);
    return {
      id: c.id,
      type: c.type,
      header: c.header,
      ...(c.values ? { values: c.values } : {}),
      ...(own?.future ? { future: true } : {}),
    };
  });
  const offsets = new Map(table.columns.map((c, i) => [c.id, i]));
  return new RowBuilder(
    columns,
    offsets,
    firstHelper,
    info.assessmentDate,
    userColumns(table),
    info.spaceLed,
  );
}

/** The columns a user fills: not fixed by the pack, not written by Taizhang. */
function userColumns(table: TableLayout): string[] {
  return table.columns.filter((c) => !c.fixed && !c.output).map((c) => c.id);
}

/** Columns of the ledger that a rule's record count filters on by text (not a yes/no answer). */
function countedByText(items: readonly Item[], ledger: Ledger): string[] {
  const out = new Set<string>();
  for (const rule of items.flatMap((i) => i.rules))
    for (const source of [
      "numerator" in rule ? rule.numerator : undefined,
      "denominator" in rule ? rule.denominator : undefined,
      "source" in rule ? rule.source : undefined,
    ])
      if (source && "ledger" in source && source.ledger === ledger.id && source.where) {
        const column = ledger.columns.find((c) => c.id === source.where?.column);
        if (column && column.type !== "yesNo") out.add(column.id);
      }
  return [...out];
}

/** Every row rule of the ledger's items, in item and rule order (as check() meets them). */
function ledgerPieces(b: RowBuilder, ledger: Ledger, items: readonly Item[], message: ShortMessage): void {
  const ownReading = new Set<string>();
  const rules: { itemId: string; rule: Rule }[] = [];
  const checking = items.filter((i) => i.kind === "ledger" && i.ledger === ledger.id);
  for (const item of checking) {
    for (const rule of item.rules) {
      if (isItemLevelRule(rule.type)) continue;
      if (rule.type === "validity") ownReading.add(rule.validityYears);
      rules.push({ itemId: item.id, rule });
    }
  }
  typeChecks(b, message, ownReading);
  // The score counts records by a column's text (COUNTIFS over its text helper).
  for (const column of countedByText(items, ledger)) b.text(column);
  for (const { itemId, rule } of rules) {
    b.owner = itemId;
    rulePieces(b, rule, message);
  }
  b.owner = undefined;
  // Several items check this ledger: each item's score counts the records that fail it alone.
  if (checking.length > 1) for (const item of checking) b.itemMark(item.id);
}

/**
 * Why a checklist row's 校验 stays text: its item is scored by ledger records, inputs or counts
 * (the row shows whole-ledger and item-level findings), or carries row rules of its own.
 */
function rowWithoutFormula(item: Item, kind: TableLayout["kind"]): string | null {
  if (kind === "veto") {
    return item.rules.some((r) => r.type !== "vetoWindow") ? "veto row with other rules" : null;
  }
  if (item.kind !== "status") return `${item.kind} item`;
  return item.rules.length > 0
    ? `status item with rules (${item.rules.map((r) => r.type).join(", ")})`
    : null;
}

function vetoYears(item: Item, pack: Pack): number {
  const own = item.rules.find((r): r is Extract<Rule, { type: "vetoWindow" }> => r.type === "vetoWindow");
  return own?.years ?? pack.assessment.vetoWindowYears;
}

/**
 * The row's own cells are all its checks (check.ts checkChecklistRow): a ledger item's rules read
 * its records, an indicator's or status item's item-level rules read 基本信息; other row rules would
 * add findings the helpers do not judge.
 */
function ownChecksOnly(item: Item): boolean {
  return item.kind === "ledger" || item.rules.every((r) => isItemLevelRule(r.type));
}
