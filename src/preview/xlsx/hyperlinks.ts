import JSZip from "jszip";
import { parseAddress } from "../../excel/address";
import type { Cell, SheetModel } from "../../sim";
import type { ExcelJS } from "../../xlsx/exceljs";
import type { FileHyperlink } from "./packageParts";

/**
 * Hyperlinks between the file and the fake's `Range.hyperlink`, so the 汇总 sheet's links into
 * 乡镇详情 survive opening and saving in the preview, as they do in Excel.
 */
export function readHyperlinks(links: readonly FileHyperlink[], sheet: SheetModel): void {
  for (const link of links) {
    const box = parseAddress(link.ref)?.box;
    if (!box) continue;
    const hyperlink: Excel.RangeHyperlink = link.location
      ? { documentReference: link.location }
      : { address: link.address ?? "" };
    if (link.tooltip) hyperlink.screenTip = link.tooltip;
    // A range link covers every cell of it, as `Range.hyperlink` does; files keep them small.
    for (let r = box.r0; r <= Math.min(box.r1, box.r0 + 999); r++)
      for (let c = box.c0; c <= Math.min(box.c1, box.c0 + 99); c++)
        sheet.ensure(r, c).hyperlink = { ...hyperlink };
  }
}

/** The ExcelJS value of a link cell: its text, the link and its tip. */
export function hyperlinkValue(cell: Cell, link: Excel.RangeHyperlink): ExcelJS.CellValue {
  const text = cell.value === "" ? (link.textToDisplay ?? "") : String(cell.value);
  const value: ExcelJS.CellHyperlinkValue = { text, hyperlink: link.documentReference ?? link.address ?? "" };
  if (link.screenTip) value.tooltip = link.screenTip;
  return value;
}

/**
 * ExcelJS gives a link into the workbook an external relationship besides its `location`, which
 * Excel would follow as a file name: the relationship goes, the location stays.
 */
export async function withoutInternalLinkRels(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  for (const name of Object.keys(zip.files)) {
    const match = /^xl\/worksheets\/([^/]+\.xml)$/.exec(name);
    if (!match) continue;
    const xml = await zip.file(name)?.async("string");
    if (!xml?.includes("location=")) continue;
    const dropped: string[] = [];
    const fixed = xml.replace(/<hyperlink\b[^>]*>/g, (tag) => {
      const id = / r:id="([^"]*)"/.exec(tag)?.[1];
      if (!id || !tag.includes(" location=")) return tag;
      dropped.push(id);
      return tag.replace(/ r:id="[^"]*"/, "");
    });
    if (dropped.length === 0) continue;
    zip.file(name, fixed);
    const relsName = `xl/worksheets/_rels/${match[1]}.rels`;
    const rels = await zip.file(relsName)?.async("string");
    if (rels) {
      const kept = rels.replace(/<Relationship\b[^>]*\/>/g, (rel) =>
        dropped.some((id) => rel.includes(` Id="${id}"`)) ? "" : rel,
      );
      zip.file(relsName, kept);
    }
    changed = true;
  }
  if (!changed) return bytes;
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
