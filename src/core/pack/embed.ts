import { deflateSync, strToU8 } from "fflate";
import { canonicalJson } from "./canonical";
import { toBase64 } from "./embedBase64";
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
