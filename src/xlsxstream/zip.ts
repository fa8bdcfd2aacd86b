import { Inflate, inflateSync } from "fflate";
import { XlsxError } from "../xlsx/errors";
import { DEFAULT_LIMITS, guardXlsxBytes, type InputLimits } from "../xlsx/guard";
import { MarkupCounter, type ZipEntryRef } from "../xlsx/guardInflate";

/** Compressed bytes handed to the inflater at a time: deflate expands at most ~1,032×, so one
 * push yields at most a few MB before the byte count can stop it. */
const PUSH_BYTES = 4096;
const LOCAL_HEADER = 0x04034b50;
/** Parts up to this size (as their header declares) are inflated in one call into a buffer of that
 * size: the streaming inflater regrows and copies its buffer on every push, which was the largest
 * single cost of reading a township workbook in the browser (issue 14). */
const WHOLE_MAX = 8 * 1024 * 1024;
/** Inflated bytes handed on at a time, so a reader that has enough still stops parsing early. */
const PIECE_BYTES = 64 * 1024;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;

/**
 * The package of one .xlsx, read part by part: the zip's claims are checked up front
 * (guardXlsxBytes: empty, not a zip, encrypted, too large, zip bomb, not a workbook), then each
 * part Taizhang needs is inflated on demand (fflate) with every byte counted against the same
 * limit as the full reader; cells are counted by the sheet parser through `countCells`. Parts no
 * one asked for are only inflated and counted, never parsed, by `guardRest` — so a bomb anywhere in
 * the package is refused with the same code as the full reader's guard (guardInflate.ts).
 */
export class XlsxPackage {
  private readonly entries = new Map<string, ZipEntryRef>();
  private readonly view: DataView;
  private inflated = 0;
  private cells = 0;
  /** Parts inflated so far (lower-case names): counted once. */
  private readonly counted = new Set<string>();

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: InputLimits = DEFAULT_LIMITS,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (const entry of guardXlsxBytes(bytes, limits)) {
      if (entry.name.endsWith("/")) continue;
      // A damaged package (bytes overwritten, a part cut short) is refused whole, as the full
      // reader refuses it, even when the damage is in a part this reader would not inflate.
      this.dataOf(entry);
      this.entries.set(entry.name.toLowerCase(), entry);
    }
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /**
   * Inflates a part, giving its text in pieces to `onText` (`final` on the last), which returns
   * false once it has read enough. Throws XlsxError: corrupt, zipBomb, or the callback's own.
   */
  read(name: string, onText: (text: string, final: boolean) => boolean): void {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) throw new XlsxError("corrupt");
    this.counted.add(name.toLowerCase());
    const decoder = new TextDecoder("utf-8");
    let going = true;
    // Once the reader has enough, the rest is still inflated and counted (a bomb hidden past the
    // cells is refused as the full reader refuses it), but neither decoded nor parsed.
    this.inflate(entry, (chunk, final) => {
      if (!going) return;
      const text = decoder.decode(chunk, { stream: !final });
      if (text.length > 0 || final) going = onText(text, final);
    });
  }

  /**
   * Inflates and counts every part not read yet (cells in worksheets too), parsing nothing: the
   * full reader's guard over the whole package. Throws zipBomb, tooManyCells or corrupt.
   */
  guardRest(): void {
    for (const [key, entry] of this.entries) {
      if (this.counted.has(key)) continue;
      this.counted.add(key);
      const counter = WORKSHEET.test(entry.name) ? new MarkupCounter() : null;
      this.inflate(entry, (chunk) => {
        if (counter) this.countCells(counter.count(chunk));
      });
    }
  }

  private inflate(entry: ZipEntryRef, onChunk: (chunk: Uint8Array, final: boolean) => void): void {
    const data = this.dataOf(entry);
    const take = (chunk: Uint8Array, final: boolean) => {
      this.inflated += chunk.length;
      if (this.inflated > this.limits.maxUncompressedBytes) throw new XlsxError("zipBomb");
      onChunk(chunk, final);
    };
    if (entry.method === 0) {
      take(data, true);
      return;
    }
    if (entry.method !== 8) throw new XlsxError("corrupt");
    const whole = this.inflateWhole(entry, data);
    if (whole) {
      for (let at = 0; at < whole.length || at === 0; at += PIECE_BYTES) {
        const end = Math.min(at + PIECE_BYTES, whole.length);
        take(whole.subarray(at, end), end === whole.length);
      }
      return;
    }
    const inflater = new Inflate(take);
    try {
      if (data.length === 0) inflater.push(data, true);
      for (let at = 0; at < data.length; at += PUSH_BYTES) {
        const end = Math.min(at + PUSH_BYTES, data.length);
        inflater.push(data.subarray(at, end), end === data.length);
      }
    } catch (cause) {
      if (cause instanceof XlsxError) throw cause;
      throw new XlsxError("corrupt", {}, cause);
    }
  }

  /**
   * A part inflated in one call when its local header declares a size within WHOLE_MAX and the
   * byte limit; null otherwise, or when the data inflates to more than declared or fails: then the
   * streaming path inflates it, counting every byte and reporting errors as it always has.
   */
  private inflateWhole(entry: ZipEntryRef, data: Uint8Array): Uint8Array | null {
    const local = entry.localOffset;
    // Sizes kept in a data descriptor (flag bit 3) are not in the local header.
    if ((this.view.getUint16(local + 6, true) & 0x08) !== 0) return null;
    const declared = this.view.getUint32(local + 22, true);
    if (declared > WHOLE_MAX || this.inflated + declared > this.limits.maxUncompressedBytes) return null;
    try {
      // One spare byte: output that reaches it is more than the header declared.
      const out = inflateSync(data, { out: new Uint8Array(declared + 1) });
      return out.length > declared ? null : out;
    } catch {
      return null;
    }
  }

  /** A whole (small) part as text, or undefined when the package has no such part. */
  text(name: string): string | undefined {
    if (!this.has(name)) return undefined;
    const pieces: string[] = [];
    this.read(name, (text) => {
      pieces.push(text);
      return true;
    });
    return pieces.join("");
  }

  /** Counts cells and rows read from worksheets; throws tooManyCells past the limit. */
  countCells(n: number): void {
    this.cells += n;
    if (this.cells > this.limits.maxCells)
      throw new XlsxError("tooManyCells", { limit: this.limits.maxCells });
  }

  private dataOf(entry: ZipEntryRef): Uint8Array {
    const local = entry.localOffset;
    if (local + 30 > this.bytes.length || this.view.getUint32(local, true) !== LOCAL_HEADER)
      throw new XlsxError("corrupt");
    const start = local + 30 + this.view.getUint16(local + 26, true) + this.view.getUint16(local + 28, true);
    if (start + entry.compressedSize > this.bytes.length) throw new XlsxError("corrupt");
    return this.bytes.subarray(start, start + entry.compressedSize);
  }
}
