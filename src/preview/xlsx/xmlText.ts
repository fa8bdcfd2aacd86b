import { SaxesParser } from "saxes";

/**
 * The few SpreadsheetML elements the bridge reads itself (sheet list, relationships, table ids,
 * data validations), parsed with saxes, the XML parser ExcelJS uses. Namespace prefixes are
 * ignored, so `x14:dataValidation` (Excel's extension list) reads too.
 */
export interface XmlElement {
  /** Attributes as written, prefixes kept (`r:id`). */
  attributes: Record<string, string>;
  /** Text inside each descendant element, by local name (`formula1`, `sqref`), tags stripped. */
  texts: Record<string, string>;
}

const localName = (name: string): string => name.slice(name.indexOf(":") + 1);

/** Every `<name …>` element (any prefix), not nested in one of the same name, in document order. */
export function elements(xml: string, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const parser = new SaxesParser();
  let current: XmlElement | null = null;
  // Local names of the elements open inside the current one, innermost last.
  const open: string[] = [];
  parser.on("opentag", (tag) => {
    const local = localName(tag.name);
    if (current) {
      open.push(local);
      return;
    }
    if (local !== name) return;
    current = { attributes: { ...(tag.attributes as Record<string, string>) }, texts: {} };
    out.push(current);
    if (tag.isSelfClosing) current = null;
  });
  parser.on("text", (text) => {
    if (!current) return;
    for (const inside of new Set(open)) current.texts[inside] = (current.texts[inside] ?? "") + text;
  });
  parser.on("closetag", () => {
    if (!current) return;
    if (open.length > 0) open.pop();
    else current = null;
  });
  try {
    parser.write(xml).close();
  } catch {
    // Malformed XML: keep what was read before the fault (ExcelJS has read the sheet itself).
  }
  return out;
}
