import type { Assessment } from "../core/assessment";
import { isLayoutSupported, layoutFor, type WorkbookLayout } from "../core/layout";
import { compareVersions } from "../core/pack/builtin";
import type { Pack } from "../core/pack/schema";
import type { CellValue, InputSnapshot, TableSnapshot, WorkbookSnapshot } from "../core/snapshot";
import { formulasStamp } from "../core/formulas";
import type { WorkbookFormulas } from "../core/formulas/types";
import { columnLetters } from "./address";
import type { XlContext, XlTable, XlWorksheet } from "./api";
import { counting } from "./context";
import { ExcelAdapterError, partialWriteError, toAdapterError } from "./errors";
import { INFO_COLUMNS, writeInfoFrame, writeInfoRow } from "./infoSheet";
import { type FormulasSource, workbookFormulasFor } from "./installFormulas";
import { fixedCellsHoldingFormulas } from "./installFormulaPlan";
import { cellsOf, type FixedSheet, planFormulaWrites, type RowsOf } from "./installFormulaPlan";
import { type PartCheck, verifyParts } from "./installCheck";
import { queueExistingTable } from "./installTables";
import {
  countRetiredRows,
  type InstallPlan,
  type InstallSettings,
  planInstall,
  type SheetSlot,
} from "./installPlan";
import { type Located, locate } from "./locate";
import { allMetaRows, type HostMeta, queueMetaRows } from "./metaSheet";
import { type AdapterOptions, resolveOptions } from "./options";
import { readWorkbook, type WorkbookRead } from "./read";
import { requireCapabilities } from "./requirements";
import { cellValue, rowSnapshot } from "./snapshot";
import { checkColumnOf, userColumnsOf } from "./state";
import { createTable } from "./tableWriter";
import { type InputCheckTarget, type OutputTarget, writeOutputs } from "./writeOutputs";

export type { InstallSettings };

export interface InstallProgress {
  /** 0..1 */
  fraction: number;
  /** i18n key of the step, e.g. "excel.step.writing". */
  stepKey: string;
}

export interface InstallOptions extends AdapterOptions {
  settings?: InstallSettings;
  onProgress?: (progress: InstallProgress) => void;
  /** Where the formulas come from; defaults to the core's (installFormulas.ts). Tests pass their own. */
  formulas?: FormulasSource;
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
  const formulas = (options.formulas ?? workbookFormulasFor)(pack, layout);
  const helperOffsets = [...new Set([...formulas.tables.values()].flatMap((t) => t.helperOffsets))];
  const progress = (fraction: number, stepKey: string) => options.onProgress?.({ fraction, stepKey });

