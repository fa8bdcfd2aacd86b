import type { Pack } from "../core/pack/schema";
import { CHECK_COLUMN } from "../core/layout";
import { INFO_INPUTS } from "../core/snapshot";
import { columnLetters, formatBox } from "./address";
import type { XlContext } from "./api";
import { toAdapterError } from "./errors";
import { installPack } from "./install";
import type { FormulasSource } from "./installFormulas";
import { INFO_COLUMNS } from "./infoSheet";
import { startLiveValidation, type LiveSession, type Schedule } from "./live";
import { type AdapterOptions, resolveOptions } from "./options";
import { readWorkbook } from "./read";
import { MINIMUM_API } from "./requirements";
import { stateFrom } from "./state";
import { inspectWorkbook, readSnapshot, recheckAll } from "./workbook";

/**
 * The adapter's contract run against the live host, so the first person with real Excel can
 * confirm what the simulator (src/sim) assumes. It works only in a blank workbook and removes
 * everything it added. Steps report data; the page turns them into text through src/i18n.
 */

export const SELF_TEST_STEPS = [
  "host",
  "blank",
  "install",
  "cellTypes",
  "readBack",
  "userEdit",
  "upgrade",
  "remove",
] as const;
export type SelfTestStepId = (typeof SELF_TEST_STEPS)[number];

export interface SelfTestStep {
  id: SelfTestStepId;
  status: "pass" | "fail" | "skip";
  /** Message key (selftest.detail.*) and its params, or an adapter error's. */
  detail: { key: string; params: Record<string, string | number> } | null;
  ms: number;
}

/** A cell the person is asked to type a value into (the one step a script cannot do for them). */
export interface EditRequest {
  sheet: string;
  address: string;
  value: string;
}

export interface SelfTestOptions extends AdapterOptions {
  pack: Pack;
  /** Shows the request to the person; the step waits for Excel's change event. */
  ask: (request: EditRequest) => void;
  onStep?: (step: SelfTestStep) => void;
  /** How long the person has to type (default 120 s). */
  editTimeoutMs?: number;
  schedule?: Schedule;
  /** The formulas install writes (defaults to the core's, as the pane installs them). */
  formulas?: FormulasSource;
}

/** A scratch sheet for the cell-type probes; removed at the end like the installed sheets. */
export const PROBE_SHEET = "台账自检";
/** What the person is asked to type into 单位名称. */
export const SELF_TEST_TOWNSHIP = "自检乡";
/** Highest ExcelApi 1.x the probe looks for. */
const HIGHEST_MINOR = 20;

class StepFailure extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

const check = (ok: boolean, key: string, params: Record<string, string | number> = {}): void => {
  if (!ok) throw new StepFailure(key, params);
};

