import { XML_HEADER, xmlText } from "./escape";

/**
 * The workbook's shared string table: each distinct text stored once, cells refer to it by
 * index. Only the distinct texts are held while the sheets stream out.
 */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private references = 0;

  /** The index of `text` in the table, adding it when new. */
  ref(text: string): number {
    this.references++;
    let at = this.index.get(text);
    if (at === undefined) {
      at = this.index.size;
      this.index.set(text, at);
    }
    return at;
  }

  /** xl/sharedStrings.xml, in pieces so no one string holds the whole part. */
  *xml(): Generator<string> {
    yield `${XML_HEADER}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.references}" uniqueCount="${this.index.size}">`;
    let batch = "";
    for (const text of this.index.keys()) {
      // Leading or trailing spaces and line breaks survive only with xml:space="preserve".
      const preserve = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : "";
      batch += `<si><t${preserve}>${xmlText(text)}</t></si>`;
      if (batch.length > 65_536) {
        yield batch;
        batch = "";
      }
    }
    yield `${batch}</sst>`;
  }
}
