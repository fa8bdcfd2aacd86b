import type { Assessment } from "../core/assessment";
import {
  freeSheetName,
  HEADER_ROW,
  type InfoRow,
  isLayoutSupported,
  layoutFor,
  metaRows,
  type MetaRow,
  placeTableAt,
  TABLE_GAP,
  tableFootprint,
  type TableLayout,
  type WorkbookLayout,
  type WorkbookMeta,
  SHEETS,
} from "../core/layout";
import { compareVersions } from "../core/pack/builtin";
import type { Pack } from "../core/pack/schema";
import type {
  CellValue,
  InputSnapshot,
  RowSnapshot,
  TableSnapshot,
  WorkbookSnapshot,
} from "../core/snapshot";
import { INFO_INPUTS } from "../core/snapshot";
import { columnLetters } from "./address";
import type { XlContext, XlTable, XlValue, XlWorksheet } from "./api";
import { counting } from "./context";
import { ExcelAdapterError, partialWriteError, toAdapterError, type WorkbookPart } from "./errors";
import { INFO_COLUMNS, writeInfoFrame, writeInfoRow } from "./infoSheet";
import { EXTRA_META, type Located, type LocatedTable, locate } from "./locate";
import { type AdapterOptions, resolveOptions } from "./options";
import { readWorkbook, type SheetRead, type WorkbookRead } from "./read";
import { requireCapabilities } from "./requirements";
import { cellValue, rowSnapshot } from "./snapshot";
import { checkColumnOf, userColumnsOf } from "./state";
import { createTable, writeStatusPrompts } from "./tableWriter";

/** 0-based header row of the first table on a new sheet: the title above it. */
const FIRST_HEADER_ROW = HEADER_ROW - 1;
import { type InputCheckTarget, type OutputTarget, writeOutputs } from "./writeOutputs";

export interface InstallSettings {
  township?: string;
  /** YYYY-MM-DD */
  assessmentDate?: string;
}

export interface InstallProgress {
  /** 0..1 */
  fraction: number;
  /** i18n key of the step, e.g. "excel.step.writing". */
  stepKey: string;
}

export interface InstallOptions extends AdapterOptions {
  settings?: InstallSettings;
  onProgress?: (progress: InstallProgress) => void;
}

export interface InstallSummary {
  packId: string;
  packVersion: string;
  /** The version that was installed before, or null for a first install. */
  upgradedFrom: string | null;
  /** Item rows added, kept (with the user's entries) and retired (kept and marked). */
  added: number;
  kept: number;
  retired: number;
  retiredItems: readonly string[];
  sheetsCreated: number;
  tablesCreated: number;
  /** Taizhang sheets renamed because a sheet that is not Taizhang's had the name. */
  renamedSheets: readonly { wanted: string; used: string }[];
  /** Round trips (context.sync) the install took. */
  syncs: number;
  assessment: Assessment;
}

/** Where a sheet of the layout goes: an existing sheet of ours, or a new one under a free name. */
interface SheetSlot {
  name: string;
  existing?: SheetRead;
  proxy?: XlWorksheet;
  /** 0-based row for the next new table's header. */
  nextHeader: number;
  /** Rows added to existing tables on this sheet in this install (they push later content down). */
  growth: number;
  hasTables: boolean;
}

/**
 * Installs a pack into the open workbook, or upgrades it in place: every user entry is kept
 * (checklist rows matched by item id, ledger rows left where they are), new items are added,
 * items the pack dropped are marked retired, and sheets that are not Taizhang's are never touched.
 * At most 3 round trips whatever the pack size.
 */