export async function runSelfTest(options: SelfTestOptions): Promise<SelfTestStep[]> {
  const o = resolveOptions(options);
  const adapter: AdapterOptions = {
    run: o.run,
    ...(options.runWith ? { runWith: options.runWith } : {}),
    isSetSupported: o.isSetSupported,
    locale: o.locale,
  };
  const installing = options.formulas ? { ...adapter, formulas: options.formulas } : adapter;
  const steps: SelfTestStep[] = [];
  let stopped = false;
  let installed = false;
  let before: Footprint | null = null;

  const step = async (
    id: SelfTestStepId,
    body: () => Promise<SelfTestStep["detail"]>,
    always = false,
  ): Promise<boolean> => {
    if (stopped && !always) {
      record({ id, status: "skip", detail: null, ms: 0 });
      return false;
    }
    const started = Date.now();
    try {
      const detail = await body();
      record({ id, status: "pass", detail, ms: Date.now() - started });
      return true;
    } catch (error) {
      record({ id, status: "fail", detail: detailOf(error), ms: Date.now() - started });
      return false;
    }
  };
  const record = (s: SelfTestStep) => {
    steps.push(s);
    options.onStep?.(s);
  };

  await step("host", async () => {
    const minor = highestMinor(o.isSetSupported);
    check(o.isSetSupported("ExcelApi", MINIMUM_API), "selftest.detail.apiTooOld", {
      version: `1.${minor}`,
      minimum: MINIMUM_API,
    });
    return { key: "selftest.detail.api", params: { version: `1.${minor}` } };
  });
  stopped = steps[0]?.status !== "pass";

  if (
    !(await step("blank", async () => {
      before = await o.run(footprint);
      check(before.blank, "selftest.detail.notBlank");
      return null;
    }))
  )
    stopped = true;

  if (
    !(await step("install", async () => {
      installed = true;
      const summary = await installPack(options.pack, installing);
      check(summary.sheetsCreated > 0, "selftest.detail.noSheets");
      check(summary.syncs <= 3, "selftest.detail.syncs", { syncs: summary.syncs, budget: 3 });
      const found = await inspectWorkbook(adapter);
      check(
        found?.packId === options.pack.id && found.packVersion === options.pack.version,
        "selftest.detail.metaMissing",
      );
      return {
        key: "selftest.detail.installed",
        params: { sheets: summary.sheetsCreated, syncs: summary.syncs },
      };
    }))
  )
    stopped = true;

  await step("cellTypes", () => o.run(probeCellTypes));

  await step("readBack", async () => {
    const { snapshot, pack } = await readSnapshot(adapter);
    check(pack.id === options.pack.id, "selftest.detail.metaMissing");
    const outcome = await recheckAll(null, adapter);
    const expected = o.assess(pack, snapshot);
    check(
      outcome.assessment.score === expected.score &&
        outcome.assessment.findings.length === expected.findings.length,
      "selftest.detail.scoreDiffers",
      { pane: outcome.assessment.score, core: expected.score },
    );
    return {
      key: "selftest.detail.score",
      params: { score: expected.score, findings: expected.findings.length },
    };
  });

  await step("userEdit", async () => {
    const target = await o.run(townshipCell);
    check(target !== null, "selftest.detail.noInput");
    const request = target as EditRequest;
    // What the page can see of a write: the 校验 cell beside the input (text or formula) must be
    // as it was. The undo history itself is not readable through Office.js; a write would clear
    // it (before ExcelApi 1.20) or join it, so "no write" is what keeps the person's Ctrl+Z theirs.
    const beside = { ...request, address: besideOf(request.address) };
    const before = await o.run((ctx) => formulasAt(ctx, beside));
    let live: LiveSession | null = null;
    try {
      const edited = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new StepFailure("selftest.detail.noEvent", { seconds: timeoutS(options) })),
          options.editTimeoutMs ?? 120_000,
        );
        void startLiveValidation(null, {
          ...adapter,
          ...(options.schedule ? { schedule: options.schedule } : {}),
          onResult: (outcome) => {
            if (outcome.source === "Start" || outcome.assessment.township !== SELF_TEST_TOWNSHIP) return;
            clearTimeout(timer);
            if (outcome.changedCells > 0)
              reject(
                new StepFailure("selftest.detail.editWrote", { cell: `${beside.sheet}!${beside.address}` }),
              );
            else resolve(outcome.syncs);
          },
          onError: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        }).then((session) => {
          live = session;
          options.ask(request);
        }, reject);
      });
      const syncs = await edited;
      check(syncs <= 1, "selftest.detail.editSyncs", { syncs, budget: 1 });
      const after = await o.run((ctx) => formulasAt(ctx, beside));
      check(after === before, "selftest.detail.editWrote", { cell: `${beside.sheet}!${beside.address}` });
      return { key: "selftest.detail.edited", params: { syncs } };
    } finally {
      await (live as LiveSession | null)?.stop();
    }
  });

  await step("upgrade", async () => {
    // A 校验 formula overwritten with text must come back; every other one must stay.
    const formulas = await o.run(checkFormulaCells);
    const overwritten = formulas[0];
    if (overwritten) await o.run((ctx) => overwrite(ctx, overwritten));
    const summary = await installPack(options.pack, installing);
    check(summary.added === 0 && summary.retired === 0, "selftest.detail.upgradeChanged", {
      added: summary.added,
      retired: summary.retired,
    });
    const found = await inspectWorkbook(adapter);
    check(found?.township === SELF_TEST_TOWNSHIP, "selftest.detail.entryLost", {
      value: found?.township ?? "",
    });
    const now = new Map((await o.run(checkFormulaCells)).map((f) => [`${f.sheet}!${f.address}`, f.formula]));
    for (const f of formulas) {
      const cell = `${f.sheet}!${f.address}`;
      check(now.get(cell) === f.formula, "selftest.detail.formulaLost", { cell });
    }
    return { key: "selftest.detail.keptFormulas", params: { kept: summary.kept, formulas: formulas.length } };
  });

  // Cleans up whatever the earlier steps added, even after a failure.
  await step(
    "remove",
    async () => {
      const start = before as Footprint | null;
      if (!start || !installed) return null;
      const removed = await o.run((ctx) => removeAdded(ctx, start));
      const left = await inspectWorkbook(adapter);
      check(left === null, "selftest.detail.notRemoved");
      return { key: "selftest.detail.removed", params: removed };
    },
    true,
  );
  return steps;
}

function highestMinor(isSetSupported: (name: string, version: string) => boolean): number {
  let minor = 0;
  for (let n = 1; n <= HIGHEST_MINOR; n++) if (isSetSupported("ExcelApi", `1.${n}`)) minor = n;
  return minor;
}

const timeoutS = (options: SelfTestOptions) => Math.round((options.editTimeoutMs ?? 120_000) / 1000);

function detailOf(error: unknown): SelfTestStep["detail"] {
  if (error instanceof StepFailure) return { key: error.key, params: error.params };
  const adapterError = toAdapterError(error);
  return {
    key: "selftest.detail.error",
    params: { code: adapterError.code, detail: adapterError.message },
  };
}

interface Footprint {
  blank: boolean;
  sheets: string[];
  names: string[];
}

