import { XlsxError } from "./errors";
import { guardInflated, type ZipEntryRef } from "./guardInflate";

/**
 * Checks run on the raw bytes before ExcelJS (JSZip) inflates anything, so a hostile or broken
 * file costs a few reads of the zip's central directory, then one counted, discarded inflation
 * (guardInflate.ts) — not gigabytes of memory.
 */
export interface InputLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Largest sum of uncompressed entry sizes, as claimed and as really inflated. */
  maxUncompressedBytes: number;
  /** Most cells plus rows over all worksheets, counted while inflating: ExcelJS holds each one. */
  maxCells: number;
  /** Most entries in the zip. */
  maxEntries: number;
  /** Highest uncompressed/compressed ratio for an entry larger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

const MAX_UNCOMPRESSED_MB = 100;
const MAX_CELLS = 250_000;

/**
 * Generous for real checklists (a 10,000-row ledger is a few MB unpacked, ~150,000 cells), and
 * small enough that reading stays under 500 MB of memory (bench/guard.bench.ts measures it).
 */
export const DEFAULT_LIMITS: InputLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: MAX_UNCOMPRESSED_MB * 1024 * 1024,
  maxCells: MAX_CELLS,
  maxEntries: 5000,
  maxRatio: 400,
  ratioFloorBytes: 8 * 1024 * 1024,
};

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const LOCAL_HEADER = 0x04034b50;
const EMPTY_ZIP = 0x06054b50;
const END_OF_CENTRAL_DIR = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const MB = 1024 * 1024;

/** The "too large" error, sizes in MB to one decimal. */
export function tooLargeError(
  sizeBytes: number,
  limitBytes: number = DEFAULT_LIMITS.maxFileBytes,
): XlsxError {
  return new XlsxError("tooLarge", { sizeMb: round(sizeBytes / MB), limitMb: round(limitBytes / MB) });
}

/**
 * The whole guard: the central directory's claims, then the counted inflation. Throws an XlsxError
 * when the bytes are not a readable .xlsx package within the limits.
 */
export async function guardXlsx(bytes: Uint8Array, limits: InputLimits = DEFAULT_LIMITS): Promise<void> {
  await guardInflated(bytes, guardXlsxBytes(bytes, limits), limits);
}

/**
 * The cheap half: throws an XlsxError when the bytes are not a readable, reasonably sized .xlsx
 * package by the zip's own claims; returns the entries for the counted inflation.
 */
export function guardXlsxBytes(bytes: Uint8Array, limits: InputLimits = DEFAULT_LIMITS): ZipEntryRef[] {
  if (bytes.length === 0) throw new XlsxError("empty");
  if (startsWith(bytes, OLE_MAGIC)) {
    // Password-protected .xlsx files are OLE containers holding an EncryptedPackage stream.
    throw new XlsxError(containsUtf16(bytes, "EncryptedPackage") ? "encrypted" : "legacyXls");
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const signature = bytes.length >= 4 ? view.getUint32(0, true) : 0;
  if (signature !== LOCAL_HEADER && signature !== EMPTY_ZIP) throw new XlsxError("notZip");
  if (bytes.length > limits.maxFileBytes) {
    throw tooLargeError(bytes.length, limits.maxFileBytes);
  }

  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw new XlsxError("corrupt");
  const entryCount = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  // Zip64 markers: no real checklist needs a 4 GB package.
  if (entryCount === 0xffff || directoryOffset === 0xffffffff) {
    throw tooLargeError(bytes.length, limits.maxFileBytes);
  }
  if (entryCount > limits.maxEntries) throw new XlsxError("zipBomb");
  if (directoryOffset + directorySize > bytes.length) throw new XlsxError("corrupt");

  let offset = directoryOffset;
  let total = 0;
  const names = new Set<string>();
  const entries: ZipEntryRef[] = [];
  for (let i = 0; i < entryCount; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_ENTRY) {
      throw new XlsxError("corrupt");
    }
    const compressed = view.getUint32(offset + 20, true);
    const uncompressed = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const name = decodeName(bytes.subarray(offset + 46, offset + 46 + nameLength));
    names.add(name);
    entries.push({
      name,
      method: view.getUint16(offset + 10, true),
      compressedSize: compressed,
      localOffset: view.getUint32(offset + 42, true),
    });
    if (uncompressed === 0xffffffff || compressed === 0xffffffff) throw new XlsxError("zipBomb");
    if (uncompressed > limits.ratioFloorBytes && uncompressed / Math.max(compressed, 1) > limits.maxRatio) {
      throw new XlsxError("zipBomb");
    }
    total += uncompressed;
    if (total > limits.maxUncompressedBytes) throw new XlsxError("zipBomb");
    offset += 46 + nameLength + extraLength + commentLength;
  }
  if (!names.has("[Content_Types].xml") || !names.has("xl/workbook.xml")) throw new XlsxError("notXlsx");
  return entries;
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 0xffff);
  for (let i = last; i >= first; i--) {
    if (view.getUint32(i, true) === END_OF_CENTRAL_DIR) return i;
  }
  return -1;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function decodeName(bytes: Uint8Array): string {
  return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
}

const round = (n: number): number => Math.round(n * 10) / 10;
