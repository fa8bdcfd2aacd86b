import {
  freeSheetName,
  HEADER_ROW,
  INFO_COLUMNS,
  type InfoRow,
  type PrefilledRow,
  placeTableAt,
  TABLE_GAP,
  tableFootprint,
  type TableLayout,
  type TablePlacement,
  type WorkbookLayout,
  type WorkbookMeta,
  SHEETS,
} from "../core/layout";
import type { Pack } from "../core/pack/schema";
import { embedPack } from "../core/pack/embed";
import { INFO_INPUTS } from "../core/snapshot";
import type { Located, LocatedTable, SheetPurpose } from "./locate";
import type { SheetRead, WorkbookRead } from "./read";

/**
 * The pure half of an install: from what was read and where the core's layout wants things, decide
 * every sheet, table, row and metadata entry before anything is written. No Office.js here, so it
 * is tested on plain data; install.ts only turns the plan into calls.
 */

export interface InstallSettings {
  township?: string;
  /** YYYY-MM-DD */
  assessmentDate?: string;
  /** The local settings file the pack was adjusted with (canonical JSON), recorded in the metadata. */
  settings?: string;
}

/** 0-based header row of the first table on a new sheet: the title above it. */
const FIRST_HEADER_ROW = HEADER_ROW - 1;

/** Where a sheet of the layout goes: an existing sheet of ours, or a new one under a free name. */
export interface SheetSlot {
  name: string;
  existing?: SheetRead;
  /** 0-based row for the next new table's header. */
  nextHeader: number;
  /** Rows added to existing tables on this sheet (they push later content down). */
  growth: number;
  hasTables: boolean;
}

export interface ExistingTablePlan {
  layout: TableLayout;
  existing: LocatedTable;
  slot: SheetSlot;
  name: string;
  /** Item rows found in the table: layout row → 0-based body row. */
  kept: { row: PrefilledRow; at: number }[];
  /** Item rows the table lacks, appended at its end. */
  added: PrefilledRow[];
}

export interface NewTablePlan {
  layout: TableLayout;
  slot: SheetSlot;
  name: string;
  /** Rows are 1-based, as the core places tables. */
  placement: TablePlacement;
  /** The first table on its sheet: it sets widths and freezes the header. */
  first: boolean;
}

export interface InfoRowPlan {
  row: InfoRow;
  /** 0-based sheet row and column of the value cell. */
  at: number;
  column: number;
  /** The row exists: only its label is refreshed. */
  existing: boolean;
  /** A setting typed in the pane (乡镇名称, 评估基准日), written over the cell. */
  setting?: string;
}

export interface InstallPlan {
  sheets: Record<SheetPurpose | "meta", SheetSlot>;
  existingTables: ExistingTablePlan[];
  newTables: NewTablePlan[];
  info: InfoRowPlan[];
  retiredItems: ReadonlySet<string>;
  /** The core's metadata, naming every table before it is written. */
  meta: WorkbookMeta;
  /** Taizhang sheets renamed because a sheet that is not Taizhang's had the name. */
  renamed: { wanted: string; used: string }[];
}

