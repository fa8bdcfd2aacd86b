import { execFileSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  linkSync,
  mkdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import { findPack } from "../../src/core/pack/builtin";
import { buildTemplate, saveXlsx } from "../../src/xlsx";
import { fillTownship, headerColumn, itemRow } from "../cli/helpers";
import { hugeSheet, readZip, textGridSheet, writeZip, type ZipEntry } from "./zip";

/**
 * Issue 13's corpus, generated at test time (deterministic: no clock, no randomness): malformed,
 * hostile and edited inputs, and what the CLI must do with each. Every input file's hash is
 * checked unchanged after the run, and every `untouched` path is as it was before.
 */
export interface CorpusCase {
  name: string;
  args: string[];
  exit: number;
  /** Catalog keys whose text (params as wildcards) must appear on stderr or stdout. */
  messages: string[];
  /** Files the run reads: their bytes must not change. */
  inputs: string[];
  /** Paths the run must leave as they were (absent stays absent). */
  untouched: string[];
  /** Text the output must not contain. */
  absent?: RegExp[];
  lang?: "zh-CN" | "en-US";
  /** Run as an unprivileged user (root reads everything: the permission case needs it). */
  unprivileged?: boolean;
  /** Extra checks on files the run wrote. */
  after?: () => Promise<void>;
}

const MB = 1024 * 1024;
const SHEET = "xl/worksheets/sheet3.xml";

export async function buildCorpus(dir: string): Promise<CorpusCase[]> {
  const p = (name: string) => join(dir, name);
  const pack = findPack("township-2018");
  if (!pack) throw new Error("township-2018 pack missing");
  const blank = await saveXlsx(buildTemplate(pack, { township: "甲镇", assessmentDate: "2018-12-31" }));
  writeFileSync(p("blank.xlsx"), blank);
  await fillTownship(p("blank.xlsx"), p("filled.xlsx"));
  const base = readZip(blank);
  const withSheet = (entry: ZipEntry) => writeZip(base.map((e) => (e.name === SHEET ? entry : e)));
  const file = (name: string, bytes: Uint8Array) => {
    writeFileSync(p(name), bytes);
    return p(name);
  };
  const ole = (encrypted: boolean) => {
    const out = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(out, 0);
    Buffer.from(encrypted ? "EncryptedPackage" : "Workbook", "utf16le").copy(out, 1152);
    return out;
  };
  const huge280Cells = hugeSheet(280 * MB, 20);
  // Whitespace past the 100 MB inflated-bytes limit (no cells to stop at first).
  const hugeBlank = hugeSheet(150 * MB, 0);
  const plainBook = new ExcelJS.Workbook();
  plainBook.addWorksheet("Sheet1").getCell("A1").value = "姓名";
  const refused = (name: string, bytes: Uint8Array, message: string, exit = 2): CorpusCase => {
    const input = file(`${name}.xlsx`, bytes);
    const out = p(`${name}.report.html`);
    return {
      name,
      args: ["report", input, "-o", out],
      exit,
      messages: [message],
      inputs: [input],
      untouched: [out],
    };
  };

  const cases: CorpusCase[] = [
    refused("empty", new Uint8Array(0), "xlsx.error.empty"),
    refused("csv-named-xlsx", Buffer.from("姓名,日期\n张三,2018-01-01\n"), "xlsx.error.notZip"),
    refused("truncated-zip", blank.subarray(0, Math.floor(blank.length / 2)), "xlsx.error.corrupt"),
    refused("overwritten-bytes", Buffer.from(blank).fill(0x41, 200, 4000), "xlsx.error.corrupt"),
    refused("encrypted", ole(true), "xlsx.error.encrypted"),
    refused("legacy-xls-renamed", ole(false), "xlsx.error.legacyXls"),
    refused("not-taizhang", await saveXlsx(plainBook), "xlsx.error.notTaizhang"),
    refused(
      "zip-not-workbook",
      writeZip([{ name: "readme.txt", data: Buffer.from("hello") }]),
      "xlsx.error.notXlsx",
    ),
    refused(
      "honest-zip-bomb",
      withSheet({ name: SHEET, data: new Uint8Array(0), ...hugeBlank }),
      "xlsx.error.zipBomb",
    ),
    refused(
      "lying-central-directory",
      withSheet({ name: SHEET, data: new Uint8Array(0), ...hugeBlank, claimSize: 4096 }),
      "xlsx.error.zipBomb",
    ),
    refused(
      "lying-directory-280mb-of-cells",
      withSheet({ name: SHEET, data: new Uint8Array(0), ...huge280Cells, claimSize: 4096 }),
      "xlsx.error.tooManyCells",
    ),
    refused(
      "honest-too-many-cells",
      withSheet({ name: SHEET, data: textGridSheet(25_000, 12, 0) }),
      "xlsx.error.tooManyCells",
    ),
    refused(
      "too-many-entries",
      writeZip(Array.from({ length: 5001 }, (_, i) => ({ name: `x/${i}.xml`, data: Buffer.from("<a/>") }))),
      "xlsx.error.zipBomb",
    ),
  ];

  // Not regular files, unreadable, missing.
  execFileSync("mkfifo", [p("fifo.xlsx")]);
  mkdirSync(p("folder.xlsx"));
  const unreadable = file("unreadable.xlsx", readFileSync(p("filled.xlsx")));
  chmodSync(unreadable, 0o000);
  symlinkSync(p("nowhere.xlsx"), p("broken-link.xlsx"));
  cases.push(
    {
      name: "fifo",
      args: ["check", p("fifo.xlsx")],
      exit: 2,
      messages: ["cli.error.inputNotFile"],
      inputs: [],
      untouched: [],
    },
    {
      name: "dev-zero",
      args: ["check", "/dev/zero"],
      exit: 2,
      messages: ["cli.error.inputNotFile"],
      inputs: [],
      untouched: [],
      lang: "en-US",
    },
    {
      name: "directory",
      args: ["check", p("folder.xlsx")],
      exit: 2,
      messages: ["cli.error.inputIsDirectory"],
      inputs: [],
      untouched: [],
    },
    {
      name: "unreadable",
      args: ["check", unreadable],
      exit: 2,
      messages: ["cli.error.inputPermission"],
      inputs: [unreadable],
      untouched: [],
      unprivileged: true,
    },
    {
      name: "unreadable-en",
      args: ["check", unreadable],
      exit: 2,
      messages: ["cli.error.inputPermission"],
      inputs: [unreadable],
      untouched: [],
      unprivileged: true,
      lang: "en-US",
    },
    {
      name: "missing",
      args: ["check", p("absent.xlsx")],
      exit: 2,
      messages: ["cli.error.inputMissing"],
      inputs: [],
      untouched: [],
    },
    {
      name: "broken-link",
      args: ["check", p("broken-link.xlsx")],
      exit: 2,
      messages: ["cli.error.inputMissing"],
      inputs: [],
      untouched: [],
    },
  );

  // Outputs that are inputs under another name.
  copyFileSync(p("filled.xlsx"), p("in.xlsx"));
  symlinkSync(p("in.xlsx"), p("link.xlsx"));
  linkSync(p("in.xlsx"), p("hard.xlsx"));
  cases.push(
    {
      name: "report-link-over-its-target",
      args: ["report", p("link.xlsx"), "-o", p("in.xlsx"), "--force"],
      exit: 2,
      messages: ["cli.error.outputIsInput"],
      inputs: [p("in.xlsx")],
      untouched: [p("in.xlsx")],
    },
    {
      name: "report-over-a-link-to-the-input",
      args: ["report", p("in.xlsx"), "-o", p("link.xlsx"), "--force"],
      exit: 2,
      messages: ["cli.error.outputIsInput"],
      inputs: [p("in.xlsx")],
      untouched: [p("link.xlsx")],
    },
    {
      name: "report-over-a-hard-link",
      args: ["report", p("in.xlsx"), "-o", p("hard.xlsx"), "--force"],
      exit: 2,
      messages: ["cli.error.outputIsInput"],
      inputs: [p("in.xlsx")],
      untouched: [p("hard.xlsx")],
    },
    {
      name: "consolidate-o-x-html-x",
      args: ["consolidate", p("in.xlsx"), "-o", p("x.out"), "--html", p("x.out"), "--force"],
      exit: 2,
      messages: ["cli.error.outputsSame"],
      inputs: [p("in.xlsx")],
      untouched: [p("x.out")],
    },
  );

  // Edited and hostile contents: read, with the right findings, nothing injected.
  const edited = await editedWorkbook(p("blank.xlsx"), p("edited.xlsx"));
  cases.push({
    name: "negative-counts-odd-dates-invisible-spaces",
    args: ["check", edited],
    exit: 1,
    messages: ["finding.value.number.negative", "finding.value.date.invalid"],
    inputs: [edited],
    untouched: [],
    absent: [/\+0571/, /1899-12-25/, /“完\u200B成”/],
  });
  mkdirSync(p("towns"));
  await hostileWorkbook(p("blank.xlsx"), p("towns/hostile.xlsx"));
  copyFileSync(p("filled.xlsx"), p("towns/good.xlsx"));
  writeFileSync(p("towns/old.xls"), ole(false));
  writeFileSync(
    p("towns/bomb.xlsx"),
    withSheet({ name: SHEET, data: new Uint8Array(0), ...huge280Cells, claimSize: 4096 }),
  );
  cases.push({
    name: "consolidate-folder-hostile-xls-bomb",
    args: ["consolidate", p("towns"), "-o", p("towns-sum.xlsx")],
    exit: 0,
    messages: ["cli.consolidate.skip.legacyFormat", "xlsx.error.tooManyCells", "cli.consolidate.done"],
    inputs: [p("towns/hostile.xlsx"), p("towns/good.xlsx"), p("towns/old.xls"), p("towns/bomb.xlsx")],
    untouched: [],
    after: async () => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(p("towns-sum.xlsx"));
      const texts: string[] = [];
      book.eachSheet((s) =>
        s.eachRow((row) =>
          row.eachCell((cell) => {
            if (typeof cell.value === "object" && cell.value && "formula" in cell.value) {
              throw new Error(`formula in the summary: ${s.name}!${cell.address}`);
            }
            texts.push(String(cell.value));
          }),
        ),
      );
      if (!texts.includes(HOSTILE_TOWNSHIP))
        throw new Error("the hostile township name is not in the summary as text");
    },
  });
  return cases;
}

