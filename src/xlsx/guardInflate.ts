import { XlsxError } from "./errors";

/**
 * The second half of the guard: inflates every entry once, counting bytes (and, in worksheets,
 * cells and rows) as they come and stopping past a limit. The zip's own size claims can lie, so
 * this counts what really comes out; nothing inflated is kept, so memory stays a few chunks.
 * DecompressionStream exists in browsers and Node ≥ 20, so this runs in the preview too.
 */
export interface InflateLimits {
  /** Largest sum of inflated entry sizes, in bytes. */
  maxUncompressedBytes: number;
  /** Most cells plus rows over all worksheets: what the reader holds in memory. */
  maxCells: number;
}

export interface ZipEntryRef {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

const LT = 0x3c;
const C = 0x63;
const R = 0x72;
const O = 0x6f;
const W = 0x77;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;

/** Throws zipBomb past the inflated-bytes limit, tooManyCells past the cell limit. */
export async function guardInflated(
  bytes: Uint8Array,
  entries: readonly ZipEntryRef[],
  limits: InflateLimits,
): Promise<void> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  let cells = 0;
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue;
    const local = entry.localOffset;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50)
      throw new XlsxError("corrupt");
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + entry.compressedSize > bytes.length) throw new XlsxError("corrupt");
    const data = bytes.subarray(start, start + entry.compressedSize);
    const counter = WORKSHEET.test(entry.name) ? new MarkupCounter() : null;
    const onChunk = (chunk: Uint8Array): boolean => {
      total += chunk.length;
      if (total > limits.maxUncompressedBytes) throw new XlsxError("zipBomb");
      if (counter) {
        cells += counter.count(chunk);
        if (cells > limits.maxCells) throw new XlsxError("tooManyCells", { limit: limits.maxCells });
      }
      return true;
    };
    if (entry.method === 0) onChunk(data);
    else if (entry.method === 8) await inflateCounting(data, onChunk);
    else throw new XlsxError("corrupt");
  }
}

async function inflateCounting(data: Uint8Array, onChunk: (chunk: Uint8Array) => boolean): Promise<void> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  const reader = stream.getReader();
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = (await reader.read()) as ReadableStreamReadResult<Uint8Array>;
      } catch (cause) {
        throw new XlsxError("corrupt", {}, cause);
      }
      if (next.done) return;
      onChunk(next.value);
    }
  } finally {
    // Stops the inflater at once when a limit was hit: the rest is never produced.
    await reader.cancel().catch(() => undefined);
  }
}

/**
 * Counts `<c` and `<row` element starts in worksheet XML arriving in chunks. A start split across
 * two chunks is seen through the few bytes kept from the previous one.
 */
export class MarkupCounter {
  private tail = new Uint8Array(0);

  count(chunk: Uint8Array): number {
    const keep = this.tail.length;
    const buf = keep === 0 ? chunk : concat(this.tail, chunk);
    let n = 0;
    // Only starts fully inside buf with their following byte known are counted; the last 4 bytes
    // are examined again with the next chunk.
    const end = buf.length - 4;
    for (let i = 0; i < end; i++) {
      if (buf[i] !== LT) continue;
      if (buf[i + 1] === C && isNameEnd(buf[i + 2])) n++;
      else if (buf[i + 1] === R && buf[i + 2] === O && buf[i + 3] === W && isNameEnd(buf[i + 4])) n++;
    }
    this.tail = buf.slice(Math.max(0, end));
    return n;
  }
}

/** The byte after an element name: space, tab, newline, '>' or '/'. */
function isNameEnd(b: number | undefined): boolean {
  return b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