export function planInstall(
  pack: Pack,
  layout: WorkbookLayout,
  read: WorkbookRead,
  located: Located,
  settings: InstallSettings,
  /** Stamp of the formulas this install writes (recorded so a later version knows them). */
  formulasStamp?: string,
): InstallPlan {
  const taken = new Set(read.sheets.map((s) => s.name.toLowerCase()));
  const renamed: { wanted: string; used: string }[] = [];
  const claim = (wanted: string): string => {
    const name = freeSheetName(wanted, taken);
    taken.add(name.toLowerCase());
    if (name !== wanted) renamed.push({ wanted, used: name });
    return name;
  };
  const sheetById = new Map(read.sheets.map((s) => [s.id, s]));
  const sheetByName = new Map(read.sheets.map((s) => [s.name.toLowerCase(), s]));
  const slots = new Map<string, SheetSlot>();
  const existingSlot = (sheet: SheetRead): SheetSlot => ({
    name: sheet.name,
    existing: sheet,
    nextHeader: (sheet.used?.r1 ?? -1) + 1 + TABLE_GAP + 1,
    growth: 0,
    hasTables: true,
  });

  const ourSheetFor = (wanted: string): SheetRead | undefined => {
    for (const t of [...located.tables.values(), ...located.retiredTables.values()]) {
      const layoutSheet = layout.tables.find((l) => l.key === t.key)?.sheet;
      if (layoutSheet === wanted) return sheetById.get(t.read.sheetId);
    }
    const recorded = located.meta?.tables.find(
      (t) => layout.tables.find((l) => l.key === t.key)?.sheet === wanted,
    )?.sheet;
    const byRecorded = recorded ? sheetByName.get(recorded.toLowerCase()) : undefined;
    if (byRecorded) return byRecorded;
    const renamedTo = located.extra.renamed.find((r) => r.wanted === wanted)?.used;
    const byRenamed = renamedTo ? sheetByName.get(renamedTo.toLowerCase()) : undefined;
    if (byRenamed) return byRenamed;
    const same = sheetByName.get(wanted.toLowerCase());
    return same && located.ourSheetIds.has(same.id) ? same : undefined;
  };
  const slotFor = (wanted: string): SheetSlot => {
    let slot = slots.get(wanted);
    if (slot) return slot;
    const existing = ourSheetFor(wanted);
    slot = existing
      ? existingSlot(existing)
      : { name: claim(wanted), nextHeader: FIRST_HEADER_ROW, growth: 0, hasTables: false };
    slots.set(wanted, slot);
    return slot;
  };
  const slotOfExisting = (existing: LocatedTable): SheetSlot => {
    const sheet = sheetById.get(existing.read.sheetId);
    const key = `#${existing.read.sheetId}`;
    let slot = slots.get(key);
    if (!slot && sheet) {
      slot = existingSlot(sheet);
      slots.set(key, slot);
      for (const t of layout.tables)
        if (t.sheet === sheet.name && !slots.has(t.sheet)) slots.set(t.sheet, slot);
    }
    return slot ?? slotFor(existing.read.sheetName);
  };

  // Purpose sheets first, so they claim their names before any table sheet.
  const purposeSlot = (existing: SheetRead | undefined, wanted: string): SheetSlot =>
    existing
      ? { name: existing.name, existing, nextHeader: 0, growth: 0, hasTables: false }
      : { name: claim(wanted), nextHeader: 0, growth: 0, hasTables: false };
  const metaSlot = purposeSlot(
    located.metaSheetId ? sheetById.get(located.metaSheetId) : undefined,
    SHEETS.meta,
  );
  const infoSlot = purposeSlot(located.sheets.get("info"), layout.info.sheet);
  const resultsSlot = purposeSlot(located.sheets.get("results"), layout.results.sheet);
  const gapsSlot = purposeSlot(located.sheets.get("gaps"), layout.gaps.sheet);

  // Every table's sheet and name, before writing, so the metadata can name them all.
  const tableNames = new Set(read.tables.map((t) => t.name.toLowerCase()));
  const existingTables: ExistingTablePlan[] = [];
  const pending: { layout: TableLayout; slot: SheetSlot; name: string }[] = [];
  const order: { key: string; name: string; slot: SheetSlot }[] = [];
  for (const table of layout.tables) {
    const existing = located.tables.get(table.key);
    if (existing) {
      const slot = slotOfExisting(existing);
      existingTables.push({
        layout: table,
        existing,
        slot,
        name: existing.read.name,
        ...itemRows(table, existing),
      });
      order.push({ key: table.key, name: existing.read.name, slot });
    } else {
      const slot = slotFor(table.sheet);
      let name = table.name;
      for (let n = 2; tableNames.has(name.toLowerCase()); n++) name = `${table.name}_${n}`;
      tableNames.add(name.toLowerCase());
      pending.push({ layout: table, slot, name });
      order.push({ key: table.key, name, slot });
    }
  }
  // Rows added to an existing table push whatever is below it on the sheet down.
  for (const plan of existingTables) plan.slot.growth += plan.added.length;
  const newTables = pending.map(({ layout: table, slot, name }): NewTablePlan => {
    // Title on the 0-based header row's 1-based number: the row above the header.
    const headerRow = slot.nextHeader + slot.growth;
    const plan = {
      layout: table,
      slot,
      name,
      placement: placeTableAt(table, headerRow),
      first: !slot.hasTables,
    };
    slot.hasTables = true;
    slot.nextHeader += tableFootprint(table) + TABLE_GAP;
    return plan;
  });

  const retiredItems = retiredItemsOf(layout, located);
  const meta: WorkbookMeta = {
    packId: pack.id,
    packVersion: pack.version,
    layoutVersion: layout.layoutVersion,
    tables: [
      ...order.map((t) => ({ key: t.key, name: t.name, sheet: t.slot.name })),
      ...[...located.retiredTables.values()].map((t) => ({
        key: t.key,
        name: t.read.name,
        sheet: t.read.sheetName,
      })),
    ],
    retiredItems: [...retiredItems].sort(),
    // New settings replace the recorded ones; a reinstall without any keeps what the workbook had.
    ...((settings.settings ?? located.meta?.settings)
      ? { settings: settings.settings ?? located.meta?.settings }
      : {}),
    // The workbook carries the exact pack it was installed with (issue 16 item 3).
    pack: embedPack(pack),
    ...(formulasStamp ? { formulas: formulasStamp } : {}),
  };

  return {
    sheets: { meta: metaSlot, info: infoSlot, results: resultsSlot, gaps: gapsSlot },
    existingTables,
    newTables,
    info: planInfoRows(layout, located, infoSlot, settings),
    retiredItems,
    meta,
    renamed,
  };
}

