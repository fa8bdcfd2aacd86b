import type { Assessment } from "../assessment";
import type { LocalizedText } from "../pack/schema";
import type { CellValue } from "../snapshot";
import { parseDate } from "../values/date";

/**
 * What a person typed into 差距清单 that an export must not lose: 责任人 / 完成期限 / 备注 of each
 * listed item (matched by 编号), and the 已整改 section the earlier exports kept. Read from the
 * sheet's cells as any host gives them; the next gap-sheet model puts every value back.
 */

/** A typed cell's value: text or a number as typed, a date as YYYY-MM-DD. */
export type KeptValue = string | number | boolean;

export interface TypedGapCells {
  owner: KeptValue | null;
  due: KeptValue | null;
  note: KeptValue | null;
}

/** An item that left the gap list, as its row stood when it left, and the day it left. */
export interface ResolvedGap extends TypedGapCells {
  itemId: string;
  title: string;
  clause: string;
  group: string;
  points: KeptValue | null;
  /** YYYY-MM-DD, or what the cell holds when a person changed it. */
  leftOn: KeptValue | null;
}

export interface GapSheetMemory {
  /** Typed cells of the gap and 待完成 rows, by item id (only items with something typed). */
  typed: ReadonlyMap<string, TypedGapCells>;
  /** Every item listed (gap or 待完成 row) on the sheet, in sheet order. */
  listed: readonly ListedGap[];
  /** The 已整改 rows, by item id. */
  resolved: ReadonlyMap<string, ResolvedGap>;
}

/** A gap or 待完成 row as the sheet shows it: what moves to 已整改 when the item leaves. */
export type ListedGap = Omit<ResolvedGap, "leftOn">;

const L = (zh: string, en: string): LocalizedText => ({ zh, en });

/** Headers and titles shared with the writer (resultSheets.ts), so reading finds what was written. */
export const GAP_SHEET_LABELS = {
  index: L("序号", "No."),
  itemId: L("编号", "ID"),
  requirement: L("要求", "Requirement"),
  clause: L("依据", "Clause"),
  group: L("措施", "Group"),
  points: L("分值", "Points"),
  owner: L("责任人", "Owner"),
  due: L("完成期限", "Due"),
  note: L("备注", "Notes"),
  leftOn: L("移出清单日期", "Left the list on"),
  pendingTitle: L(
    "待完成(期限在评估基准日之后,不计入应得)",
    "Pending (due after the assessment date; not in 应得)",
  ),
  declarationsTitle: L(
    "声明事项(本评估年度无此类事项,请评审核实)",
    "Declarations (no such matters this year; for the reviewer to verify)",
  ),
  resolvedTitle: L(
    "已整改(已不在差距清单中;保留原填写的责任人、完成期限、备注)",
    "Resolved (no longer a gap; owner, due date and notes as typed)",
  ),
};

type Section = "none" | "listed" | "declarations" | "resolved";
type Column = "itemId" | "requirement" | "clause" | "group" | "points" | "owner" | "due" | "note" | "leftOn";
const COLUMNS: readonly Column[] = [
  "itemId",
  "requirement",
  "clause",
  "group",
  "points",
  "owner",
  "due",
  "note",
  "leftOn",
];

const text = (v: CellValue | undefined): string =>
  v === null || v === undefined || v instanceof Date ? "" : String(v).trim();
const is = (v: CellValue | undefined, label: LocalizedText): boolean =>
  text(v) === label.zh || text(v) === label.en;

/** An item id as the checklist writes it (T2.1.6, M4.13); a declaration row lists several. */
const ITEM_ID = /^[A-Za-z][\w.-]*$/;

