// Embeds and unpacks each built-in pack (what init/install write and every reader checks), 20
// runs each after a warm-up, and prints one line per pack:
// `embed.pack id=model-unit json_kb=80.7 cells_chars=24352 embed_median_ms=17.3 unpack_median_ms=35.4`.
import { performance } from "node:perf_hooks";
import { BUILTIN_PACKS, canonicalJson, embedPack } from "../src/core/pack";
import { unpackEmbedded } from "../src/core/pack/unpack";
import { median } from "./median";

const RUNS = 20;

for (const pack of BUILTIN_PACKS) {
  const embedded = embedPack(pack);
  const embedTimes: number[] = [];
  const unpackTimes: number[] = [];
  for (let i = 0; i < RUNS + 3; i++) {
    let start = performance.now();
    const fresh = embedPack(pack);
    const embedMs = performance.now() - start;
    // Another version each run gives new cells, so every run really unpacks (no cache hit).
    const cold = embedPack({ ...pack, version: `${fresh.hash.length}.0.${i}` });
    start = performance.now();
    unpackEmbedded(cold);
    const unpackMs = performance.now() - start;
    if (i >= 3) {
      embedTimes.push(embedMs);
      unpackTimes.push(unpackMs);
    }
  }
  const chars = embedded.chunks.reduce((n, c) => n + c.length, 0);
  console.log(
    `embed.pack id=${pack.id} json_kb=${(Buffer.byteLength(canonicalJson(pack)) / 1024).toFixed(1)} cells_chars=${chars} ` +
      `embed_median_ms=${median(embedTimes).toFixed(1)} unpack_median_ms=${median(unpackTimes).toFixed(1)}`,
  );
}
