import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { packJsonSchema } from "../../../src/core/pack/json-schema";
import { FORMAT_PATTERNS } from "../../../src/core/pack/zod-issues";

const committed = (): unknown =>
  JSON.parse(readFileSync(resolve(__dirname, "../../../templates/pack.schema.json"), "utf8"));

function patterns(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(patterns);
  if (node === null || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === "pattern" && typeof value === "string" ? [value] : patterns(value),
  );
}

describe("templates/pack.schema.json", () => {
  it("is the current export of the zod schema (run `npm run pack-schema` after changing it)", () => {
    expect(committed()).toEqual(packJsonSchema());
  });

  it("forbids keys the loader would reject", () => {
    expect(committed()).toMatchObject({ additionalProperties: false });
  });

  it("has a readable message for every string format it uses", () => {
    const unknown = [...new Set(patterns(packJsonSchema()))].filter((p) => !(p in FORMAT_PATTERNS));
    expect(unknown).toEqual([]);
  });
});
