/**
 * Just enough XML reading for the few SpreadsheetML elements the bridge reads itself (sheet list,
 * relationships, table ids, data validations): flat elements with attributes and text children.
 * Namespace prefixes are ignored, so `x14:dataValidation` (Excel's extension list) reads too.
 */

export interface XmlElement {
  attributes: Record<string, string>;
  /** Inner XML, or "" for a self-closing element. */
  inner: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, entity: string) => {
    if (entity.startsWith("#x") || entity.startsWith("#X"))
      return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(Number(entity.slice(1)));
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

/** Every `<name …>` element (any prefix), not nested in one of the same name. */
export function elements(xml: string, localName: string): XmlElement[] {
  const pattern = new RegExp(
    `<(?:[\\w.-]+:)?${localName}((?:\\s[^>]*?)?)(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${localName}>)`,
    "g",
  );
  const out: XmlElement[] = [];
  for (const match of xml.matchAll(pattern)) {
    out.push({ attributes: attributes(match[1] ?? ""), inner: match[2] ?? "" });
  }
  return out;
}

/** The text of the first `<name>` child, inner tags stripped (`<xm:f>` inside `<x14:formula1>`). */
export function childText(xml: string, localName: string): string | undefined {
  const first = elements(xml, localName)[0];
  return first === undefined ? undefined : decodeXml(first.inner.replace(/<[^>]*>/g, ""));
}

function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of text.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    out[match[1] ?? ""] = decodeXml(match[3] ?? match[4] ?? "");
  }
  return out;
}
