import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type * as ExcelJS from "exceljs";
import { strToU8, unzipSync, zipSync } from "fflate";
import { STATUS_VALUES } from "../../src/core/layout";
import { findPack } from "../../src/core/pack/builtin";
import type { RawWorkbook } from "../../src/core/read";
import { assessWorkbookBytes, buildTemplate, openWorkbook, saveXlsx } from "../../src/xlsx";
import { loadXlsx } from "../../src/xlsx/exceljs";
import { DEFAULT_LIMITS, type InputLimits } from "../../src/xlsx/guard";
import { rawFromWorkbook } from "../../src/xlsx/read/raw";
import { assessXlsxStream, rawWorkbook } from "../../src/xlsxstream";
import { seededRandom } from "../support/townshipSnapshot";

jest.setTimeout(120_000);

const haveSoffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;

/** The raw model as plain data (a sheet's rows are read through its getter). */
function plain(raw: RawWorkbook): unknown {
  return {
    sheets: raw.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => [...r]), tables: s.tables })),
    names: raw.names,
  };
}

async function filledTownship(): Promise<Uint8Array> {
  const pack = findPack("township-2018");
  if (!pack) throw new Error("township-2018 pack missing");
  const wb = buildTemplate(pack, { township: "甲镇", assessmentDate: "2018-12-31" });
  const next = seededRandom(7);
  for (const sheet of wb.worksheets) {
    const header = sheet.getRow(2).values as unknown[];
    const status = header.indexOf("状态");
    const date = header.indexOf("完成日期");
    if (status > 0) {
      for (let r = 3; r <= sheet.rowCount; r++) {
        if (!sheet.getCell(r, 1).value) continue;
        sheet.getCell(r, status).value = STATUS_VALUES[Math.floor(next() * STATUS_VALUES.length)] ?? null;
        // Dates as Date (a date-formatted serial in the file), as text, and as a bare number.
        const pick = next();
        sheet.getCell(r, date).value =
          pick < 0.5
            ? new Date(Date.UTC(2018, Math.floor(next() * 12), 1 + Math.floor(next() * 28)))
            : pick < 0.8
              ? "2018.4.3"
              : 43_101.5;
      }
    } else if (sheet.name.endsWith("台账")) {
      header.forEach((h, c) => {
        if (typeof h === "string" && h !== "校验")
          sheet.getCell(3, c).value = h.includes("日期") ? new Date(Date.UTC(2018, 5, 1)) : "是";
      });
    }
  }
  const info = wb.getWorksheet("基本信息");
  if (info) {
    info.getCell("B6").value = { formula: "2*3", result: 6 } as ExcelJS.CellFormulaValue;
    info.getCell("B7").value = { richText: [{ text: "十" }, { text: "二" }] };
    info.getCell("D2").value = { text: "链接", hyperlink: "https://example.org" };
    info.getCell("D3").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    info.getCell("D4").value = true;
    info.mergeCells("D5:E6");
    info.getCell("D5").value = "合并";
  }
  return saveXlsx(wb);
}

