import { assess } from "../../src/core/assess";
import { findPack } from "../../src/core/pack/builtin";
import type { Pack } from "../../src/core/pack/schema";
import { formatTimestamp } from "../../src/report/colophon";
import { cssString, pageCounterContent } from "../../src/report/print";
import { reportHtml } from "../../src/report/report";
import { buildSnapshot } from "../support/snapshot";

const pack = findPack("township-2018") as Pack;

describe("report print helpers (issue 14)", () => {
  it.each([
    ["宣和镇", '"宣和镇"'],
    ['a"b', '"a\\22 b"'],
    ["a\\b", '"a\\5c b"'],
    ["</style><script>", '"\\3c /style\\3e \\3c script\\3e "'],
    ["line\nbreak", '"line\\a break"'],
  ])("quotes %j as a CSS string", (text, css) => {
    expect(cssString(text)).toBe(css);
  });

  it("turns {page} and {pages} into the page counters", () => {
    expect(pageCounterContent("第 {page} 页,共 {pages} 页")).toBe(
      '"第 " counter(page) " 页,共 " counter(pages) " 页"',
    );
    expect(pageCounterContent("Page {page} of {pages}")).toBe('"Page " counter(page) " of " counter(pages)');
  });

  it("writes the time with its UTC offset", () => {
    expect(formatTimestamp(new Date(2026, 11, 2, 9, 5))).toMatch(/^2026-12-02 09:05 UTC[+-]\d{2}:\d{2}$/);
  });

  it("keeps a hostile unit name inside the page header's CSS string", () => {
    const township = '镇"}</style><script>alert(1)</script>';
    const html = reportHtml(assess(pack, buildSnapshot(pack, { township })), pack, "zh-CN", {
      generatedAt: new Date("2026-12-02T03:20:00Z"),
    });
    expect(html).not.toContain("<script>");
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(html).toContain('@top-left{content:"镇\\22 }\\3c /style\\3e \\3c script\\3e alert(1)');
  });

  it("states when, from which template and under which settings it was made, and leaves room to sign", () => {
    const html = reportHtml(assess(pack, buildSnapshot(pack, {})), pack, "en-US", {
      generatedAt: new Date("2026-12-02T03:20:00Z"),
    });
    expect(html).toContain("<dt>Template</dt>");
    expect(html).toContain(`(township-2018 ${pack.version})`);
    expect(html).toContain("veto window 2 years");
    expect(html).toContain("Reviewer (signature):");
    expect(html).toContain('counter(page) " of " counter(pages)');
  });
});
