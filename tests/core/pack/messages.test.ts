import { PACK_PROBLEM_CODES, PACK_PROBLEM_PARAMS } from "../../../src/core/pack";
import { packMessages } from "../../../src/i18n/catalogs/pack";

const placeholders = (template: string): string[] =>
  [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "");

describe("pack problem messages", () => {
  it.each(PACK_PROBLEM_CODES)("%s has text in both languages using only its params", (code) => {
    for (const locale of ["zh-CN", "en-US"] as const) {
      const template = packMessages[locale][`pack.${code}`];
      expect(template).toBeDefined();
      const unknown = placeholders(template ?? "").filter(
        (name) => !(PACK_PROBLEM_PARAMS[code] as readonly string[]).includes(name),
      );
      expect(unknown).toEqual([]);
    }
  });

  it("has no text for codes the loader never returns", () => {
    const codes = new Set(PACK_PROBLEM_CODES.map((code) => `pack.${code}`));
    expect(Object.keys(packMessages["zh-CN"]).filter((key) => !codes.has(key))).toEqual([]);
  });
});