function libreOfficeResave(bytes: Uint8Array): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), "tz-stream-"));
  try {
    mkdirSync(join(dir, "in"));
    writeFileSync(join(dir, "in", "book.xlsx"), bytes);
    const run = spawnSync(
      "soffice",
      [
        "--headless",
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        join(dir, "out"),
        join(dir, "in", "book.xlsx"),
      ],
      { stdio: "ignore", timeout: 90_000 },
    );
    if (run.status !== 0) throw new Error(`soffice failed (${String(run.status)})`);
    return new Uint8Array(readFileSync(join(dir, "out", "book.xlsx")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A package written by hand, with what ExcelJS never writes but other programs do. */
function handWritten(sheetData: string, options: { date1904?: boolean; after?: string } = {}): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(
      `<?xml version="1.0"?><workbook ${NS} ${RNS}><workbookPr${options.date1904 ? ' date1904="1"' : ""}/><sheets>` +
        '<sheet name="数据 表" sheetId="3" r:id="rId1"/></sheets><definedNames>' +
        "<definedName name=\"TZ_one\">'数据 表'!$B$2</definedName><definedName name=\"TZ_area\">'数据 表'!$A$1:$B$2</definedName>" +
        "</definedNames></workbook>",
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="/xl/sharedStrings.xml"/>` +
        `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
    "xl/sharedStrings.xml": strToU8(
      `<?xml version="1.0"?><sst ${NS} count="3" uniqueCount="3"><si><t>完成</t></si>` +
        "<si><r><t>部分</t></r><r><rPr><b/></rPr><t>完成</t></r></si>" +
        '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si></sst>',
    ),
    "xl/styles.xml": strToU8(
      `<?xml version="1.0"?><styleSheet ${NS}><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>` +
        '<numFmt numFmtId="165" formatCode="0.00&quot;天&quot;"/></numFmts>' +
        '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>' +
        '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="14"/><xf numFmtId="165"/></cellXfs></styleSheet>',
    ),
    "xl/worksheets/sheet1.xml": strToU8(
      `<?xml version="1.0"?><worksheet ${NS} ${RNS}><sheetData>${sheetData}</sheetData>${options.after ?? ""}</worksheet>`,
    ),
  });
}

describe("streaming reader: the same raw cells as the ExcelJS reader", () => {
  it("reads a filled township workbook cell for cell, and scores it the same", async () => {
    const bytes = await filledTownship();
    expect(plain(rawWorkbook(bytes))).toEqual(plain((await openWorkbook(bytes)).raw));
    expect(assessXlsxStream(bytes).assessment).toEqual((await assessWorkbookBytes(bytes)).assessment);
  });

  (haveSoffice ? it : it.skip)("reads the same workbook re-saved by LibreOffice cell for cell", async () => {
    const bytes = libreOfficeResave(await filledTownship());
    expect(plain(rawWorkbook(bytes))).toEqual(plain((await openWorkbook(bytes)).raw));
    expect(assessXlsxStream(bytes).assessment).toEqual((await assessWorkbookBytes(bytes)).assessment);
  });

  it("reads inline strings, shared formulas, rich and phonetic strings, dates by number format", async () => {
    const bytes = handWritten(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>甲镇</t></is></c><c r="B1" t="inlineStr"><is><r><t>乙</t></r><r><t>镇</t></r></is></c>' +
        '<c r="C1" t="s"><v>1</v></c><c r="D1" t="s"><v>2</v></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="e"><v>#DIV/0!</v></c></row>' +
        '<row r="2"><c r="A2" s="1"><v>43101</v></c><c r="B2" s="2"><v>43465.25</v></c><c r="C2" s="3"><v>43101</v></c>' +
        '<c r="D2"><f t="shared" ref="D2:D4" si="0">C2+1</f><v>43102</v></c><c r="E2" t="str"><f>"a&amp;amp;b"</f><v>a&amp;amp;b</v></c>' +
        '<c r="F2" s="1"><f>A2</f><v>43101</v></c></row>' +
        '<row r="3"><c r="D3"><f t="shared" si="0"/><v>7</v></c><c r="E3" t="str"><f>""</f><v></v></c></row>' +
        '<row r="5"><c r="A5" t="s"><v>0</v></c><c r="B5" t="s"><v>0</v></c><c r="C5" s="1"/></row>',
      { after: '<mergeCells count="1"><mergeCell ref="A5:B5"/></mergeCells><pageMargins left="0.7"/>' },
    );
    const streamed = rawWorkbook(bytes);
    // The oracle: ExcelJS reading the same bytes, translated by the adapter.
    expect(plain(streamed)).toEqual(plain(rawFromWorkbook(await loadXlsx(bytes))));
    // And by hand: what Office.js shows for these cells.
    expect(streamed.sheets[0]?.rows).toEqual([
      ["甲镇", "乙镇", "部分完成", "東京", true, "#DIV/0!"],
      [43_101, 43_465.25, 43_101, 43_102, "a&b", 43_101],
      [null, null, null, 7],
      [],
      ["完成"],
    ]);
    expect(streamed.names).toEqual([{ name: "TZ_one", sheetId: "3", row: 1, column: 1 }]);
  });

  it("reads formula cells without a cached result as empty, and those with one by their result", async () => {
    // Cells the reader drops before parsing (helper columns: formulas never calculated) beside
    // ones it must still parse: a cached value, a cell without `r`, a formula with a char reference.
    const bytes = handWritten(
      '<row r="1"><c r="A1" s="1"><f>IF(B1=&quot;&quot;,&quot;✓&quot;,&apos;x&apos;)</f></c>' +
        '<c r="B1"><f t="shared" ref="B1:B3" si="0">A1&amp;"&lt;&gt;"</f></c>' +
        '<c r="C1" t="str"><f>"&lt;a&gt;"</f><v>&lt;a&gt;</v></c><c r="D1"><f>1+1</f><v>2</v></c>' +
        '<c r="E1" t="str"><f>CHAR(65)&amp;"&#66;"</f></c><c><v>9</v></c></row>' +
        '<row r="2"><c r="B2"><f t="shared" si="0"/></c><c r="C2" s="1"><f></f></c><c r="D2"><v>5</v></c></row>' +
        '<row r="3"><c r="A3" t="str"><f t="shared" si="0"></f></c></row>',
    );
    const streamed = rawWorkbook(bytes);
    expect(plain(streamed)).toEqual(plain(rawFromWorkbook(await loadXlsx(bytes))));
    expect(streamed.sheets[0]?.rows).toEqual([
      [null, null, "<a>", 2, null, 9],
      [null, null, null, 5],
    ]);
  });

  it("reads rows after runs of rows with no cells left at their own numbers", async () => {
    const empty = (r: number) =>
      `<row r="${r}" spans="1:3" ht="15"><c r="A${r}" s="1"/><c r="B${r}"><f>1</f></c></row>`;
    const bytes = handWritten(
      '<row r="1"><c r="A1"><v>1</v></c></row>' +
        [2, 3, 4].map(empty).join("") +
        '<row r="6" spans="1:3"/><row r="7"><c r="C7"><v>7</v></c></row>' +
        [8, 9].map(empty).join("") +
        '<row r="10"><c r="B10"><v>10</v></c></row>',
    );
    const streamed = rawWorkbook(bytes);
    expect(plain(streamed)).toEqual(plain(rawFromWorkbook(await loadXlsx(bytes))));
    expect(streamed.sheets[0]?.rows).toEqual([[1], [], [], [], [], [], [null, null, 7], [], [], [null, 10]]);
  });

  it("still refuses a formula with an undefined entity in a cell without a value", async () => {
    const bytes = handWritten('<row r="1"><c r="A1"><f>"&bogus;"</f></c></row>');
    expect(() => rawWorkbook(bytes).sheets[0]?.rows).toThrow(expect.objectContaining({ code: "corrupt" }));
  });

  it("reads date cells of a 1904 workbook as ExcelJS does", async () => {
    const bytes = handWritten('<row r="1"><c r="A1" s="1"><v>41639</v></c><c r="B1"><v>41639</v></c></row>', {
      date1904: true,
    });
    expect(plain(rawWorkbook(bytes))).toEqual(plain(rawFromWorkbook(await loadXlsx(bytes))));
  });
});

/** A worksheet body of rows × columns numbers. */
function cellGrid(rows: number, columns: number): string {
  const row = (r: number) =>
    `<row r="${r}">${Array.from({ length: columns }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${r}"><v>${r}</v></c>`).join("")}</row>`;
  return `<sheetData>${Array.from({ length: rows }, (_, r) => row(r + 1)).join("")}</sheetData>`;
}

/** The filled township workbook with its third sheet part (an output sheet a check never reads) replaced. */
async function withSheet3(body: string): Promise<Uint8Array> {
  const files = unzipSync(await filledTownship());
  files["xl/worksheets/sheet3.xml"] = strToU8(`<?xml version="1.0"?><worksheet ${NS}>${body}</worksheet>`);
  return zipSync(files);
}

/** Cells plus rows in all worksheets of the filled township workbook (as the guard counts them). */
let TOWNSHIP_CELLS = 0;
beforeAll(async () => {
  const files = unzipSync(await filledTownship());
  for (const [name, data] of Object.entries(files)) {
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name))
      TOWNSHIP_CELLS += new TextDecoder().decode(data).match(/<(c|row)[\s/>]/g)?.length ?? 0;
  }
});

describe("streaming reader: bad files give the full reader's error codes", () => {
  const codeOf = async (read: () => unknown): Promise<string> => {
    try {
      await read();
      return "ok";
    } catch (error) {
      return (error as { code?: string }).code ?? String(error);
    }
  };
  const ole = (encrypted: boolean) => {
    const out = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(out, 0);
    Buffer.from(encrypted ? "EncryptedPackage" : "Workbook", "utf16le").copy(out, 1152);
    return new Uint8Array(out);
  };

  it.each<[string, () => Promise<Uint8Array>, InputLimits, string]>([
    ["empty", async () => new Uint8Array(0), DEFAULT_LIMITS, "empty"],
    ["text named .xlsx", async () => strToU8("姓名,日期\n"), DEFAULT_LIMITS, "notZip"],
    ["encrypted", async () => ole(true), DEFAULT_LIMITS, "encrypted"],
    ["legacy .xls", async () => ole(false), DEFAULT_LIMITS, "legacyXls"],
    ["zip without a workbook", async () => zipSync({ "a.txt": strToU8("hello") }), DEFAULT_LIMITS, "notXlsx"],
    ["truncated", async () => (await filledTownship()).subarray(0, 30_000), DEFAULT_LIMITS, "corrupt"],
    [
      "bytes overwritten",
      async () => (await filledTownship()).fill(0x41, 200, 4000),
      DEFAULT_LIMITS,
      "corrupt",
    ],
    [
      "not Taizhang's",
      async () => handWritten('<row r="1"><c r="A1"><v>1</v></c></row>'),
      DEFAULT_LIMITS,
      "notTaizhang",
    ],
    ["too many cells", filledTownship, { ...DEFAULT_LIMITS, maxCells: 400 }, "tooManyCells"],
    [
      "inflates past the limit",
      filledTownship,
      { ...DEFAULT_LIMITS, maxUncompressedBytes: 20_000 },
      "zipBomb",
    ],
    // Regression (corpus lying-directory-280mb-of-cells): the bomb is in a sheet a check never reads.
    [
      "too many cells in a sheet not read",
      async () => withSheet3(cellGrid(2_000, 10)),
      // Room for every cell of the sheets a check reads, not for the 20,000 more of the grid.
      {
        ...DEFAULT_LIMITS,
        // Read when the test runs, after beforeAll counted.
        get maxCells() {
          return TOWNSHIP_CELLS + 5_000;
        },
      },
      "tooManyCells",
    ],
    [
      "inflates past the limit in a sheet not read",
      async () => withSheet3(`<sheetData/>${" ".repeat(3_000_000)}`),
      { ...DEFAULT_LIMITS, maxUncompressedBytes: 2_500_000 },
      "zipBomb",
    ],
  ])("%s", async (_name, bytesOf, limits, code) => {
    const bytes = await bytesOf();
    // Read as `check` reads: the cell count covers the sheets a check reads.
    expect(await codeOf(() => assessXlsxStream(bytes, limits))).toBe(code);
    expect(await codeOf(() => assessWorkbookBytes(bytes, limits))).toBe(code);
  });
});

describe("streaming reader: parts inflated in one call", () => {
  /** The bytes with each local header's uncompressed size set by `size` (the central directory as is). */
  function withLocalSizes(bytes: Uint8Array, size: (declared: number) => number): Uint8Array {
    const out = bytes.slice();
    const view = new DataView(out.buffer);
    for (let at = 0; at + 30 <= out.length; at++) {
      if (view.getUint32(at, true) !== 0x04034b50) continue;
      view.setUint32(at + 22, size(view.getUint32(at + 22, true)), true);
      at += 29;
    }
    return out;
  }

  // A header may understate a part (a bomb) or zero it: the reader then inflates the part as a
  // stream, counting every byte, and reads the same cells.
  it.each<[string, (declared: number) => number]>([
    ["understated", (d) => Math.floor(d / 2)],
    ["zero", () => 0],
    ["overstated", (d) => d + 10],
  ])("reads the same cells when local headers' sizes are %s", async (_name, size) => {
    const bytes = await filledTownship();
    const lying = withLocalSizes(bytes, size);
    expect(plain(rawWorkbook(lying))).toEqual(plain(rawWorkbook(bytes)));
    expect(assessXlsxStream(lying).assessment).toEqual(assessXlsxStream(bytes).assessment);
  });

  it("still refuses a part that inflates past the limit behind an understated size", async () => {
    const bytes = withLocalSizes(await withSheet3(`<sheetData/>${" ".repeat(3_000_000)}`), () => 10);
    expect(() => assessXlsxStream(bytes, { ...DEFAULT_LIMITS, maxUncompressedBytes: 2_500_000 })).toThrow(
      expect.objectContaining({ code: "zipBomb" }),
    );
  });
});
