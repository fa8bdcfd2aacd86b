import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { assess } from "../../src/core/assess";
import type { Assessment } from "../../src/core/assessment";
import { findPack } from "../../src/core/pack/builtin";
import type { Pack } from "../../src/core/pack/schema";
import { reportHtml } from "../../src/report/report";
import { buildSnapshot } from "../support/snapshot";
import { launch, RESULTS } from "./support/browser";
import { pdfPageTexts } from "./support/pdfText";

// Issue 14: the reviewers' gap report printed to PDF by Chromium, as a reviewer's browser does with
// background printing off (page.pdf's default). Running header/footer use @page margin boxes
// (Chromium 131+: https://groups.google.com/a/chromium.org/g/blink-dev/c/XKb6IQZXNks).

const pack = findPack("township-2018") as Pack;
const statusItems = pack.groups.flatMap((g) => g.items).filter((i) => i.kind === "status");
const GENERATED = new Date("2026-12-02T03:20:00Z");
/** A4 landscape minus the report's @page margins (12 mm each side, 16 mm top, 14 mm bottom), in CSS px. */
const MM = 96 / 25.4;
const CONTENT = { width: (297 - 24) * MM, height: (210 - 30) * MM };

/** A township that has barely started: every status item is a gap, each with a named owner. */
function longAssessment(): Assessment {
  const items = Object.fromEntries(
    statusItems.map((item, n): [string, Record<string, string>] => [
      item.id,
      n % 2 === 0 ? { status: "部分完成", owner: "欧阳娜娜", dueDate: "2019-03-31" } : { owner: "王五" },
    ]),
  );
  return assess(pack, buildSnapshot(pack, { township: "宣和镇", items }));
}

describe("the gap report, printed (issue 14)", () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await launch();
  });
  afterAll(() => context?.close());

  async function printed(assessment: Assessment, name: string): Promise<{ page: Page; pages: string[] }> {
    const page = await context.newPage();
    await page.setViewportSize({ width: Math.floor(CONTENT.width), height: Math.floor(CONTENT.height) });
    await page.setContent(reportHtml(assessment, pack, "zh-CN", { generatedAt: GENERATED }));
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ preferCSSPageSize: true });
    writeFileSync(join(RESULTS, `${name}.pdf`), pdf);
    return { page, pages: pdfPageTexts(pdf) };
  }

  it("puts the unit, the date and 第 n 页,共 N 页 on every page, and fills page 1", async () => {
    const assessment = longAssessment();
    expect(assessment.gaps.length).toBeGreaterThan(15);
    const { page, pages } = await printed(assessment, "report-print-long");

    // The page count follows the content: its height over one page's, plus at most one page lost
    // to rows that are kept whole.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const fullPages = Math.ceil(height / CONTENT.height);
    expect(pages.length).toBeGreaterThanOrEqual(fullPages);
    expect(pages.length).toBeLessThanOrEqual(fullPages + 1);
    expect(pages.length).toBeGreaterThan(2);

    pages.forEach((text, i) => {
      expect(text).toContain("宣和镇·评估基准日2018-12-31");
      expect(text).toContain(`第${i + 1}页,共${pages.length}页`);
      expect(text).toContain("生成于");
    });
    // No half-empty first page: the gap list starts on it; its header repeats on the next page.
    const firstGap = assessment.gaps[0]?.itemId as string;
    expect(pages[0]).toContain(`序号编号依据要求所属部分分值实得失分问题评分标准责任人完成期限1${firstGap}`);
    expect(pages[1]).toContain("序号编号依据要求所属部分分值实得失分问题评分标准责任人完成期限");
    // How it was made, and the reviewer's block, kept together at the end.
    const last = pages[pages.length - 1] as string;
    expect(last).toContain("报告说明");
    expect(last).toContain("township-20181.1.0");
    expect(last).toMatch(/优秀≥90分;良好≥80分;合格≥60分;不合格<60分;一票否决追溯2年/);
    expect(last).toContain("评审意见评审人(签字):日期:");
    await page.close();
  }, 60_000);

  it("never makes a column narrower than its header, nor breaks a short column between characters", async () => {
    const { page } = await printed(longAssessment(), "report-print-columns");
    const columns = await page.evaluate(() => {
      const lines = (node: Node) => {
        const range = document.createRange();
        range.selectNodeContents(node);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      };
      const table = document.querySelector("table.gaps") as HTMLTableElement;
      const headers = [...table.tHead!.rows[0]!.cells];
      return headers.map((th, col) => {
        const range = document.createRange();
        range.selectNodeContents(th);
        const style = getComputedStyle(th);
        const inner = th.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const cells = [...table.tBodies[0]!.rows].map((row) => row.cells[col] as HTMLTableCellElement);
        return {
          header: th.textContent ?? "",
          textWidth: range.getBoundingClientRect().width,
          inner,
          headerLines: lines(th),
          maxCellLines: Math.max(...cells.filter((c) => c.textContent).map(lines), 0),
        };
      });
    });
    for (const c of columns) {
      expect({ header: c.header, lines: c.headerLines }).toEqual({ header: c.header, lines: 1 });
      expect(c.inner + 0.5).toBeGreaterThanOrEqual(c.textWidth);
    }
    const short = columns.filter((c) =>
      ["序号", "编号", "依据", "分值", "实得", "失分", "责任人", "完成期限"].includes(c.header),
    );
    expect(short).toHaveLength(8);
    for (const c of short)
      expect({ header: c.header, lines: c.maxCellLines }).toEqual({ header: c.header, lines: 1 });
    await page.close();
  }, 60_000);

  it("keeps header cells legible without background printing: dark text, visible borders", async () => {
    const { page } = await printed(longAssessment(), "report-print-colours");
    const th = await page.evaluate(() => {
      const style = getComputedStyle(document.querySelector("th") as HTMLElement);
      return { color: style.color, border: style.borderTopWidth, borderColor: style.borderTopColor };
    });
    // Contrast of the header text against white paper (WCAG relative luminance) ≥ 7:1.
    const [r, g, b] = (th.color.match(/\d+/g) ?? []).map(Number).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    expect(1.05 / (luminance + 0.05)).toBeGreaterThanOrEqual(7);
    expect(parseFloat(th.border)).toBeGreaterThan(0);
    expect(th.borderColor).not.toBe("rgb(255, 255, 255)");
    await page.close();
  }, 60_000);
});
