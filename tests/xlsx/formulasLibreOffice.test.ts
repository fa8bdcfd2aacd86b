import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import * as ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { findPack, type Pack } from "../../src/core/pack";
import { columnLetter, layoutFor, placeTables, type TablePlacement } from "../../src/core/layout";
import type { ColumnLayout } from "../../src/core/layout/columns";
import { assessXlsxStream } from "../../src/xlsxstream";
import { formulasFor } from "../../src/xlsx/write/formulas";
import { checkTexts, indexFindings } from "../../src/excel/outputs";
import { cli, tempDir } from "../cli/helpers";

jest.setTimeout(120_000);
const tmp = tempDir();
afterAll(() => tmp.remove());

const haveSoffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
if (!haveSoffice)
  console.warn("\n!!! LibreOffice (soffice) not found: SKIPPING the 校验 formula agreement test.\n");
const withSoffice = haveSoffice ? describe : describe.skip;

/** A small seeded generator (mulberry32): the same rows every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** Values people type, flawed and clean: dates as real dates and as text in every form the core reads. */
function valueFor(column: ColumnLayout, next: () => number): ExcelJS.CellValue {
  const pick = <T>(options: readonly T[]): T => options[Math.floor(next() * options.length)] as T;
  const day = 1 + Math.floor(next() * 28);
  const month = 1 + Math.floor(next() * 12);
  const year = pick([2016, 2017, 2018, 2018, 2019]);
  switch (column.type) {
    case "date":
      return pick<ExcelJS.CellValue>([
        utc(year, month, day),
        utc(year, month, day),
        `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
        `${year}/${month}/${day}`,
        `${year}.${month}.${day}`,
        `${year}年${month}月${day}日`,
        `${year} 年 ${month} 月 ${day} 号`,
        `２０１８-０${1 + (month % 9)}-１５`,
        `${year}${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}`,
        "2018-02-30",
        "2018-4/3",
        "下周",
        null,
      ]);
    case "yesNo":
      return pick<ExcelJS.CellValue>(["是", "是", "否", "√", "×", "Y", "no", null, "也许"]);
    case "enum":
      return pick<ExcelJS.CellValue>([...(column.values ?? []), ...(column.values ?? []), "其他", null]);
    case "number":
    case "integer":
      // 有效期 is read as years or as the last day (src/core/rules/validity.ts).
      if (column.id.startsWith("validity"))
        return pick<ExcelJS.CellValue>([
          5,
          3,
          6,
          "5年",
          "3 年",
          "2023-04-02",
          utc(2019, 6, 30),
          utc(2030, 1, 1),
          "五年",
          null,
        ]);
      return pick<ExcelJS.CellValue>([5, 12, "5人", "1,200", " ３ ", -3, 2.5, "多", null]);
    case "ratio":
      return null;
    default:
      return pick<ExcelJS.CellValue>(["事项甲", "暂行办法", "关于试行的通知", "  ", null]);
  }
}

const STATUS_VALUES = ["完成", "完成", "部分完成", "未开始", "不适用", "已完成", "done", "进行中", 5, null];

async function fill(file: string, out: string, pack: Pack, seed: number): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const next = random(seed);
  const layout = layoutFor(pack);
  // model-unit: the assessment date typed as Chinese text, read alike by the formulas' helper.
  const dateRow = layout.info.rows.find((r) => r.inputId === "assessmentDate");
  const info = workbook.getWorksheet(layout.info.sheet);
  if (pack.id === "model-unit" && dateRow && info) info.getCell(dateRow.row, 2).value = "2018年12月31日";
  for (const placement of placeTables(layout)) {
    const sheet = workbook.getWorksheet(placement.table.sheet);
    if (!sheet) continue;
    const { table, firstDataRow } = placement;
    const put = (row: number, id: string, value: ExcelJS.CellValue) => {
      const c = table.columns.findIndex((col) => col.id === id);
      if (c >= 0 && value !== null) sheet.getCell(row, c + 1).value = value;
    };
    if (table.kind === "ledger") {
      // Ten records, one blank row among them (no record), then an untouched row.
      for (let i = 0; i < 11; i++) {
        if (i === 4) continue;
        for (const column of table.columns)
          if (!column.output) put(firstDataRow + i, column.id, valueFor(column, next));
      }
      continue;
    }
    table.rows.forEach((_, i) => {
      if (next() < 0.3) return;
      const row = firstDataRow + i;
      for (const column of table.columns) {
        if (column.fixed || column.output) continue;
        if (column.id === "status")
          put(row, "status", STATUS_VALUES[Math.floor(next() * STATUS_VALUES.length)] ?? null);
        else if (column.id === "evidence" || column.id === "note")
          put(row, column.id, next() < 0.5 ? "文件" : null);
        else if (column.id === "owner") put(row, column.id, next() < 0.2 ? "张三" : null);
        else put(row, column.id, valueFor(column, next));
      }
    });
  }
  await workbook.xlsx.writeFile(out);
}

/**
 * The values LibreOffice stored, by sheet name and A1 address, read straight from the package:
 * its formula cells carry their result as `t="str"` text or a number (ExcelJS takes seconds to
 * parse 25,000 formulas only to give these back).
 */
function storedValues(bytes: Uint8Array): Map<string, Map<string, string>> {
  const files = unzipSync(bytes);
  const text = (name: string) => strFromU8(files[name] ?? new Uint8Array());
  const shared = [...text("xl/sharedStrings.xml").matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...(m[1] ?? "").matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => unescape(t[1] ?? "")).join(""),
  );
  const targets = new Map(
    [
      ...text("xl/_rels/workbook.xml.rels").matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g),
    ].map((m) => [m[1], m[2]]),
  );
  const out = new Map<string, Map<string, string>>();
  for (const m of text("xl/workbook.xml").matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = (targets.get(m[2]) ?? "").replace(/^\/?(xl\/)?/, "xl/");
    const cells = new Map<string, string>();
    for (const c of text(target).matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const v = /<v>([\s\S]*?)<\/v>/.exec(c[3] ?? "")?.[1];
      if (v === undefined) continue;
      const type = /t="(\w+)"/.exec(c[2] ?? "")?.[1];
      cells.set(
        c[1] ?? "",
        type === "s" ? (shared[Number(v)] ?? "") : type === "e" ? `#ERROR ${v}` : unescape(v),
      );
    }
    out.set(unescape(m[1] ?? ""), cells);
  }
  return out;
}

