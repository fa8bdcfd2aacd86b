import { strToU8, Zip, ZipDeflate } from "fflate";
import { XML_HEADER, xmlText } from "./escape";
import { SharedStrings } from "./sharedStrings";
import { type SheetDrawing, sheetXml } from "./sheet";
import { StyleSheet } from "./styles";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

/** A sheet to write: its name on the tab and what it shows. */
export interface NamedDrawing extends SheetDrawing {
  name: string;
}

/**
 * A workbook of plain sheets as .xlsx bytes, written part by part into a deflating zip (fflate):
 * each sheet's XML is compressed as it is produced, so what stays in memory is the compressed
 * output, the distinct texts and the few distinct cell looks — not an object per cell and not
 * the whole XML (a 1,000-township 乡镇详情 is ~100,000 rows).
 */
export function writeXlsx(sheets: readonly NamedDrawing[], creator: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else chunks.push(data);
  });
  const part = (name: string, pieces: Iterable<string>): void => {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    for (const piece of pieces) file.push(strToU8(piece));
    file.push(new Uint8Array(0), true);
  };

  const strings = new SharedStrings();
  const styles = new StyleSheet();
  part("[Content_Types].xml", [contentTypes(sheets.length)]);
  part("_rels/.rels", [
    relationships([
      ["rId1", `${REL}/officeDocument`, "xl/workbook.xml"],
      ["rId2", `${PACKAGE_REL}/metadata/core-properties`, "docProps/core.xml"],
    ]),
  ]);
  part("docProps/core.xml", [coreProperties(creator, new Date())]);
  part("xl/workbook.xml", [workbook(sheets.map((s) => s.name))]);
  part("xl/_rels/workbook.xml.rels", [
    relationships([
      ["rId1", `${REL}/styles`, "styles.xml"],
      ["rId2", `${REL}/sharedStrings`, "sharedStrings.xml"],
      ...sheets.map((_, i): [string, string, string] => [
        `rId${i + 3}`,
        `${REL}/worksheet`,
        `worksheets/sheet${i + 1}.xml`,
      ]),
    ]),
  ]);
  sheets.forEach((sheet, i) => part(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(sheet, strings, styles)));
  // After the sheets: only now are every text and every look known.
  part("xl/styles.xml", [styles.xml()]);
  part("xl/sharedStrings.xml", strings.xml());
  zip.end();
  if (failure) throw failure;

  const out = new Uint8Array(chunks.reduce((total, c) => total + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function contentTypes(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`,
  ).join("");
  return (
    `${XML_HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
    sheets +
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>` +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    "</Types>"
  );
}

function relationships(rels: readonly (readonly [string, string, string])[]): string {
  const items = rels.map(
    ([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`,
  );
  return `${XML_HEADER}<Relationships xmlns="${PACKAGE_REL}">${items.join("")}</Relationships>`;
}

function coreProperties(creator: string, now: Date): string {
  const time = `${now.toISOString().slice(0, 19)}Z`;
  return (
    `${XML_HEADER}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>${xmlText(creator)}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${time}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${time}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}

function workbook(names: readonly string[]): string {
  const sheets = names
    .map((name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 3}"/>`)
    .join("");
  return (
    `${XML_HEADER}<workbook xmlns="${MAIN}" xmlns:r="${REL}">` +
    `<bookViews><workbookView/></bookViews><sheets>${sheets}</sheets><calcPr calcId="171027"/></workbook>`
  );
}
