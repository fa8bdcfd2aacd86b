import { SaxesParser, type SaxesTagPlain } from "saxes";
import { XlsxError } from "../xlsx/errors";
import type { XlsxPackage } from "./zip";

export interface XmlHandlers {
  /** Local name (prefix dropped) and attributes as written; return false to stop reading. */
  open?(name: string, attributes: Record<string, string>, selfClosing: boolean): boolean | void;
  text?(text: string): void;
  close?(name: string): boolean | void;
}

const localName = (name: string): string => name.slice(name.indexOf(":") + 1);

/**
 * Streams one part of the package through saxes (the XML parser ExcelJS uses), inflating only as
 * far as the handlers read: a handler returning false stops both. Malformed XML is `corrupt`, as
 * the full reader has it.
 */
export function parsePart(
  pkg: XlsxPackage,
  part: string,
  handlers: XmlHandlers,
  /** Rewrites the text before the parser sees it (pieces as they come, `final` on the last). */
  prefilter?: (text: string, final: boolean) => string,
): void {
  const parser = new SaxesParser();
  let going = true;
  parser.on("opentag", (tag: SaxesTagPlain) => {
    if (going && handlers.open?.(localName(tag.name), tag.attributes, tag.isSelfClosing) === false)
      going = false;
  });
  if (handlers.text) {
    const onText = handlers.text;
    parser.on("text", (text) => {
      if (going) onText(text);
    });
  }
  parser.on("closetag", (tag) => {
    if (going && handlers.close?.(localName(tag.name)) === false) going = false;
  });
  pkg.read(part, (piece, final) => {
    try {
      const text = prefilter ? prefilter(piece, final) : piece;
      if (text.length > 0) parser.write(text);
      if (going && final) parser.close();
    } catch (cause) {
      if (cause instanceof XlsxError) throw cause;
      throw new XlsxError("corrupt", {}, cause);
    }
    return going;
  });
}
