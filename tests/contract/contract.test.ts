import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import type * as ExcelJS from "exceljs";
import fc from "fast-check";
import { assess } from "../../src/core/assess";
import type { Assessment } from "../../src/core/assessment";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { layoutFor } from "../../src/core/layout";
import { dateTypedAsText } from "../../src/core/values";
import { installPack, readSnapshot as readFromExcel, recheckAll } from "../../src/excel";
import { FakeExcel } from "../../src/sim";
import { openXlsxWorkbook } from "../../src/preview/xlsx";
import { buildTemplate, openWorkbook, readSnapshot, saveXlsx } from "../../src/xlsx";
import { openXlsxStream } from "../../src/xlsxstream";
import { readWorkbookSnapshot } from "../../src/core/read";
import { miniPack } from "../fixtures/miniPack";
import { type ContractCase, contractCase } from "./cases";

/**
 * The contract (issue 10, design.md §7): random filled workbooks read through every path give the
 * same assessment — every finding, item score, group score and total.
 *   file:    the .xlsx reader (the CLI), on the file the edits were saved in;
 *   excel:   the Office.js adapter on the simulator: the add-in installs the pack into an empty
 *            workbook and the edits are made through Office.js calls (another writer, another
 *            host making the same edits);
 *   preview: the preview's open path (the file loaded into the simulator), then the adapter;
 *   stream:  the streaming reader (CLI check/consolidate, the pane's 汇总) on the same file.
 * A share of the files is re-saved by LibreOffice (one soffice process for the batch) before the
 * file and preview paths read them.
 */
const WORKBOOKS = Number(process.env.CONTRACT_WORKBOOKS ?? 500);
const SEED = 20_181_231;
/** Every LIBREOFFICE_EVERY-th workbook goes through LibreOffice: ~13 of 500. */
const LIBREOFFICE_EVERY = 40;

// Four reading paths over 500 workbooks and 13 LibreOffice re-saves: minutes on a loaded 2-core machine.
jest.setTimeout(900_000);

const haveSoffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
if (!haveSoffice) console.warn("!!! soffice not found: the contract runs without LibreOffice re-saves");

const layout = layoutFor(miniPack);
const cases = fc.sample(contractCase, { seed: SEED, numRuns: WORKBOOKS });

function editedFile(c: ContractCase): ExcelJS.Workbook {
  const wb = buildTemplate(miniPack, { township: "" });
  for (const w of c.writes)
    (wb.getWorksheet(w.sheet) as ExcelJS.Worksheet).getCell(w.row, w.column).value = w.value;
  for (const r of c.renames) (wb.getWorksheet(r.from) as ExcelJS.Worksheet).name = r.to;
  for (const r of c.tableRenames) {
    // ExcelJS keeps a table's name in its model; its typings leave the model out.
    const table = wb.worksheets
      .map((ws) => (ws as unknown as { tables: Record<string, { table: { name: string } }> }).tables[r.from])
      .find((t) => t !== undefined);
    if (table) table.table.name = r.to;
  }
  return wb;
}

async function throughFile(bytes: Uint8Array): Promise<Assessment> {
  const { workbook, meta, raw } = await openWorkbook(bytes);
  return assess(miniPack, readSnapshot(workbook, layout, meta, raw).snapshot);
}

function throughStream(bytes: Uint8Array): Assessment {
  const { meta, raw } = openXlsxStream(bytes);
  return assess(miniPack, readWorkbookSnapshot(raw, layout, meta).snapshot);
}

async function throughAdapter(excel: FakeExcel): Promise<Assessment> {
  const outcome = await recheckAll(miniPack, { run: excel.run, isSetSupported: excel.isSetSupported });
  return outcome.assessment;
}

async function throughOfficeJs(c: ContractCase): Promise<Assessment> {
  const excel = new FakeExcel({ apiVersion: "1.14", sheets: ["Sheet1"] });
  const options = { run: excel.run, isSetSupported: excel.isSetSupported };
  await installPack(miniPack, options);
  await excel.run(async (ctx) => {
    const targets = c.writes.map((w) => ({
      w,
      range: ctx.workbook.worksheets
        .getItem(w.sheet)
        .getRangeByIndexes(w.row - 1, w.column - 1, 1, 1)
        .load("numberFormat"),
    }));
    await ctx.sync();
    for (const { w, range } of targets) range.values = [[asTyped(w.value, range.numberFormat[0]?.[0])]];
    for (const r of c.renames) ctx.workbook.worksheets.getItem(r.from).name = r.to;
    for (const r of c.tableRenames) ctx.workbook.tables.getItem(r.from).name = r.to;
    await ctx.sync();
  });
  const { snapshot } = await readFromExcel({ ...options, pack: miniPack });
  return assess(miniPack, snapshot);
}

/**
 * The file keeps a date written as text as text; Excel would convert "2018-04-03" typed through
 * Office.js into a date, so the same edit there keeps it text the way a person does, with a
 * leading apostrophe (a date typed as text is a finding of its own, date.textNotDate). A cell
 * formatted as text keeps what is written as it is, so it gets no apostrophe.
 */
const asTyped = (value: string | number, format: unknown): string | number =>
  typeof value === "string" && format !== "@" && dateTypedAsText(value) !== null ? `'${value}` : value;

