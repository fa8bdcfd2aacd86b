// The task pane's build keeps one locale per catalog module (scripts/locale-split.cjs): each half
// must hold exactly that locale's messages, so an English pane shows English once its chunk arrives.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CATALOGS } from "../../src/i18n";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the loader is CommonJS, as webpack wants
const split = require("../../scripts/locale-split.cjs") as {
  keepLocale(source: string, locale: string, file?: string): string;
  passLocale(source: string, locale: string): string;
};

const dir = join(__dirname, "..", "..", "src", "i18n", "catalogs");
const files = readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "all.ts");

/** Evaluate a catalog file's object literal (its text after `= `), as the built module would. */
function pairOf(source: string): Record<string, Record<string, string>> {
  const literal = source.slice(source.indexOf("= {") + 2).replace(/;\s*$/, "");
  return new Function(`return (${literal});`)() as Record<string, Record<string, string>>;
}

describe("the task pane's catalogs split by locale", () => {
  it.each(files)("%s keeps exactly one locale's messages in each half", (file) => {
    const source = readFileSync(join(dir, file), "utf8");
    const whole = pairOf(source);
    for (const locale of ["zh-CN", "en-US"]) {
      const other = locale === "zh-CN" ? "en-US" : "zh-CN";
      const half = pairOf(split.keepLocale(source, locale, file));
      expect(half[locale]).toEqual(whole[locale]);
      expect(half[other]).toEqual({});
    }
  });

  it("every catalog the app merges is a file the split handles", () => {
    expect(files).toHaveLength(CATALOGS.length);
  });

  it("passes the locale to every catalog import of all.ts", () => {
    const all = readFileSync(join(dir, "all.ts"), "utf8");
    const passed = split.passLocale(all, "en-US");
    expect(passed.match(/\?locale=en-US"/g)).toHaveLength(files.length);
    expect(passed).toContain('import type { CatalogPair } from "../types";');
  });

  it("refuses a catalog not in the expected shape, so the build fails instead of shipping no messages", () => {
    expect(() => split.keepLocale('export const x = { "zh-CN": { a: "b" } };', "zh-CN")).toThrow(
      /one block per locale/,
    );
  });
});