export async function installPack(pack: Pack, options: InstallOptions = {}): Promise<InstallSummary> {
  const o = resolveOptions(options);
  requireCapabilities(o.isSetSupported);
  const layout = layoutFor(pack);
  const progress = (fraction: number, stepKey: string) => options.onProgress?.({ fraction, stepKey });

  return o.run(async (raw) => {
    const ctx = counting(raw);
    progress(0.05, "excel.step.reading");
    let read: WorkbookRead;
    try {
      read = await readWorkbook(ctx, { skipContentsWhenFresh: true });
    } catch (error) {
      throw toAdapterError(error);
    }
    const located = locate(read, layout);
    guardVersions(located, pack);

    progress(0.4, "excel.step.writing");
    const plan = planAndQueue(ctx, pack, layout, read, located, options.settings ?? {}, o.assess);
    try {
      await ctx.sync();
    } catch (error) {
      const cause = toAdapterError(error);
      // Excel rejects a whole request while a cell is edited: nothing of it was applied.
      if (cause.officeCode === "InvalidOperationInCellEditMode") throw cause;
      const { written, notWritten } = await verifyParts(o.run, plan.parts);
      throw partialWriteError(cause, written, notWritten, o.locale);
    }

    // Ids of what was just created go into the metadata when the budget allows (a later check
    // records them otherwise; until then tables are found by name).
    if (ctx.syncs < 3 && plan.recordIds) {
      try {
        plan.recordIds();
        await ctx.sync();
      } catch {
        // Only the id rows are missing; names still find everything.
      }
    }
    progress(1, "excel.step.done");
    return { ...plan.summary, syncs: ctx.syncs };
  });
}

function guardVersions(located: Located, pack: Pack): void {
  const meta = located.meta;
  if (!meta) return;
  if (!isLayoutSupported(meta))
    throw new ExcelAdapterError("excel.error.layoutTooNew", { layoutVersion: meta.layoutVersion });
  if (meta.packId !== pack.id)
    throw new ExcelAdapterError("excel.error.otherPack", { installed: meta.packId, packId: pack.id });
  if (compareVersions(meta.packVersion, pack.version) > 0) {
    throw new ExcelAdapterError("excel.error.downgrade", {
      installed: meta.packVersion,
      packVersion: pack.version,
    });
  }
}

interface Planned {
  summary: Omit<InstallSummary, "syncs">;
  parts: PartCheck[];
  recordIds: (() => void) | null;
}

/** A part of the install and how to tell afterwards whether it reached the workbook. */
interface PartCheck {
  part: WorkbookPart;
  present: (read: WorkbookRead) => boolean;
}