/** Sheet names and defined names before the test, and whether the workbook holds anything. */
async function footprint(ctx: XlContext): Promise<Footprint> {
  const sheets = ctx.workbook.worksheets.load("items/name");
  const names = ctx.workbook.names.load("items/name");
  await ctx.sync();
  const used = sheets.items.map((s) => s.getUsedRangeOrNullObject(true).load("address"));
  await ctx.sync();
  return {
    blank: used.every((r) => r.isNullObject) && names.items.length === 0,
    sheets: sheets.items.map((s) => s.name),
    names: names.items.map((n) => n.name),
  };
}

/**
 * What src/sim assumes about cell values: text written under "@" stays text, "=…" without it is
 * taken for a formula (why src/excel/textCells.ts exists), and a date reads back as its serial.
 */
async function probeCellTypes(ctx: XlContext): Promise<SelfTestStep["detail"]> {
  const sheet = ctx.workbook.worksheets.add(PROBE_SHEET);
  const text = sheet.getRange("A1");
  text.numberFormat = [["@"]];
  text.values = [["=1+1"]];
  sheet.getRange("A2").values = [["=1+1"]];
  const date = sheet.getRange("A3");
  date.numberFormat = [["yyyy-mm-dd"]];
  date.values = [[43466]];
  const read = sheet.getRange("A1:A3").load("values");
  await ctx.sync();
  const [a1, a2, a3] = read.values.map((row) => row[0]);
  check(a1 === "=1+1", "selftest.detail.textBecameFormula", { value: String(a1) });
  check(a2 !== "=1+1", "selftest.detail.formulaKeptAsText");
  check(a3 === 43466, "selftest.detail.dateNotSerial", { value: String(a3) });
  return null;
}

/** Where 单位名称 is, found the way every check finds it (its defined name or its label). */
async function townshipCell(ctx: XlContext): Promise<EditRequest | null> {
  const state = stateFrom(await readWorkbook(ctx), undefined);
  const input = state.inputs.get(INFO_INPUTS.township);
  if (!input) return null;
  const address = formatBox({ r0: input.row, c0: input.column, r1: input.row, c1: input.column });
  return { sheet: input.sheetName, address, value: SELF_TEST_TOWNSHIP };
}

/** Deletes names and sheets the test added; a VeryHidden sheet is made Hidden first (Excel refuses otherwise). */
async function removeAdded(ctx: XlContext, start: Footprint): Promise<{ sheets: number; names: number }> {
  const sheets = ctx.workbook.worksheets.load("items/name,items/visibility");
  const names = ctx.workbook.names.load("items/name");
  await ctx.sync();
  const addedNames = names.items.filter((n) => !start.names.includes(n.name));
  const addedSheets = sheets.items.filter((s) => !start.sheets.includes(s.name));
  for (const n of addedNames) n.delete();
  for (const s of addedSheets) {
    if (s.visibility === "VeryHidden") s.visibility = "Hidden";
    s.delete();
  }
  await ctx.sync();
  return { sheets: addedSheets.length, names: addedNames.length };
}

/** The cell three columns right of an input: its 校验 on 基本信息. */
function besideOf(address: string): string {
  const match = /^([A-Z]+)(\d+)$/.exec(address);
  if (!match) return address;
  const column = columnIndexOf(match[1] ?? "A") + (INFO_COLUMNS.check - INFO_COLUMNS.value);
  return `${columnLetters(column)}${match[2] ?? "1"}`;
}

function columnIndexOf(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A cell's formula, or its value when it has none (Range.formulas), as text. */
async function formulasAt(ctx: XlContext, at: { sheet: string; address: string }): Promise<string> {
  const range = ctx.workbook.worksheets.getItem(at.sheet).getRange(at.address).load("formulas");
  await ctx.sync();
  return String(range.formulas[0]?.[0] ?? "");
}

interface FormulaCell {
  sheet: string;
  address: string;
  formula: string;
}

/** Every 校验 cell of Taizhang's tables that holds a formula. */
async function checkFormulaCells(ctx: XlContext): Promise<FormulaCell[]> {
  const tables = ctx.workbook.tables.load("items/name");
  await ctx.sync();
  const columns = tables.items
    .filter((t) => /^tz_/i.test(t.name))
    .map((t) => {
      const column = t.columns.getItemOrNullObject(CHECK_COLUMN.header.zh);
      const body = column.getDataBodyRange().load("formulas,rowIndex,columnIndex,worksheet/name");
      return { column, body };
    });
  await ctx.sync();
  const out: FormulaCell[] = [];
  for (const { column, body } of columns) {
    if (column.isNullObject) continue;
    body.formulas.forEach((row, i) => {
      const formula = row[0];
      if (typeof formula !== "string" || !formula.startsWith("=")) return;
      const address = `${columnLetters(body.columnIndex)}${body.rowIndex + i + 1}`;
      out.push({ sheet: body.worksheet.name, address, formula });
    });
  }
  return out;
}

/** A person typing over a 校验 formula (what an upgrade must repair). */
async function overwrite(ctx: XlContext, cell: FormulaCell): Promise<void> {
  ctx.workbook.worksheets.getItem(cell.sheet).getRange(cell.address).values = [["自检覆盖"]];
  await ctx.sync();
}
