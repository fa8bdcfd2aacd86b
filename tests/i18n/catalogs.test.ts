import { CATALOGS, format, localeFor, t } from "../../src/i18n";

const params = (template: string): string[] =>
  [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();

describe("message catalogs", () => {
  it("have every key in both languages, with the same params", () => {
    for (const pair of CATALOGS) {
      const zh = pair["zh-CN"];
      const en = pair["en-US"];
      expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
      for (const key of Object.keys(zh)) {
        expect({ key, params: params(en[key] ?? "") }).toEqual({ key, params: params(zh[key] ?? "") });
      }
    }
  });

  it("never repeats a key across areas", () => {
    const seen = new Set<string>();
    for (const pair of CATALOGS) {
      for (const key of Object.keys(pair["zh-CN"])) {
        expect(seen.has(key) ? key : "").toBe("");
        seen.add(key);
      }
    }
  });

  it("shows an unknown key rather than failing", () => {
    expect(t("zh-CN", "no.such.key")).toBe("no.such.key");
  });

  it("fills params and leaves unknown placeholders visible", () => {
    expect(format("第 {row} 行 {x}", { row: 12 })).toBe("第 12 行 {x}");
  });

  it("follows Office's display language", () => {
    expect(localeFor("en-US")).toBe("en-US");
    expect(localeFor("zh-CN")).toBe("zh-CN");
    expect(localeFor(undefined)).toBe("zh-CN");
  });
});
