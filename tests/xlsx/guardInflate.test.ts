import { deflateRawSync } from "node:zlib";
import { DEFAULT_LIMITS, guardXlsx } from "../../src/xlsx";
import { gridSheet, hugeSheet, writeZip, type ZipEntry } from "../corpus/zip";

// Issue 13, item 6: the guard counts what inflating really yields (bytes, and cells plus rows in
// worksheets), not what the zip's headers claim, and stops past a limit.

const MB = 1024 * 1024;
const skeleton: ZipEntry[] = [
  { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
  { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
];
const workbookWith = (sheet: ZipEntry) => writeZip([...skeleton, sheet]);

describe("guardXlsx counts cells while inflating", () => {
  // 1,000 rows × 10 cells: 11,000 element starts, whatever chunk boundaries the inflater picks.
  const bytes = workbookWith({ name: "xl/worksheets/sheet1.xml", data: gridSheet(1000, 10) });

  it("accepts a sheet of exactly the limit", async () => {
    await expect(guardXlsx(bytes, { ...DEFAULT_LIMITS, maxCells: 11_000 })).resolves.toBeUndefined();
  });

  it("refuses one cell over it", async () => {
    await expect(guardXlsx(bytes, { ...DEFAULT_LIMITS, maxCells: 10_999 })).rejects.toMatchObject({
      code: "tooManyCells",
      params: { limit: 10_999 },
    });
  });

  it("counts worksheets only: the same XML in another part is not cells", async () => {
    const other = workbookWith({ name: "xl/other.xml", data: gridSheet(1000, 10) });
    await expect(guardXlsx(other, { ...DEFAULT_LIMITS, maxCells: 10 })).resolves.toBeUndefined();
  });
});

describe("guardXlsx counts inflated bytes, not claimed ones", () => {
  it("refuses a zip whose headers claim 4 KB for 150 MB of XML (lying central directory)", async () => {
    const huge = hugeSheet(150 * MB, 0);
    const bytes = workbookWith({
      name: "xl/worksheets/sheet1.xml",
      data: new Uint8Array(0),
      ...huge,
      claimSize: 4096,
    });
    await expect(guardXlsx(bytes)).rejects.toMatchObject({ code: "zipBomb" });
  });

  it("refuses broken deflate data as corrupt, not with a raw error", async () => {
    const data = Buffer.from("<worksheet/>".repeat(100));
    const deflated = deflateRawSync(data);
    deflated.fill(0xff, 2, 12);
    const bytes = workbookWith({ name: "xl/worksheets/sheet1.xml", data, deflated });
    await expect(guardXlsx(bytes)).rejects.toMatchObject({ name: "XlsxError", code: "corrupt" });
  });
});