const unescape = (s: string): string =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

interface Agreement {
  rows: number;
  differences: string[];
}

async function compare(pack: Pack, filled: string, recalculated: string): Promise<Agreement> {
  // The path `taizhang check` reads a file by (src/cli/commands/check.ts).
  const assessed = assessXlsxStream(readFileSync(filled));
  const index = indexFindings(assessed.assessment);
  const lo = storedValues(readFileSync(recalculated));
  const formulas = formulasFor(pack);
  const out: Agreement = { rows: 0, differences: [] };
  for (const placement of placeTables(layoutFor(pack))) {
    const table = formulas.tables.get(placement.table.key);
    if (!table) continue;
    const snapshot = assessed.snapshot.tables[placement.table.key];
    const sheet = lo.get(placement.table.sheet);
    if (!snapshot || !sheet) throw new Error(placement.table.key);
    const userColumns = placement.table.columns.filter((c) => !c.fixed && !c.output).map((c) => c.id);
    const texts = checkTexts(snapshot, index, new Set(), userColumns);
    const byRow = new Map(snapshot.rows.map((r, i) => [r.row, texts[i] ?? ""]));
    const check = placement.table.columns.findIndex((c) => c.id === "check");
    for (const row of rowsWithFormulas(placement, table.rowFormulas, check)) {
      const got = sheet.get(`${columnLetter(check)}${row}`) ?? "";
      const want = byRow.get(row) ?? "";
      out.rows++;
      if (got !== want)
        out.differences.push(`${placement.table.sheet}!${row}: LibreOffice “${got}” core “${want}”`);
    }
  }
  return out;
}

function rowsWithFormulas(
  placement: TablePlacement,
  rowFormulas: (p: { row: number; firstColumn: number; itemId?: string }) => readonly { offset: number }[],
  check: number,
): number[] {
  if (placement.table.kind === "ledger")
    return Array.from({ length: 14 }, (_, i) => placement.firstDataRow + i);
  return (
    placement.table.rows
      .map((r, i) => ({ row: placement.firstDataRow + i, itemId: r.itemId }))
      // Rows whose 校验 is a formula (others carry only score helpers and text the CLI writes).
      .filter((r) =>
        rowFormulas({ row: r.row - 1, firstColumn: 0, itemId: r.itemId }).some((f) => f.offset === check),
      )
      .map((r) => r.row)
  );
}

// The proof: a workbook made by `taizhang init`, filled with flawed and clean rows and
// recalculated by LibreOffice (an independent spreadsheet program), shows in every 校验 cell the
// text `taizhang check`'s core gives that row.
withSoffice("校验 formulas recalculated by LibreOffice agree with the core (issue 15)", () => {
  const packs = ["township-2018", "model-unit"] as const;
  const seeds = [1];
  const results = new Map<string, Agreement>();

  beforeAll(async () => {
    const files: string[] = [];
    for (const id of packs) {
      const blank = tmp.path(`${id}.xlsx`);
      const made = await cli([
        "init",
        "--pack",
        id,
        "--township",
        "甲镇",
        "--date",
        "2018-12-31",
        "-o",
        blank,
      ]);
      expect(made.code).toBe(0);
      for (const seed of seeds) {
        const filled = tmp.path(`${id}-${seed}.xlsx`);
        await fill(blank, filled, findPack(id) as Pack, seed);
        files.push(filled);
      }
    }
    execFileSync(
      "soffice",
      [
        "--headless",
        `-env:UserInstallation=file://${tmp.path("lo-profile")}`,
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        tmp.path("out"),
        ...files,
      ],
      { stdio: "ignore", timeout: 100_000 },
    );

    for (const id of packs)
      for (const seed of seeds)
        results.set(
          `${id}-${seed}`,
          await compare(
            findPack(id) as Pack,
            tmp.path(`${id}-${seed}.xlsx`),
            tmp.path(`out/${id}-${seed}.xlsx`),
          ),
        );
  });

  it.each(packs.flatMap((id) => seeds.map((seed) => `${id}-${seed}`)))(
    "%s: every 校验 cell equals the core's text",
    (key) => {
      const result = results.get(key);
      console.log(`formulas ${key}: rows=${result?.rows} differences=${result?.differences.length}`);
      expect(result?.differences ?? ["missing"]).toEqual([]);
      expect(result?.rows).toBeGreaterThan(20);
    },
  );
});
