import { parsePart } from "./xml";
import type { XlsxPackage } from "./zip";

/**
 * The shared strings as plain text: a rich string's runs joined, phonetic guides (`<rPh>`) left
 * out — what ExcelJS and Office.js show for the cell.
 */
export function readSharedStrings(pkg: XlsxPackage, part: string | undefined): string[] {
  const out: string[] = [];
  if (!part) return out;
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  parsePart(pkg, part, {
    open(local, _a, selfClosing) {
      if (local === "si") current = [];
      // saxes closes a self-closing tag too, so every open counts.
      else if (local === "rPh") phonetic += 1;
      else if (local === "t" && !selfClosing && phonetic === 0) inText = true;
    },
    text(t) {
      if (inText && current) current.push(t);
    },
    close(local) {
      if (local === "t") inText = false;
      else if (local === "rPh") phonetic -= 1;
      else if (local === "si" && current) {
        out.push(current.join(""));
        current = null;
      }
    },
  });
  return out;
}
