import * as ExcelJS from "exceljs";
import { installPack, recheckAll } from "../../src/excel";
import { openXlsxWorkbook, saveXlsxWorkbook } from "../../src/preview/xlsx";
import { readPackageParts } from "../../src/preview/xlsx/packageParts";
import { saveXlsx } from "../../src/xlsx";
import { withNewItems } from "../excel/helpers";
import { DECISIONS, filledWorkbook, TOWNSHIP_PACK } from "./workbooks";

// Issue 13, item 4: the preview's open → save (and open → upgrade → save) dropped cell comments,
// pictures and merged cells on every sheet, the user's own sheets included.

jest.setTimeout(60_000);

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

async function original(): Promise<Uint8Array> {
  const wb = filledWorkbook();
  const mine = wb.addWorksheet("我的台账说明");
  mine.getCell("A1").value = "二〇一八年工作说明";
  mine.mergeCells("A1:D1");
  mine.getCell("B3").value = "核对人";
  mine.getCell("B3").note = "王五 负责核对";
  // On a cell with no value: ExcelJS alone drops it when loading.
  mine.getCell("C5").note = "此处待补 & <核实>";
  mine.addImage(
    wb.addImage({ buffer: PNG as unknown as ExcelJS.Image["buffer"], extension: "png" }),
    "F2:G4",
  );
  const ledger = wb.getWorksheet(DECISIONS) as ExcelJS.Worksheet;
  ledger.getCell("B3").note = "附件在档案室";
  return saveXlsx(wb);
}

async function reload(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  return wb;
}

function noteText(note: ExcelJS.Cell["note"] | undefined): string {
  if (!note) return "";
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}

/** Read from the saved package itself: ExcelJS drops a comment on a cell with no value. */
async function expectEmptyCellComment(bytes: Uint8Array): Promise<void> {
  const parts = await readPackageParts(bytes);
  expect(parts.comments.get("我的台账说明")).toContainEqual({ ref: "C5", text: "此处待补 & <核实>" });
}

function expectKept(saved: ExcelJS.Workbook): void {
  const mine = saved.getWorksheet("我的台账说明") as ExcelJS.Worksheet;
  expect((mine.model as unknown as { merges: string[] }).merges).toEqual(["A1:D1"]);
  expect(mine.getCell("A1").value).toBe("二〇一八年工作说明");
  expect(noteText(mine.getCell("B3").note)).toBe("王五 负责核对");
  const images = mine.getImages();
  expect(images).toHaveLength(1);
  expect(
    Buffer.from(saved.getImage(Number(images[0]?.imageId)).buffer as unknown as Uint8Array).equals(PNG),
  ).toBe(true);
  expect(images[0]?.range.tl).toMatchObject({ nativeCol: 5, nativeRow: 1 });
  const ledger = saved.getWorksheet(DECISIONS) as ExcelJS.Worksheet;
  expect(noteText(ledger.getCell("B3").note)).toBe("附件在档案室");
}

describe("the preview keeps comments, pictures and merged cells", () => {
  it("through open → check → save", async () => {
    const book = await openXlsxWorkbook(await original());
    await recheckAll(null, { run: book.excel.run, isSetSupported: book.excel.isSetSupported });
    const bytes = await saveXlsxWorkbook(book);
    expectKept(await reload(bytes));
    await expectEmptyCellComment(bytes);
  });

  it("through open → upgrade → save", async () => {
    const book = await openXlsxWorkbook(await original());
    const opts = { run: book.excel.run, isSetSupported: book.excel.isSetSupported };
    await installPack(withNewItems(TOWNSHIP_PACK, "1.1.0"), opts);
    const bytes = await saveXlsxWorkbook(book);
    expectKept(await reload(bytes));
    await expectEmptyCellComment(bytes);
  });
});
