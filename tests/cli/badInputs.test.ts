import { deflateRawSync } from "node:zlib";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cli, tempDir } from "./helpers";

const tmp = tempDir();
afterAll(() => tmp.remove());

/** A one-entry zip whose entry is real deflated data: `size` zero bytes. */
function zipOf(name: string, content: Uint8Array): Buffer {
  const data = deflateRawSync(content);
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const localPart = Buffer.concat([local, nameBytes, data]);
  const centralPart = Buffer.concat([central, nameBytes]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(centralPart.length, 12);
  end.writeUInt32LE(localPart.length, 16);
  return Buffer.concat([localPart, centralPart, end]);
}

/** What an encrypted .xlsx is on disk: an OLE compound file with an EncryptedPackage stream. */
function encryptedXlsx(): Buffer {
  const out = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(out, 0);
  Buffer.from("EncryptionInfo", "utf16le").copy(out, 1024);
  Buffer.from("EncryptedPackage", "utf16le").copy(out, 1152);
  return out;
}

let validBytes: Buffer;
beforeAll(async () => {
  expect(
    (await cli(["init", "--pack", "township-2018", "--township", "甲镇", "-o", tmp.path("ok.xlsx")])).code,
  ).toBe(0);
  validBytes = readFileSync(tmp.path("ok.xlsx"));
}, 30_000);

const cases: [string, () => Buffer, RegExp][] = [
  ["empty", () => Buffer.alloc(0), /空的/],
  ["not a spreadsheet", () => Buffer.from("姓名,日期\n张三,2018-01-01\n"), /不是 Excel 工作簿/],
  ["corrupt (truncated)", () => validBytes.subarray(0, Math.floor(validBytes.length / 2)), /损坏/],
  [
    "corrupt (bytes overwritten)",
    () => {
      const b = Buffer.from(validBytes);
      b.fill(0x41, 200, 4000);
      return b;
    },
    /损坏/,
  ],
  ["password-protected", encryptedXlsx, /密码/],
  ["zip bomb", () => zipOf("xl/worksheets/sheet1.xml", new Uint8Array(9 * 1024 * 1024)), /异常庞大/],
  ["a zip that is not a workbook", () => zipOf("readme.txt", Buffer.from("hello")), /不是 Excel 工作簿/],
  ["an .xlsx not made by Taizhang", () => readFileSync(tmp.path("ok.xlsx")), /./],
];

describe.each(cases)("an unusable input: %s", (name, bytes, message) => {
  const file = tmp.path(`${name.replace(/\W+/g, "_")}.xlsx`);
  beforeAll(async () => {
    if (name.includes("not made by Taizhang")) {
      const ExcelJS = await import("exceljs");
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet("Sheet1").getCell("A1").value = "普通表格";
      await wb.xlsx.writeFile(file);
      message = /不是台账生成的工作簿/;
    } else {
      writeFileSync(file, bytes());
    }
  });

  it("check exits 2 with a specific message", async () => {
    const run = await cli(["check", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/at \w+ \(|Error:/);
  });

  it("report exits 2 and writes nothing", async () => {
    const out = tmp.path(`${name.replace(/\W+/g, "_")}.html`);
    const run = await cli(["report", file, "-o", out]);
    expect(run.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});

describe("messages follow the language", () => {
  it("says it in English with --lang en-US", async () => {
    writeFileSync(tmp.path("empty.xlsx"), "");
    const run = await cli(["check", tmp.path("empty.xlsx"), "--lang", "en-US"]);
    expect(run.stderr).toMatch(/The file is empty/);
  });

  it("says it in English when LANG is English", async () => {
    const run = await cli(["check", tmp.path("missing.xlsx")], { LANG: "en_US.UTF-8" });
    expect(run).toMatchObject({ code: 2 });
    expect(run.stderr).toMatch(/No such file/);
  });
});