  return o.runAction(async (raw) => {
    const ctx = counting(raw);
    progress(0.05, "excel.step.reading");
    let read: WorkbookRead;
    try {
      // The helper columns' formulas come with the read: a helper of ours may be rewritten, what a
      // person typed there may not.
      read = await readWorkbook(ctx, { skipContentsWhenFresh: true, helperOffsets });
    } catch (error) {
      throw toAdapterError(error);
    }
    const located = locate(read, layout);
    guardVersions(located, pack);
    const fixedFormulaCells = await fixedCellsHoldingFormulas(
      ctx,
      read,
      located.sheets.get("info"),
      formulas,
    );

    progress(0.4, "excel.step.writing");
    // Re-adding a name Excel keeps as =#REF! fails (it still exists): delete it, the write re-adds it.
    // https://github.com/OfficeDev/office-js/issues/4772
    for (const name of read.brokenNames) ctx.workbook.names.getItem(name).delete();
    const plan = applyPlan(
      ctx,
      pack,
      layout,
      located,
      planInstall(pack, layout, read, located, options.settings ?? {}, formulasStamp(formulas, layout)),
      o.assess,
      read,
      formulas,
      fixedFormulaCells,
    );
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

interface Applied {
  summary: Omit<InstallSummary, "syncs">;
  parts: PartCheck[];
  recordIds: (() => void) | null;
}

/** Queues the plan as Office.js calls (nothing is synced here) and scores the workbook as it will be. */
function applyPlan(
  ctx: XlContext,
  pack: Pack,
  layout: WorkbookLayout,
  located: Located,
  plan: InstallPlan,
  assess: (pack: Pack, snapshot: WorkbookSnapshot) => Assessment,
  read: WorkbookRead,
  formulas: WorkbookFormulas,
  fixedFormulaCells: ReadonlySet<string>,
): Applied {
  const raw = read.raw;
  const wb = ctx.workbook;
  const parts: PartCheck[] = [];
  let sheetsCreated = 0;
  const createdSheets: XlWorksheet[] = [];
  const proxies = new Map<SheetSlot, XlWorksheet>();
  const proxyOf = (slot: SheetSlot): XlWorksheet => {
    let proxy = proxies.get(slot);
    if (proxy) return proxy;
    if (slot.existing) proxy = wb.worksheets.getItem(slot.existing.id);
    else {
      proxy = wb.worksheets.add(slot.name);
      sheetsCreated += 1;
      createdSheets.push(proxy);
      const name = slot.name;
      parts.push({
        part: { key: "excel.part.sheet", params: { name } },
        present: (r) => r.sheets.some((s) => s.name === name),
      });
    }
    proxies.set(slot, proxy);
    return proxy;
  };
  const { meta: metaSlot, info: infoSlot, results: resultsSlot, gaps: gapsSlot } = plan.sheets;

  // ---- metadata first: an interrupted install is then finished by installing again ----
  const knownTables = [...located.tables.values(), ...located.retiredTables.values()].map((t) => ({
    key: t.key,
    id: t.read.id,
    sheetId: t.read.sheetId,
  }));
  const renamed = [...located.extra.renamed, ...plan.renamed];
  const metaSheet = metaSlot.existing
    ? wb.worksheets.getItem(metaSlot.existing.id)
    : wb.worksheets.add(metaSlot.name);
  queueMetaRows(
    metaSheet,
    allMetaRows(plan.meta, {
      sheets: (["info", "results", "gaps"] as const).map((purpose) => ({
        purpose,
        name: plan.sheets[purpose].name,
        id: plan.sheets[purpose].existing?.id ?? "",
      })),
      tables: knownTables,
      renamed,
    }),
  );
  if (metaSlot.existing?.visibility !== "VeryHidden") metaSheet.visibility = "VeryHidden";
  parts.push({
    part: { key: "excel.part.meta", params: {} },
    present: (r) => r.metaRows?.some((row) => row[1] === "packVersion" && row[2] === pack.version) ?? false,
  });

  // The sheets a person reads first come first.
  const infoSheet = proxyOf(infoSlot);
  if (!infoSlot.existing) writeInfoFrame(infoSheet, pack.title);
  const resultsSheet = proxyOf(resultsSlot);
  const gapsSheet = proxyOf(gapsSlot);

  // ---- existing tables: refresh fixed cells, add new items ----
  let added = 0;
  let kept = 0;
  const outputs: OutputTarget[] = [];
  /** Where each table's rows will be, for its formulas. */
  const rowsOf: RowsOf = new Map();
  const postTables = new Map<string, TableSnapshot>();
  // Bottom-up per sheet, so rows added to an upper table never move a lower one under our writes.
  const existingPlans = [...plan.existingTables].sort(
    (a, b) => b.existing.read.headerRow - a.existing.read.headerRow,
  );
  for (const tablePlan of existingPlans) {
    const upgraded = queueExistingTable(wb, tablePlan, parts);
    kept += tablePlan.kept.length;
    added += tablePlan.added.length;
    const t = tablePlan.existing.read;
    rowsOf.set(tablePlan.layout.key, {
      rows: {
        sheet: wb.worksheets.getItem(t.sheetId),
        sheetName: t.sheetName,
        firstRow: t.headerRow + 1,
        rowCount: t.body.length + tablePlan.added.length,
        firstColumn: t.firstColumn,
        checkOffset: upgraded.checkColumn,
        itemIds: upgraded.snapshot.rows.map((r) =>
          typeof r.cells.id === "string" ? r.cells.id.trim() : undefined,
        ),
      },
      cellAt: cellsOf(raw, t.sheetId, read.helperFormulas?.get(t.id), t.headerRow, t.firstColumn),
    });
    postTables.set(tablePlan.layout.key, upgraded.snapshot);
    outputs.push(upgraded);
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

  // ---- new tables, where the plan placed them ----
  const createdTables: { key: string; proxy: XlTable; sheet: XlWorksheet }[] = [];
  for (const tablePlan of plan.newTables) {
    const { placement } = tablePlan;
    const sheet = proxyOf(tablePlan.slot);
    const proxy = createTable(sheet, placement, tablePlan.name, tablePlan.first);
    added += tablePlan.layout.rows.length;
    rowsOf.set(tablePlan.layout.key, {
      rows: {
        sheet,
        sheetName: tablePlan.slot.name,
        // placement rows are 1-based: the 0-based first data row is the header's number.
        firstRow: placement.headerRow,
        rowCount: placement.lastTableRow - placement.headerRow,
        firstColumn: 0,
        checkOffset: tablePlan.layout.columns.findIndex((c) => c.id === "check"),
        itemIds: tablePlan.layout.rows.map((r) => r.itemId),
      },
      cellAt: cellsOf(raw, tablePlan.slot.existing?.id, undefined, 0, 0),
    });
    createdTables.push({ key: tablePlan.layout.key, proxy, sheet });
    const columns = Object.fromEntries(tablePlan.layout.columns.map((c, i) => [c.id, i]));
    const snapshot: TableSnapshot = {
      key: tablePlan.layout.key,
      sheet: tablePlan.slot.name,
      columns,
      rows: tablePlan.layout.rows.map((r, i) => ({ row: placement.firstDataRow + i, cells: { ...r.cells } })),
    };
    postTables.set(tablePlan.layout.key, snapshot);
    outputs.push({
      key: tablePlan.layout.key,
      table: proxy,
      checkColumn: checkColumnOf(columns, 0),
      snapshot,
      userColumns: userColumnsOf(tablePlan.layout),
      // A new checklist's ledger-type rows get their ledger's result in 状态 (all cells blank now).
      ...(tablePlan.layout.kind === "checklist" && columns.status !== undefined
        ? { status: { column: columns.status, values: snapshot.rows.map(() => null) } }
        : {}),
    });
    const name = tablePlan.name;
    parts.push({
      part: { key: "excel.part.table", params: { name } },
      present: (r) => r.tables.some((t) => t.name === name),
    });
  }

  // ---- 基本信息 ----
  const postInputs: Record<string, InputSnapshot> = {};
  const inputChecks: InputCheckTarget[] = [];
  for (const info of plan.info) {
    const { row, at, column } = info;
    const existing = located.inputs.get(row.inputId);
    if (existing) infoSheet.getRangeByIndexes(at, Math.max(0, column - 1), 1, 1).values = [[row.label.zh]];
    else writeInfoRow(wb, infoSheet, row, at, true);
    let value: CellValue = existing ? cellValue(existing.value) : null;
    if (info.setting !== undefined) {
      infoSheet.getRangeByIndexes(at, column, 1, 1).values = [[info.setting]];
      value = info.setting;
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
      column: name.column + (INFO_COLUMNS.check - INFO_COLUMNS.value),
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
  const fixedSheet = (name: string): FixedSheet =>
    name === layout.info.sheet
      ? { proxy: infoSheet, id: infoSlot.existing?.id, name: infoSlot.name }
      : { proxy: wb.worksheets.getItem(name), id: read.sheets.find((s) => s.name === name)?.id, name };
  // Checked before anything is written: a helper cell someone typed into stops the install.
  // 自评结果's figures go with its model (whatever the sheet is called now); the rest as planned.
  const onResults = (cell: { sheet: string }) => cell.sheet === layout.results.sheet;
  const formulaWrites = planFormulaWrites(
    outputs,
    rowsOf,
    { ...formulas, cells: formulas.cells.filter((c) => !onResults(c)) },
    fixedSheet,
    raw,
    fixedFormulaCells,
  );
  writeOutputs({
    assessment,
    layout: { ...layout, results: { sheet: resultsSlot.name }, gaps: { sheet: gapsSlot.name } },
    tables: outputs,
    retired: plan.retiredItems,
    info: { sheet: infoSheet, cells: inputChecks },
    results: {
      sheet: resultsSheet,
      firstWrite: !resultsSlot.existing,
      hasChart: resultsSlot.existing?.hasScoresChart ?? false,
      formulas: formulas.cells.filter(onResults),
    },
    gaps: {
      sheet: gapsSheet,
      firstWrite: !gapsSlot.existing,
      // An upgrade keeps what was typed into 差距清单, as every other entry.
      previous: raw.sheets.find((s) => s.id === gapsSlot.existing?.id)?.rows ?? [],
    },
  });
  parts.push({
    part: { key: "excel.part.results", params: {} },
    present: (r) => r.sheets.some((s) => s.name === resultsSlot.name),
  });
  parts.push({
    part: { key: "excel.part.gaps", params: {} },
    present: (r) => r.sheets.some((s) => s.name === gapsSlot.name),
  });

  // After the text outputs, so a formula always wins over text written to the same cell.
  for (const write of formulaWrites) write();

  if (!infoSlot.existing) infoSheet.activate();

  // Ids of the new tables and sheets, loaded with the write and recorded by one more sync.
  for (const c of createdTables) {
    c.proxy.load("id");
    c.sheet.load("id");
  }
  for (const s of createdSheets) s.load("id");
  const purposeProxies = { info: infoSheet, results: resultsSheet, gaps: gapsSheet };
  for (const p of Object.values(purposeProxies)) p.load("id");
  const recordIds =
    createdTables.length > 0 || createdSheets.length > 0
      ? () => {
          const host: HostMeta = {
            sheets: (["info", "results", "gaps"] as const).map((purpose) => ({
              purpose,
              name: plan.sheets[purpose].name,
              id: plan.sheets[purpose].existing?.id ?? purposeProxies[purpose].id,
            })),
            tables: [
              ...knownTables,
              ...createdTables.map((c) => ({ key: c.key, id: c.proxy.id, sheetId: c.sheet.id })),
            ],
            renamed,
          };
          queueMetaRows(metaSheet, allMetaRows(plan.meta, host));
        }
      : null;

  return {
    summary: {
      packId: pack.id,
      packVersion: pack.version,
      upgradedFrom: located.meta?.packVersion ?? null,
      added,
      kept,
      retired: countRetiredRows(located, plan.retiredItems),
      retiredItems: [...plan.retiredItems].sort(),
      sheetsCreated: sheetsCreated + (metaSlot.existing ? 0 : 1),
      tablesCreated: plan.newTables.length,
      renamedSheets: plan.renamed,
      assessment,
    },
    parts,
    recordIds,
  };
}
