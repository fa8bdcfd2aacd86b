/**
 * Reads a few text parts of a zip package (the sheet and table XML that ExcelJS is told to skip).
 * The bytes have passed guardXlsxBytes, so the central directory is known to be sane. Inflating
 * uses the platform's DecompressionStream (browsers and Node ≥ 20), so no second zip library
 * lands in the bundle next to the one inside ExcelJS.
 */
export async function readZipTexts(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
): Promise<Map<string, string>> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = endOfCentralDirectory(view);
  const out = new Map<string, string>();
  if (eocd < 0) return out;
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder("utf-8");
  for (let i = 0; i < count && offset + 46 <= bytes.length; i++) {
    const method = view.getUint16(offset + 10, true);
    const compressed = view.getUint32(offset + 20, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const local = view.getUint32(offset + 42, true);
    const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
    if (!wanted(name) || local + 30 > bytes.length) continue;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + compressed);
    if (method === 0) out.set(name, decoder.decode(data));
    else if (method === 8) out.set(name, decoder.decode(await inflateRaw(data)));
  }
  return out;
}

async function inflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function endOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  for (let i = last; i >= Math.max(0, last - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) return i;
  }
  return -1;
}
