import { createHash } from "node:crypto";
import { strToU8 } from "fflate";
import fc from "fast-check";
import { metaFor, metaRows, parseMetaRows, layoutFor } from "../../../src/core/layout";
import {
  BUILTIN_PACKS,
  canonicalJson,
  diffPacks,
  embedPack,
  findPack,
  packHash,
  resolvePack,
  unpackEmbedded,
} from "../../../src/core/pack";
import type { Pack } from "../../../src/core/pack";
import { sha256Hex } from "../../../src/core/pack/sha256";

const township = (): Pack => structuredClone(findPack("township-2018")!);

describe("sha256Hex", () => {
  it("matches Node's crypto (an independent implementation) on any bytes, block edges included", () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 0xff);
      expect(sha256Hex(bytes)).toBe(createHash("sha256").update(bytes).digest("hex"));
    }
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(sha256Hex(bytes)).toBe(createHash("sha256").update(bytes).digest("hex"));
      }),
      { seed: 16, numRuns: 200 },
    );
  });

  it("gives the published digest of 'abc' (FIPS 180-2 example)", () => {
    expect(sha256Hex(strToU8("abc"))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});

describe("embedded pack", () => {
  it.each(BUILTIN_PACKS.map((p) => [p.id, p] as const))(
    "%s comes back identical, in cells under Excel's 32,767-character limit",
    (_id, pack) => {
      const embedded = embedPack(pack);
      expect(embedded.chunks.every((c) => c.length <= 32_767)).toBe(true);
      expect(embedded.hash).toBe(createHash("sha256").update(canonicalJson(pack)).digest("hex"));
      const back = unpackEmbedded(embedded);
      expect(back.ok && canonicalJson(back.pack)).toBe(canonicalJson(pack));
    },
  );

  it("survives the metadata rows in any order, split across many cells", () => {
    const pack = township();
    const meta = metaFor(layoutFor(pack), [], undefined, embedPack(pack, 1000));
    const rows = metaRows(meta);
    expect(rows.filter((r) => r[0] === "packdata").length).toBeGreaterThan(5);
    const parsed = parseMetaRows([...rows].reverse());
    const back = parsed?.pack ? unpackEmbedded(parsed.pack) : null;
    expect(back?.ok && back.hash).toBe(packHash(pack));
  });

  it("reports a tampered pack (edited without its hash) as a hash mismatch, not a crash", () => {
    const changed = township();
    changed.groups[0]!.items[0]!.points += 1;
    const forged = { hash: packHash(township()), chunks: embedPack(changed).chunks };
    expect(unpackEmbedded(forged)).toEqual({ ok: false, code: "embed.hashMismatch" });
  });

  it("reports damaged cells as corrupt", () => {
    const { hash, chunks } = embedPack(township());
    expect(unpackEmbedded({ hash, chunks: [chunks[0]!.slice(0, 100)] })).toEqual({
      ok: false,
      code: "embed.corrupt",
    });
    expect(unpackEmbedded({ hash, chunks: ["不是base64!"] })).toEqual({ ok: false, code: "embed.corrupt" });
  });

  it("lets a reader without the pack built in check with the workbook's own copy", () => {
    const custom = township();
    custom.id = "county-2019";
    custom.version = "1.0.0";
    const resolved = resolvePack({ packId: custom.id, packVersion: custom.version, pack: embedPack(custom) });
    expect(resolved.ok && resolved.pack.id).toBe("county-2019");
    expect(resolvePack({ packId: custom.id, packVersion: custom.version })).toMatchObject({
      ok: false,
      reason: "unknownPack",
    });
  });

  it("prefers the built-in copy of the same version, and says when the carried copy is damaged", () => {
    const shipped = township();
    const changed = township();
    changed.groups[0]!.items[0]!.points += 1;
    const bad = { hash: packHash(shipped), chunks: embedPack(changed).chunks };
    const resolved = resolvePack({ packId: shipped.id, packVersion: shipped.version, pack: bad });
    expect(resolved.ok && resolved.pack.groups[0]!.items[0]!.points).toBe(
      shipped.groups[0]!.items[0]!.points,
    );
    expect(resolved.ok && resolved.embedded).toEqual({ ok: false, code: "embed.hashMismatch" });
  });
});

describe("diffPacks", () => {
  it("lists points, thresholds, rules and items that differ, and nothing for the same pack", () => {
    const ours = township();
    expect(diffPacks(ours, township())).toEqual([]);
    const theirs = township();
    const [first, second] = theirs.groups[0]!.items;
    first!.points += 2;
    second!.rules = [];
    theirs.assessment.bands[0]!.min -= 5;
    theirs.groups[0]!.title = { zh: "改了标题", en: "renamed" };
    const codes = diffPacks(ours, theirs).map((d) => `${d.code}:${d.subject}`);
    expect(codes).toEqual([
      "packDiff.bands:bands",
      `packDiff.points:${first!.id}`,
      ...(ours.groups[0]!.items[1]!.rules.length > 0 ? [`packDiff.rules:${second!.id}`] : []),
    ]);
    const points = diffPacks(ours, theirs).find((d) => d.code === "packDiff.points");
    expect(points).toMatchObject({
      expected: String(ours.groups[0]!.items[0]!.points),
      actual: String(ours.groups[0]!.items[0]!.points + 2),
    });
  });
});