/** Re-saves files with one LibreOffice process; returns the new bytes by file name. */
function libreOfficeResave(files: Map<string, Uint8Array>): Map<string, Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), "tz-contract-"));
  try {
    const input = join(dir, "in");
    mkdirSync(input);
    for (const [name, bytes] of files) writeFileSync(join(input, name), bytes);
    const run = spawnSync(
      "soffice",
      [
        "--headless",
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        join(dir, "out"),
        ...[...files.keys()].map((name) => join(input, name)),
      ],
      { stdio: "ignore", timeout: 180_000 },
    );
    if (run.status !== 0) throw new Error(`soffice failed (${String(run.status)})`);
    return new Map(
      [...files.keys()].map((name) => [name, new Uint8Array(readFileSync(join(dir, "out", name)))]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Difference {
  index: number;
  path: string;
  libreOffice: boolean;
  first: string;
}

/** Where two assessments first differ, for the failure message. */
function firstDifference(a: Assessment, b: Assessment): string {
  for (const key of Object.keys(a) as (keyof Assessment)[]) {
    if (!isDeepStrictEqual(a[key], b[key])) {
      const av = a[key];
      const bv = b[key];
      if (Array.isArray(av) && Array.isArray(bv)) {
        const i = av.findIndex((x, j) => !isDeepStrictEqual(x, bv[j]));
        return `${key}[${i}]: ${JSON.stringify(av[i])} vs ${JSON.stringify(bv[i])} (lengths ${av.length}/${bv.length})`;
      }
      return `${key}: ${JSON.stringify(av)} vs ${JSON.stringify(bv)}`;
    }
  }
  return "";
}

describe("contract: every reading path gives the same assessment", () => {
  const differences: Difference[] = [];
  let compared = 0;
  let resaved = 0;
  /** Finding codes the workbooks gave, to show what the random cases reached. */
  const seen = new Set<string>();

  beforeAll(async () => {
    const bytes = await Promise.all(cases.map((c) => saveXlsx(editedFile(c))));
    const viaLibreOffice = new Map<string, Uint8Array>();
    if (haveSoffice) {
      cases.forEach((_, i) => {
        if (i % LIBREOFFICE_EVERY === 0) viaLibreOffice.set(`case-${i}.xlsx`, bytes[i] as Uint8Array);
      });
      for (const [name, file] of libreOfficeResave(viaLibreOffice)) {
        bytes[Number(/\d+/.exec(name)?.[0])] = file;
        resaved += 1;
      }
    }
    for (const [index, c] of cases.entries()) {
      const file = bytes[index] as Uint8Array;
      const libreOffice = viaLibreOffice.has(`case-${index}.xlsx`);
      const expected = await throughFile(file);
      for (const f of expected.findings) seen.add(f.code);
      const preview = await throughAdapter((await openXlsxWorkbook(file)).excel);
      const excel = await throughOfficeJs(c);
      const stream = throughStream(file);
      for (const [path, got] of [
        ["preview", preview],
        ["excel", excel],
        ["stream", stream],
      ] as const) {
        if (!isDeepStrictEqual(got, expected))
          differences.push({ index, path, libreOffice, first: firstDifference(expected, got) });
      }
      compared += 1;
    }
  });

  it("finds no difference", () => {
    console.log(
      `contract: workbooks=${compared} differences=${differences.length}\n` +
        `contract: libreoffice_resaves=${resaved} finding_codes=${seen.size}`,
    );
    // The generator must reach what the contract is about, or it proves nothing.
    for (const code of [
      "row.outsideTable",
      "column.missing",
      "dateOrder.violated",
      "value.date.invalid",
      "date.textNotDate",
    ])
      expect([code, seen.has(code)]).toEqual([code, true]);
    expect(differences.slice(0, 5)).toEqual([]);
    expect(compared).toBeGreaterThanOrEqual(WORKBOOKS);
  });
});

describe("contract: a date typed as text stays text on every path (issue 15)", () => {
  // 决策台账 row 3: 合法性审查日期 (B) as text, 决定日期 (C) a real date (2018-04-10 = 43200).
  const textDate: ContractCase = {
    writes: [
      { sheet: "决策台账", row: 3, column: 1, value: "道路改造" },
      { sheet: "决策台账", row: 3, column: 2, value: "2018-04-03" },
      { sheet: "决策台账", row: 3, column: 3, value: 43200 },
    ],
    renames: [],
    tableRenames: [],
  };

  it("reads the text as a string and the date as a date, and warns about the text alone", async () => {
    const file = await saveXlsx(editedFile(textDate));
    const { workbook, meta, raw } = await openWorkbook(file);
    const cells = (snapshot: WorkbookSnapshot) =>
      snapshot.tables["ledger:decisions"]?.rows.find((r) => r.row === 3)?.cells ?? {};
    const fromFile = cells(readSnapshot(workbook, layout, meta, raw).snapshot);
    const fromStream = cells(readWorkbookSnapshot(openXlsxStream(file).raw, layout, meta).snapshot);
    const preview = (await openXlsxWorkbook(file)).excel;
    const fromPreview = cells(
      (await readFromExcel({ run: preview.run, isSetSupported: preview.isSetSupported, pack: miniPack }))
        .snapshot,
    );
    for (const read of [fromFile, fromStream, fromPreview]) {
      expect(read.reviewDate).toBe("2018-04-03");
      expect(typeof read.decisionDate).not.toBe("string");
    }
    const expected = await throughFile(file);
    expect(
      expected.findings.filter((f) => f.code === "date.textNotDate").map((f) => [f.cell, f.severity]),
    ).toEqual([["B3", "warning"]]);
    for (const got of [throughStream(file), await throughAdapter(preview), await throughOfficeJs(textDate)])
      expect(firstDifference(expected, got)).toBe("");
  });
});
