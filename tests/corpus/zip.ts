import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";

/** One zip entry: its name and its inflated bytes; `deflated` and `claim` let a case lie. */
export interface ZipEntry {
  name: string;
  data: Uint8Array;
  /** Already-deflated bytes to store instead of deflating `data` (huge entries). */
  deflated?: Uint8Array;
  /** Uncompressed size and CRC to claim when `data` is left empty. */
  size?: number;
  crc?: number;
  /** Uncompressed size written in the headers, true or not. */
  claimSize?: number;
}

/** The entries of a zip (deflate or stored), read with Node's zlib: the test's own reader. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(offset + 10);
    const compressed = buf.readUInt32LE(offset + 20);
    const nameLength = buf.readUInt16LE(offset + 28);
    const skip = nameLength + buf.readUInt16LE(offset + 30) + buf.readUInt16LE(offset + 32);
    const local = buf.readUInt32LE(offset + 42);
    const name = buf.subarray(offset + 46, offset + 46 + nameLength).toString("utf8");
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + compressed);
    out.push({ name, data: new Uint8Array(method === 8 ? inflateRawSync(raw) : raw) });
    offset += 46 + skip;
  }
  return out;
}

/** A deflated zip of the entries, headers saying what each entry asks them to say. */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const data = Buffer.from(entry.deflated ?? deflateRawSync(entry.data));
    const size = entry.claimSize ?? entry.size ?? entry.data.length;
    const crc = entry.crc ?? crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const centralPart = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralPart.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralPart, end]);
}

/**
 * A worksheet whose XML inflates to about `targetBytes`: identical rows of `perRow` real cells
 * (no r attributes, which the format allows), or whitespace when `perRow` is 0. Built with
 * Buffer.fill, so no giant string; returns the deflated bytes and the true size and CRC.
 */
export function hugeSheet(
  targetBytes: number,
  perRow: number,
): { deflated: Buffer; size: number; crc: number } {
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  );
  const tail = Buffer.from("</sheetData></worksheet>");
  const unit = perRow > 0 ? `<row>${"<c><v>1</v></c>".repeat(perRow)}</row>` : " ";
  const units = Math.max(0, Math.floor((targetBytes - head.length - tail.length) / unit.length));
  const xml = Buffer.alloc(head.length + units * unit.length + tail.length);
  head.copy(xml, 0);
  xml.fill(unit, head.length, head.length + units * unit.length);
  tail.copy(xml, xml.length - tail.length);
  return { deflated: deflateRawSync(xml, { level: 9 }), size: xml.length, crc: crc32(xml) };
}

/** A sheet of `rows` × `columns` distinct numbers: a real, large, honest workbook part. */
export function gridSheet(rows: number, columns: number): Uint8Array {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  for (let r = 1; r <= rows; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < columns; c++)
      row += `<c r="${String.fromCharCode(65 + c)}${r}"><v>${r * columns + c}</v></c>`;
    parts.push(`${row}</row>`);
  }
  parts.push("</sheetData></worksheet>");
  return Buffer.from(parts.join(""));
}

/** A sheet of `rows` × `columns` distinct inline strings, each `pad` CJK characters longer. */
export function textGridSheet(rows: number, columns: number, pad: number): Uint8Array {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  const padding = "长".repeat(pad);
  for (let r = 1; r <= rows; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < columns; c++) {
      row += `<c r="${String.fromCharCode(65 + c)}${r}" t="inlineStr"><is><t>第${r}行第${c}列${padding}</t></is></c>`;
    }
    parts.push(`${row}</row>`);
  }
  parts.push("</sheetData></worksheet>");
  return Buffer.from(parts.join(""));
}