export function readGapSheet(rows: readonly (readonly CellValue[])[]): GapSheetMemory {
  const typed = new Map<string, TypedGapCells>();
  const listed: ListedGap[] = [];
  const seen = new Set<string>();
  const resolved = new Map<string, ResolvedGap>();
  let section: Section = "none";
  let columns: Partial<Record<Column, number>> = {};

  for (const row of rows) {
    const first = row[0];
    if (is(first, GAP_SHEET_LABELS.pendingTitle)) section = "listed";
    else if (is(first, GAP_SHEET_LABELS.declarationsTitle)) section = "declarations";
    else if (is(first, GAP_SHEET_LABELS.resolvedTitle)) section = "resolved";
    const header = headerColumns(row);
    if (header) {
      columns = header;
      if (section === "none") section = "listed";
      continue;
    }
    if (section === "none" || section === "declarations") continue;
    const at = (c: Column): CellValue => (columns[c] === undefined ? null : (row[columns[c]] ?? null));
    const itemId = text(at("itemId"));
    if (!ITEM_ID.test(itemId)) continue;
    const cells: TypedGapCells = {
      owner: kept(at("owner")),
      due: keptDate(at("due")),
      note: kept(at("note")),
    };
    const shown: ListedGap = {
      itemId,
      title: text(at("requirement")),
      clause: text(at("clause")),
      group: text(at("group")),
      points: kept(at("points")),
      ...cells,
    };
    if (section === "resolved") {
      if (!resolved.has(itemId)) resolved.set(itemId, { ...shown, leftOn: keptDate(at("leftOn")) });
      continue;
    }
    if (!seen.has(itemId)) {
      seen.add(itemId);
      listed.push(shown);
    }
    if (cells.owner !== null || cells.due !== null || cells.note !== null) {
      typed.set(itemId, fillBlanks(typed.get(itemId), cells));
    }
  }
  return { typed, listed, resolved };
}

/**
 * Two typings of one item (a row listed twice, a 已整改 row of an item that is a gap again):
 * a blank never hides a value, and two different values are both kept.
 */
export function fillBlanks(first: TypedGapCells | undefined, second: TypedGapCells): TypedGapCells {
  return {
    owner: both(first?.owner ?? null, second.owner),
    due: both(first?.due ?? null, second.due),
    note: both(first?.note ?? null, second.note),
  };
}

function both(a: KeptValue | null, b: KeptValue | null): KeptValue | null {
  if (a === null || a === b) return b ?? a;
  if (b === null) return a;
  return `${String(a)};${String(b)}`;
}

function headerColumns(row: readonly CellValue[]): Partial<Record<Column, number>> | null {
  const found: Partial<Record<Column, number>> = {};
  row.forEach((v, i) => {
    for (const c of COLUMNS) {
      const label = c === "requirement" ? GAP_SHEET_LABELS.requirement : GAP_SHEET_LABELS[c];
      if (found[c] === undefined && is(v, label)) found[c] = i;
    }
  });
  return found.itemId !== undefined && found.owner !== undefined ? found : null;
}

function kept(value: CellValue | undefined): KeptValue | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return keptDate(value);
  if (typeof value === "string" && value.trim() === "") return null;
  return value;
}

/** A date typed or written in a date column, as YYYY-MM-DD; anything else exactly as it was. */
function keptDate(value: CellValue | undefined): KeptValue | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" && value.trim() === "") return null;
  const date = parseDate(value);
  if (date.ok) return date.value;
  return value instanceof Date ? value.toISOString() : value;
}

/**
 * The 已整改 rows: those an earlier export kept (unless the item is listed again), then every
 * item the sheet listed that this assessment no longer lists, leaving today with what was typed.
 */
export function resolvedGaps(assessment: Assessment, previous: GapSheetMemory, today: string): ResolvedGap[] {
  const listedNow = new Set([...assessment.gaps, ...assessment.pending].map((g) => g.itemId));
  // A gap row's 分值 may be a formula reading the item's 应得 (0 once a fix makes it 不适用):
  // the 已整改 row keeps the item's 分值.
  const points = new Map(assessment.items.map((i) => [i.itemId, i.points]));
  const out = new Map<string, ResolvedGap>();
  for (const r of previous.resolved.values()) if (!listedNow.has(r.itemId)) out.set(r.itemId, r);
  for (const g of previous.listed) {
    if (listedNow.has(g.itemId)) continue;
    const earlier = out.get(g.itemId);
    const typed = fillBlanks(previous.typed.get(g.itemId), earlier ?? g);
    out.set(g.itemId, {
      ...g,
      ...typed,
      points: points.get(g.itemId) ?? g.points,
      leftOn: earlier?.leftOn ?? today,
    });
  }
  return [...out.values()];
}
