import { deflateSync, inflateSync, strFromU8, strToU8 } from "fflate";
import { canonicalJson } from "./canonical";
import { fromBase64, toBase64 } from "./embedBase64";
import { loadPack } from "./load";
import type { Pack } from "./schema";
import { sha256Hex } from "./sha256";

/**
 * A pack as a workbook carries it: canonical JSON, deflated, base64 in cells of at most
 * EMBED_CHUNK characters (Excel's limit is 32,767 per cell), and the SHA-256 of the JSON text.
 */
export interface EmbeddedPack {
  hash: string;
  chunks: readonly string[];
}

export const EMBED_CHUNK = 30_000;

export type EmbedProblem = "embed.corrupt" | "embed.hashMismatch" | "embed.invalidPack";

export type UnpackedPack = { ok: true; pack: Pack; hash: string } | { ok: false; code: EmbedProblem };

/** The SHA-256 a pack is known by: of its canonical JSON, so key order never matters. */
export function packHash(pack: Pack): string {
  return sha256Hex(strToU8(canonicalJson(pack)));
}

export function embedPack(pack: Pack, chunkSize = EMBED_CHUNK): EmbeddedPack {
  const bytes = strToU8(canonicalJson(pack));
  const text = toBase64(deflateSync(bytes, { level: 9 }));
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += chunkSize) chunks.push(text.slice(i, i + chunkSize));
  return { hash: sha256Hex(bytes), chunks };
}

// Readers resolve a workbook's pack on every full check; the same cells give the same answer.
const unpacked = new Map<string, UnpackedPack>();
const UNPACKED_KEPT = 8;

/** The pack back, only when its bytes hash to the recorded hash and it passes the pack checks. */
export function unpackEmbedded(embedded: EmbeddedPack): UnpackedPack {
  const key = `${embedded.hash}:${embedded.chunks.join("")}`;
  const known = unpacked.get(key);
  if (known) return known;
  const result = unpackUncached(embedded);
  if (unpacked.size >= UNPACKED_KEPT) unpacked.delete(unpacked.keys().next().value as string);
  unpacked.set(key, result);
  return result;
}

function unpackUncached(embedded: EmbeddedPack): UnpackedPack {
  const compressed = fromBase64(embedded.chunks.join(""));
  if (!compressed) return { ok: false, code: "embed.corrupt" };
  let bytes: Uint8Array;
  try {
    bytes = inflateSync(compressed);
  } catch {
    // fflate throws on a damaged stream; that is a corrupt record, not a crash.
    return { ok: false, code: "embed.corrupt" };
  }
  if (sha256Hex(bytes) !== embedded.hash.toLowerCase()) return { ok: false, code: "embed.hashMismatch" };
  let data: unknown;
  try {
    data = JSON.parse(strFromU8(bytes));
  } catch {
    return { ok: false, code: "embed.corrupt" };
  }
  const loaded = loadPack(data);
  return loaded.ok
    ? { ok: true, pack: loaded.pack, hash: embedded.hash }
    : { ok: false, code: "embed.invalidPack" };
}