function itemRows(
  table: TableLayout,
  existing: LocatedTable,
): { kept: ExistingTablePlan["kept"]; added: PrefilledRow[] } {
  const idColumn = existing.columns.id;
  if (table.kind === "ledger" || idColumn === undefined) return { kept: [], added: [] };
  const present = new Map<string, number>();
  existing.read.body.forEach((values, i) => {
    const id = String(values[idColumn - existing.read.firstColumn] ?? "").trim();
    if (id && !present.has(id)) present.set(id, i);
  });
  const kept: ExistingTablePlan["kept"] = [];
  const added: PrefilledRow[] = [];
  for (const row of table.rows) {
    const at = present.get(row.itemId);
    if (at === undefined) added.push(row);
    else kept.push({ row, at });
  }
  return { kept, added };
}

/** Item ids in the workbook that the pack no longer has; a re-added id is not retired any more. */
function retiredItemsOf(layout: WorkbookLayout, located: Located): Set<string> {
  const layoutItemIds = new Set(layout.tables.flatMap((t) => t.rows.map((r) => r.itemId)));
  const retired = new Set((located.meta?.retiredItems ?? []).filter((id) => !layoutItemIds.has(id)));
  for (const t of [...located.tables.values(), ...located.retiredTables.values()]) {
    const idColumn = t.columns.id;
    if (idColumn === undefined) continue;
    for (const values of t.read.body) {
      const id = String(values[idColumn - t.read.firstColumn] ?? "").trim();
      if (id && !layoutItemIds.has(id)) retired.add(id);
    }
  }
  return retired;
}

function planInfoRows(
  layout: WorkbookLayout,
  located: Located,
  infoSlot: SheetSlot,
  settings: InstallSettings,
): InfoRowPlan[] {
  let nextRow = Math.max(
    (infoSlot.existing?.used?.r1 ?? 0) + 1,
    ...[...located.inputs.values()].map((n) => n.row + 1),
    2,
  );
  const settingFor = (row: InfoRow): string | undefined =>
    row.inputId === INFO_INPUTS.township
      ? settings.township
      : row.inputId === INFO_INPUTS.assessmentDate
        ? settings.assessmentDate
        : undefined;
  return layout.info.rows.map((row): InfoRowPlan => {
    const existing = located.inputs.get(row.inputId);
    const setting = settingFor(row);
    const withSetting = setting !== undefined && setting !== "" ? { setting } : {};
    if (existing) return { row, at: existing.row, column: existing.column, existing: true, ...withSetting };
    return {
      row,
      at: infoSlot.existing ? nextRow++ : row.row - 1,
      column: INFO_COLUMNS.value,
      existing: false,
      ...withSetting,
    };
  });
}

/** Data rows a plan leaves in the workbook that carry retired item ids. */
export function countRetiredRows(located: Located, retired: ReadonlySet<string>): number {
  let n = 0;
  for (const t of [...located.tables.values(), ...located.retiredTables.values()]) {
    const idColumn = t.columns.id;
    if (idColumn === undefined) continue;
    for (const values of t.read.body) {
      const id = String(values[idColumn - t.read.firstColumn] ?? "").trim();
      if (id && retired.has(id)) n += 1;
    }
  }
  return n;
}
