import JSZip from "jszip";
import { openXlsxWorkbook, saveXlsxWorkbook } from "../../src/preview/xlsx";
import { filledBytes } from "./workbooks";

// A township workbook through ExcelJS twice: seconds on a busy 2-core machine.
jest.setTimeout(60_000);

/**
 * The 汇总 sheet links each township to its block on 乡镇详情 (Range.hyperlink `documentReference`,
 * https://learn.microsoft.com/javascript/api/excel/excel.rangehyperlink). In a file such a link is
 * `<hyperlink ref location>` with no relationship (ECMA-376 §18.3.1.47): a relationship would make
 * Excel open a file of that name. Saving and reopening in the preview keeps both kinds of link.
 */
test("links into the workbook and out of it survive saving and reopening the preview's workbook", async () => {
  const book = await openXlsxWorkbook(await filledBytes());
  const [first, second] = book.excel.model.sheets;
  if (!first || !second) throw new Error("the township workbook has several sheets");
  const inside = first.ensure(40, 1);
  inside.value = "宣和镇";
  inside.hyperlink = { documentReference: `'${second.name}'!A5`, screenTip: "乡镇详情" };
  const outside = first.ensure(41, 1);
  outside.value = "县司法局";
  outside.hyperlink = { address: "https://example.gov.cn/fzzf" };

  const saved = await saveXlsxWorkbook(book);
  const zip = await JSZip.loadAsync(saved);
  const sheetXml = await zip.file("xl/worksheets/sheet1.xml")?.async("string");
  const rels = (await zip.file("xl/worksheets/_rels/sheet1.xml.rels")?.async("string")) ?? "";
  const links = sheetXml?.match(/<hyperlink\b[^>]*>/g) ?? [];
  expect(links).toHaveLength(2);
  const internal = links.find((l) => l.includes('ref="B41"')) ?? "";
  expect(internal).toContain(`location="&apos;${second.name}&apos;!A5"`);
  expect(internal).not.toContain("r:id");
  const external = links.find((l) => l.includes('ref="B42"')) ?? "";
  const id = /r:id="([^"]+)"/.exec(external)?.[1];
  expect(rels).toContain(`Id="${id}"`);
  expect(rels).toContain('Target="https://example.gov.cn/fzzf"');
  expect(rels.match(/\/hyperlink"/g)).toHaveLength(1);

  const again = await openXlsxWorkbook(saved);
  const reopened = again.excel.model.sheets[0];
  expect(reopened?.cell(40, 1)).toMatchObject({
    value: "宣和镇",
    hyperlink: { documentReference: `'${second.name}'!A5`, screenTip: "乡镇详情" },
  });
  expect(reopened?.cell(41, 1)).toMatchObject({
    value: "县司法局",
    hyperlink: { address: "https://example.gov.cn/fzzf" },
  });
});
