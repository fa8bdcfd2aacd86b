import { strFromU8, unzipSync } from "fflate";

export type Cached = number | string | boolean | { error: string } | null;

const decode = (text: string): string =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/**
 * The cached results of the formula cells of an .xlsx, by sheet name and A1 address, read from the
 * XML itself: ExcelJS drops a formula's cached 0.
 */
export function cachedFormulaValues(bytes: Uint8Array): Map<string, Map<string, Cached>> {
  const files = unzipSync(bytes);
  const text = (path: string): string => strFromU8(files[path] ?? new Uint8Array());
  const rels = new Map(
    [...text("xl/_rels/workbook.xml.rels").matchAll(/<Relationship\b[^>]*>/g)].map((m) => [
      /Id="([^"]+)"/.exec(m[0])?.[1] ?? "",
      /Target="([^"]+)"/.exec(m[0])?.[1] ?? "",
    ]),
  );
  const out = new Map<string, Map<string, Cached>>();
  for (const m of text("xl/workbook.xml").matchAll(/<sheet\b[^>]*>/g)) {
    const name = decode(/name="([^"]*)"/.exec(m[0])?.[1] ?? "");
    const target = rels.get(/r:id="([^"]+)"/.exec(m[0])?.[1] ?? "") ?? "";
    const xml = text(`xl/${target.replace(/^\/?xl\//, "")}`);
    const cells = new Map<string, Cached>();
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*)>(.*?)<\/c>/gs)) {
      const body = c[3] ?? "";
      if (!body.includes("<f")) continue;
      const type = /t="([a-z]+)"/.exec(c[2] ?? "")?.[1] ?? "n";
      const raw = /<v>(.*?)<\/v>/s.exec(body)?.[1];
      let value: Cached = null;
      if (raw !== undefined) {
        if (type === "str") value = decode(raw);
        else if (type === "b") value = raw === "1";
        else if (type === "e") value = { error: raw };
        else value = Number(raw);
      } else if (type === "str") value = "";
      cells.set(c[1] ?? "", value);
    }
    out.set(name, cells);
  }
  return out;
}
