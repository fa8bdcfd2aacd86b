import { inflateSync, strFromU8 } from "fflate";
import type { EmbeddedPack, UnpackedPack } from "./embed";
import { fromBase64 } from "./embedBase64";
import { loadPack } from "./load";
import { sha256Hex } from "./sha256";

/*
 * Reading a carried pack back needs the pack checks (the schema, zod); writing one (./embed.ts)
 * does not, so installing from the task pane does not load them.
 */

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