export const HOSTILE_TOWNSHIP = '=HYPERLINK("http://evil.example/","点我")';

/** Negative counts, dates −5 / 60 / 20180525 in a date column, and 完<ZWSP>成 as a status. */
async function editedWorkbook(from: string, to: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(from);
  const info = book.getWorksheet("基本信息") as ExcelJS.Worksheet;
  const setName = (name: string, value: ExcelJS.CellValue) => {
    const ref = book.definedNames.getRanges(name).ranges[0] as string;
    info.getCell(ref.split("!")[1]?.replace(/\$/g, "") ?? "").value = value;
  };
  setName("TZ_establishedStaff", -20);
  setName("TZ_certifiedStaff", -12);
  setName("TZ_recorders", 6);
  setName("TZ_legalStaff", 2);
  const sheet = book.getWorksheet("二(一)依法决策") as ExcelJS.Worksheet;
  const col = (h: string) => headerColumn(sheet, 2, h);
  const row = (id: string) => itemRow(sheet, id);
  sheet.getCell(row("T2.1.2"), col("状态")).value = "完\u200B成";
  sheet.getCell(row("T2.1.2"), col("佐证材料")).value = "会议纪要";
  const dates: [string, number][] = [
    ["T2.1.2", 20180525],
    ["T2.1.3", -5],
    ["T2.1.4", 60],
  ];
  for (const [id, serial] of dates) {
    const cell = sheet.getCell(row(id), col("完成日期"));
    cell.value = serial;
    cell.numFmt = "yyyy-mm-dd";
    if (id !== "T2.1.2") sheet.getCell(row(id), col("状态")).value = "完成";
  }
  await book.xlsx.writeFile(to);
  return to;
}

/** A township whose name and 责任人 are formulas if written carelessly. */
async function hostileWorkbook(from: string, to: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(from);
  const info = book.getWorksheet("基本信息") as ExcelJS.Worksheet;
  const ref = book.definedNames.getRanges("TZ_township").ranges[0] as string;
  info.getCell(ref.split("!")[1]?.replace(/\$/g, "") ?? "").value = HOSTILE_TOWNSHIP;
  const sheet = book.getWorksheet("二(一)依法决策") as ExcelJS.Worksheet;
  sheet.getCell(itemRow(sheet, "T2.1.2"), headerColumn(sheet, 2, "责任人")).value = "=cmd|' /C calc'!A0";
  await book.xlsx.writeFile(to);
}