function planAndQueue(
  ctx: XlContext,
  pack: Pack,
  layout: WorkbookLayout,
  read: WorkbookRead,
  located: Located,
  settings: InstallSettings,
  assess: (pack: Pack, snapshot: WorkbookSnapshot) => Assessment,
): Planned {
  const wb = ctx.workbook;
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
  const parts: PartCheck[] = [];
  let sheetsCreated = 0;
  const createdSheets: { purpose: string; proxy: XlWorksheet }[] = [];

  // ---- where every sheet goes ----
  const slots = new Map<string, SheetSlot>();
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
    if (existing) {
      slot = {
        name: existing.name,
        existing,
        nextHeader: (existing.used?.r1 ?? -1) + 1 + TABLE_GAP + 1,
        growth: 0,
        hasTables: true,
      };
    } else {
      slot = { name: claim(wanted), nextHeader: FIRST_HEADER_ROW, growth: 0, hasTables: false };
    }
    slots.set(wanted, slot);
    return slot;
  };
  const proxyOf = (slot: SheetSlot, purpose: string): XlWorksheet => {
    if (slot.proxy) return slot.proxy;
    if (slot.existing) slot.proxy = wb.worksheets.getItem(slot.existing.id);
    else {
      slot.proxy = wb.worksheets.add(slot.name);
      sheetsCreated += 1;
      createdSheets.push({ purpose, proxy: slot.proxy });
      const name = slot.name;
      parts.push({
        part: { key: "excel.part.sheet", params: { name } },
        present: (r) => r.sheets.some((s) => s.name === name),
      });
    }
    return slot.proxy;
  };

  // Purpose sheets: 基本信息, 自评结果, 差距清单, and the very hidden metadata sheet.
  const purposeSlot = (purpose: "info" | "results" | "gaps", wanted: string): SheetSlot => {
    const existing = located.sheets.get(purpose);
    const slot: SheetSlot = existing
      ? { name: existing.name, existing, nextHeader: 0, growth: 0, hasTables: false }
      : { name: claim(wanted), nextHeader: 0, growth: 0, hasTables: false };
    return slot;
  };
  const metaExisting = located.metaSheetId ? sheetById.get(located.metaSheetId) : undefined;
  const metaSlot: SheetSlot = metaExisting
    ? { name: metaExisting.name, existing: metaExisting, nextHeader: 0, growth: 0, hasTables: false }
    : { name: claim(SHEETS.meta), nextHeader: 0, growth: 0, hasTables: false };
  const infoSlot = purposeSlot("info", layout.info.sheet);
  const resultsSlot = purposeSlot("results", layout.results.sheet);
  const gapsSlot = purposeSlot("gaps", layout.gaps.sheet);

  // Decide every table's place before writing, so the metadata can name them all.
  const tableNames = new Set(read.tables.map((t) => t.name.toLowerCase()));
  interface TablePlan {
    layout: TableLayout;
    slot: SheetSlot;
    existing?: LocatedTable;
    name: string;
    headerRow: number;
  }
  const tablePlans: TablePlan[] = [];
  for (const table of layout.tables) {
    const existing = located.tables.get(table.key);
    const slot = existing ? slotOfExisting(existing) : slotFor(table.sheet);
    let name = existing?.read.name ?? table.name;
    if (!existing) {
      for (let n = 2; tableNames.has(name.toLowerCase()); n++) name = `${table.name}_${n}`;
      tableNames.add(name.toLowerCase());
    }
    tablePlans.push({
      layout: table,
      slot,
      ...(existing ? { existing } : {}),
      name,
      headerRow: existing?.read.headerRow ?? -1,
    });
  }
  function slotOfExisting(existing: LocatedTable): SheetSlot {
    const sheet = sheetById.get(existing.read.sheetId);
    const key = `#${existing.read.sheetId}`;
    let slot = slots.get(key);
    if (!slot && sheet) {
      slot = {
        name: sheet.name,
        existing: sheet,
        nextHeader: (sheet.used?.r1 ?? -1) + 1 + TABLE_GAP + 1,
        growth: 0,
        hasTables: true,
      };
      slots.set(key, slot);
      for (const t of layout.tables)
        if (t.sheet === sheet.name && !slots.has(t.sheet)) slots.set(t.sheet, slot);
    }
    return slot ?? slotFor(existing.read.sheetName);
  }

  const retiredItems = new Set<string>(located.meta?.retiredItems ?? []);
  const layoutItemIds = new Set(layout.tables.flatMap((t) => t.rows.map((r) => r.itemId)));
  for (const id of [...retiredItems]) if (layoutItemIds.has(id)) retiredItems.delete(id);

  for (const t of [...located.tables.values(), ...located.retiredTables.values()]) {
    const idColumn = t.columns.id;
    if (idColumn === undefined) continue;
    for (const values of t.read.body) {
      const id = String(values[idColumn - t.read.firstColumn] ?? "").trim();
      if (id && !layoutItemIds.has(id)) retiredItems.add(id);
    }
  }

  // ---- metadata first: an interrupted install is then finished by installing again ----
  const meta: WorkbookMeta = {
    packId: pack.id,
    packVersion: pack.version,
    layoutVersion: layout.layoutVersion,
    tables: [
      ...tablePlans.map((p) => ({ key: p.layout.key, name: p.name, sheet: p.slot.name })),
      ...[...located.retiredTables.values()].map((t) => ({
        key: t.key,
        name: t.read.name,
        sheet: t.read.sheetName,
      })),
    ],
    retiredItems: [...retiredItems].sort(),
  };
  const known = (purpose: string, slot: SheetSlot): MetaRow => [
    EXTRA_META.sheet,
    purpose,
    slot.name,
    slot.existing?.id ?? "",
  ];
  const extraRows: MetaRow[] = [
    known("info", infoSlot),
    known("results", resultsSlot),
    known("gaps", gapsSlot),
    ...[...located.tables.values(), ...located.retiredTables.values()].map((t): MetaRow => [
      EXTRA_META.tableId,
      t.key,
      t.read.id,
      t.read.sheetId,
    ]),
    ...[...located.extra.renamed, ...renamed].map((r): MetaRow => [EXTRA_META.renamed, r.wanted, r.used, ""]),
  ];
  const metaSheet = metaSlot.existing
    ? wb.worksheets.getItem(metaSlot.existing.id)
    : wb.worksheets.add(metaSlot.name);
  const allMetaRows = [...metaRows(meta), ...extraRows];
  metaSheet.getRange("A:D").clear("Contents");
  metaSheet.getRange(`A1:D${allMetaRows.length}`).numberFormat = [["@"]];
  metaSheet.getRange(`A1:D${allMetaRows.length}`).values = allMetaRows;
  if (metaSlot.existing?.visibility !== "VeryHidden") metaSheet.visibility = "VeryHidden";
  parts.push({
    part: { key: "excel.part.meta", params: {} },
    present: (r) => r.metaRows?.some((row) => row[1] === "packVersion" && row[2] === pack.version) ?? false,
  });

  // The sheets a person reads first come first.
  const infoSheet = proxyOf(infoSlot, "info");
  if (!infoSlot.existing) writeInfoFrame(infoSheet, pack.title);
  const resultsSheet = proxyOf(resultsSlot, "results");
  const gapsSheet = proxyOf(gapsSlot, "gaps");

  // ---- existing tables: refresh fixed cells, add new items, mark retired ones ----
  let added = 0;
  let kept = 0;
  const outputs: OutputTarget[] = [];
  const postTables = new Map<string, TableSnapshot>();
  // Bottom-up per sheet, so rows added to an upper table never move a lower one under our writes.
  const existingPlans = tablePlans.filter((p) => p.existing).sort((a, b) => b.headerRow - a.headerRow);
  for (const plan of existingPlans) {
    const existing = plan.existing as LocatedTable;
    const proxy = wb.tables.getItem(existing.read.id);
    const rel = (id: string): number | undefined =>
      existing.columns[id] === undefined
        ? undefined
        : (existing.columns[id] as number) - existing.read.firstColumn;
    const width = existing.read.headers.length;
    const idRel = rel("id");
    const rows: RowSnapshot[] = existing.read.body.map((values, i) => rowSnapshot(existing, i, values));
    let headerCount = width;
    // Columns the user deleted, or a newer pack added, go at the end of the table: an insert among
    // the columns shifts only the table's rows, and records typed below the table (LibreOffice,
    // WPS) would end up under the wrong header (issue 13.3).
    const columns: Record<string, number> = { ...existing.columns };
    for (const missing of existing.missing) {
      proxy.columns.add(undefined, undefined, missing.header.zh);
      columns[missing.id] = existing.read.firstColumn + headerCount;
      headerCount += 1;
    }
    if (plan.layout.kind !== "ledger" && idRel !== undefined) {
      const present = new Map<string, number>();
      existing.read.body.forEach((values, i) => {
        const id = String(values[idRel] ?? "").trim();
        if (id && !present.has(id)) present.set(id, i);
      });
      const newRows = plan.layout.rows.filter((r) => !present.has(r.itemId));
      for (const row of plan.layout.rows) {
        const at = present.get(row.itemId);
        if (at === undefined) continue;
        kept += 1;
        // Fixed cells (requirement, clause, points) follow the pack; user cells are left alone.
        for (const [id, value] of Object.entries(row.cells)) {
          const c = rel(id);
          if (c !== undefined && existing.read.body[at]?.[c] !== value) {
            proxy.getDataBodyRange().getCell(at, c).values = [[value]];
          }
        }
      }
      if (newRows.length > 0) {
        const base = existing.read.body.length;
        proxy.rows.add(
          undefined,
          newRows.map((r) => {
            const cells: XlValue[] = Array.from({ length: headerCount }, () => "");
            for (const [id, value] of Object.entries(r.cells)) {
              const c = columns[id];
              if (c !== undefined) cells[c - existing.read.firstColumn] = value;
            }
            return cells;
          }),
        );
        writeStatusPrompts(plan.layout, newRows, (i, statusColumn) => {
          const c = rel(plan.layout.columns[statusColumn]?.id ?? "") ?? statusColumn;
          return proxy.getDataBodyRange().getCell(base + i, c);
        });
        newRows.forEach((r, i) => {
          rows.push({ row: existing.read.headerRow + 2 + base + i, cells: { ...r.cells } });
        });
        added += newRows.length;
        plan.slot.growth += newRows.length;
        const ids = newRows.map((r) => r.itemId);
        const tableName = plan.name;
        parts.push({
          part: { key: "excel.part.table", params: { name: tableName } },
          present: (r) => {
            const t = r.tables.find((x) => x.name === tableName);
            return !!t && ids.every((id) => t.body.some((row) => row.includes(id)));
          },
        });
      }
    }
    const snapshot: TableSnapshot = { key: plan.layout.key, sheet: existing.read.sheetName, columns, rows };
    postTables.set(plan.layout.key, snapshot);
    outputs.push({
      key: plan.layout.key,
      table: proxy,
      checkColumn: checkColumnOf(columns, existing.read.firstColumn),
      snapshot,
      userColumns: userColumnsOf(plan.layout),
    });
  }
  // Tables of a group or ledger the pack dropped: kept, every item row marked retired.
  for (const [key, retiredTable] of located.retiredTables) {
    const checkColumn = checkColumnOf(retiredTable.columns, retiredTable.read.firstColumn);
    if (checkColumn !== null) {
      outputs.push({
        key,
        table: wb.tables.getItem(retiredTable.read.id),
        checkColumn,
        snapshot: {
          key,
          sheet: retiredTable.read.sheetName,
          columns: retiredTable.columns,
          rows: retiredTable.read.body.map((v, i) => rowSnapshot(retiredTable, i, v)),
        },
        userColumns: [],
      });
    }
  }

  // ---- new tables ----
  let tablesCreated = 0;
  const createdTables: { key: string; proxy: XlTable; sheet: XlWorksheet }[] = [];
  for (const plan of tablePlans.filter((p) => !p.existing)) {
    const slot = plan.slot;
    const sheet = proxyOf(slot, "table");
    const headerRow = slot.nextHeader + slot.growth;
    const first = !slot.hasTables;
    const proxy = createTable(sheet, placeTableAt(plan.layout, headerRow), plan.name, first);
    slot.hasTables = true;
    slot.nextHeader = headerRow - slot.growth + tableFootprint(plan.layout) + TABLE_GAP;
    tablesCreated += 1;
    added += plan.layout.rows.length;
    createdTables.push({ key: plan.layout.key, proxy, sheet });
    const columns = Object.fromEntries(plan.layout.columns.map((c, i) => [c.id, i]));
    const snapshot: TableSnapshot = {
      key: plan.layout.key,
      sheet: slot.name,
      columns,
      rows: plan.layout.rows.map((r, i) => ({ row: headerRow + 2 + i, cells: { ...r.cells } })),
    };
    postTables.set(plan.layout.key, snapshot);
    outputs.push({
      key: plan.layout.key,
      table: proxy,
      checkColumn: checkColumnOf(columns, 0),
      snapshot,
      userColumns: userColumnsOf(plan.layout),
    });
    const name = plan.name;
    parts.push({
      part: { key: "excel.part.table", params: { name } },
      present: (r) => r.tables.some((t) => t.name === name),
    });
  }

  // ---- 基本信息 ----
  const postInputs: Record<string, InputSnapshot> = {};
  const inputChecks: InputCheckTarget[] = [];
  let nextInfoRow = Math.max(
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
  for (const row of layout.info.rows) {
    const existing = located.inputs.get(row.inputId);
    let at: number;
    let column: number = INFO_COLUMNS.value;
    if (existing) {
      at = existing.row;
      column = existing.column;
      infoSheet.getRangeByIndexes(at, Math.max(0, column - 1), 1, 1).values = [[row.label.zh]];
    } else {
      at = infoSlot.existing ? nextInfoRow++ : row.row - 1;
      writeInfoRow(wb, infoSheet, row, at, true);
    }
    const setting = settingFor(row);
    let value: CellValue = existing ? cellValue(existing.value) : null;
    if (setting !== undefined && setting !== "") {
      infoSheet.getRangeByIndexes(at, column, 1, 1).values = [[setting]];
      value = setting;
    }
    const cell = `${columnLetters(column)}${at + 1}`;
    postInputs[row.inputId] = { value, sheet: infoSlot.name, cell };
    inputChecks.push({
      row: at,
      column: column + (INFO_COLUMNS.check - INFO_COLUMNS.value),
      value,
      sheet: infoSlot.name,
      cell,
      retired: false,
    });
  }
  const layoutInputs = new Set(layout.info.rows.map((r) => r.inputId));
  for (const [id, name] of located.inputs) {
    if (layoutInputs.has(id)) continue;
    inputChecks.push({
      row: name.row,
      column: name.column + 3,
      value: cellValue(name.value),
      sheet: name.sheetName,
      cell: "",
      retired: true,
    });
  }
  parts.push({
    part: { key: "excel.part.info", params: {} },
    present: (r) => layout.info.rows.every((row) => r.names.has(row.name.toLowerCase())),
  });

  // ---- score the workbook as it will be, and write 校验, 自评结果, 差距清单 ----
  const snapshot: WorkbookSnapshot = {
    packId: pack.id,
    packVersion: pack.version,
    inputs: postInputs,
    tables: Object.fromEntries(postTables),
  };
  const assessment = assess(pack, snapshot);
  writeOutputs({
    assessment,
    layout: { ...layout, results: { sheet: resultsSlot.name }, gaps: { sheet: gapsSlot.name } },
    tables: outputs,
    retired: retiredItems,
    info: { sheet: infoSheet, cells: inputChecks },
    results: {
      sheet: resultsSheet,
      firstWrite: !resultsSlot.existing,
      hasChart: resultsSlot.existing?.hasScoresChart ?? false,
    },
    gaps: { sheet: gapsSheet, firstWrite: !gapsSlot.existing },
  });
  parts.push({
    part: { key: "excel.part.results", params: {} },
    present: (r) => r.sheets.some((s) => s.name === resultsSlot.name),
  });
  parts.push({
    part: { key: "excel.part.gaps", params: {} },
    present: (r) => r.sheets.some((s) => s.name === gapsSlot.name),
  });

  if (!infoSlot.existing) {
    infoSheet.activate();
  }

  // Ids of the new tables and sheets, loaded with the write and recorded by one more sync.
  for (const c of createdTables) {
    c.proxy.load("id");
    c.sheet.load("id");
  }
  for (const s of createdSheets) s.proxy.load("id");
  const purposeProxies = { info: infoSheet, results: resultsSheet, gaps: gapsSheet };
  const recordIds =
    createdTables.length > 0 || createdSheets.length > 0
      ? () => {
          const rows: MetaRow[] = [
            ...(["info", "results", "gaps"] as const).map((p): MetaRow => {
              const slot = p === "info" ? infoSlot : p === "results" ? resultsSlot : gapsSlot;
              return [EXTRA_META.sheet, p, slot.name, slot.existing?.id ?? purposeProxies[p].id];
            }),
            ...[...located.tables.values(), ...located.retiredTables.values()].map((t): MetaRow => [
              EXTRA_META.tableId,
              t.key,
              t.read.id,
              t.read.sheetId,
            ]),
            ...createdTables.map((c): MetaRow => [EXTRA_META.tableId, c.key, c.proxy.id, c.sheet.id]),
            ...[...located.extra.renamed, ...renamed].map((r): MetaRow => [
              EXTRA_META.renamed,
              r.wanted,
              r.used,
              "",
            ]),
          ];
          const full = [...metaRows(meta), ...rows];
          metaSheet.getRange("A:D").clear("Contents");
          metaSheet.getRange(`A1:D${full.length}`).values = full;
        }
      : null;
  for (const p of Object.values(purposeProxies)) p.load("id");

  const retiredCount = countRetiredRows(located, retiredItems);
  return {
    summary: {
      packId: pack.id,
      packVersion: pack.version,
      upgradedFrom: located.meta?.packVersion ?? null,
      added,
      kept,
      retired: retiredCount,
      retiredItems: [...retiredItems].sort(),
      sheetsCreated: sheetsCreated + (metaSlot.existing ? 0 : 1),
      tablesCreated,
      renamedSheets: renamed,
      assessment,
    },
    parts,
    recordIds,
  };
}

function countRetiredRows(located: Located, retired: ReadonlySet<string>): number {
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

/** After a failed write: read the workbook back and sort the planned parts into there / not there. */
async function verifyParts(
  run: (batch: (ctx: XlContext) => Promise<WorkbookRead>) => Promise<WorkbookRead>,
  parts: readonly PartCheck[],
): Promise<{ written: WorkbookPart[]; notWritten: WorkbookPart[] }> {
  try {
    const after = await run((ctx) => readWorkbook(ctx));
    return {
      written: parts.filter((p) => p.present(after)).map((p) => p.part),
      notWritten: parts.filter((p) => !p.present(after)).map((p) => p.part),
    };
  } catch {
    return { written: [], notWritten: parts.map((p) => p.part) };
  }
}
