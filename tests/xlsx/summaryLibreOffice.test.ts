import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { consolidate } from "../../src/core/consolidate";
import { summaryBytes } from "../../src/xlsx";
import { assessmentOf, gapOf, groupResult } from "../support/assessmentParts";

/**
 * The CLI's summary workbook opened by LibreOffice, an independent spreadsheet program (converted
 * to HTML headless): the heat-map colours are the cells' own backgrounds, and every township link
 * on 汇总 lands on that township's block of 乡镇详情 (and back). LibreOffice shows an in-workbook
 * link as "#'Sheet'.A1".
 */
const haveSoffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
if (!haveSoffice) {
  console.warn("\n!!! LibreOffice (soffice) not found: SKIPPING the 汇总 LibreOffice test.\n");
}
const withSoffice = haveSoffice ? describe : describe.skip;

/** Each sheet of LibreOffice's HTML as rows of cell texts, with the background and link of each. */
interface LoCell {
  text: string;
  background: string | null;
  href: string | null;
}

function sheetsOf(html: string): Map<string, LoCell[][]> {
  const sheets = new Map<string, LoCell[][]>();
  const parts = html.split(/<h1>Sheet \d+: <em>/).slice(1);
  for (const part of parts) {
    const name = decode(part.slice(0, part.indexOf("</em>")));
    const table = part.slice(part.indexOf("<table"), part.indexOf("</table>"));
    const rows = table
      .split(/<tr[^>]*>/)
      .slice(1)
      .map((tr) => {
        const cells: LoCell[] = [];
        for (const m of tr.matchAll(/<td([^>]*)>([\s\S]*?)<\/td>/g)) {
          const attrs = m[1] ?? "";
          const body = m[2] ?? "";
          const cell: LoCell = {
            text: decode(body.replace(/<[^>]+>/g, "")).trim(),
            background: /bgcolor="(#[0-9A-Fa-f]{6})"/.exec(attrs)?.[1]?.toUpperCase() ?? null,
            href: /<a href="([^"]*)"/.exec(body)?.[1] ?? null,
          };
          const span = Number(/colspan=(\d+)/.exec(attrs)?.[1] ?? 1);
          for (let i = 0; i < span; i++)
            cells.push(i === 0 ? cell : { text: "", background: null, href: null });
        }
        return cells;
      });
    sheets.set(name, rows);
  }
  return sheets;
}

function decode(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&");
}

/** "#'乡镇详情'.A11" → the cell it names. */
function target(sheets: Map<string, LoCell[][]>, href: string): LoCell | undefined {
  const m = /^#'?((?:[^']|'')+?)'?\.([A-Z]+)(\d+)$/.exec(decodeURIComponent(href));
  if (!m) return undefined;
  const column = (m[2] ?? "A").charCodeAt(0) - 65;
  return sheets.get((m[1] ?? "").replace(/''/g, "'"))?.[Number(m[3]) - 1]?.[column];
}

withSoffice("the 汇总 workbook in LibreOffice", () => {
  const dir = mkdtempSync(join(tmpdir(), "tz-summary-lo-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let sheets: Map<string, LoCell[][]>;

  // Scores chosen on each side of the band steps: 95 (≥90), 85 (≥80), 70 (≥60), 55 (<60).
  const file = (source: string, township: string, year: number, score: number, g1: number) => ({
    source,
    assessment: assessmentOf(score, {
      township,
      assessmentYear: year,
      groups: [groupResult("G1", { points: 10, score: g1 })],
      gaps: [gapOf("1", 3)],
    }),
  });
  const summary = consolidate([
    file("a.xlsx", "甲镇", 2025, 95, 85),
    file("b.xlsx", "乙 镇", 2025, 70, 55),
    file("c.xlsx", "甲镇", 2024, 80, 90),
  ]);

  beforeAll(async () => {
    mkdirSync(join(dir, "out"));
    writeFileSync(join(dir, "sum.xlsx"), await summaryBytes(summary, [], "zh-CN"));
    execFileSync(
      "soffice",
      [
        "--headless",
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--convert-to",
        "html",
        "--outdir",
        join(dir, "out"),
        join(dir, "sum.xlsx"),
      ],
      { stdio: "ignore", timeout: 120_000 },
    );
    sheets = sheetsOf(readFileSync(join(dir, "out", "sum.html"), "utf8"));
  }, 180_000);

  it("paints the score and group cells with the band colours", () => {
    const matrix = sheets.get("汇总排名") ?? [];
    // Row 3: 甲镇 95 / G1 85; row 4: 乙 镇 70 / G1 55 (columns C and F).
    expect(
      [matrix[2]?.[2], matrix[2]?.[5], matrix[3]?.[2], matrix[3]?.[5]].map((c) => [c?.text, c?.background]),
    ).toEqual([
      ["95.0", "#63BE7B"],
      ["85.0", "#C6E0B4"],
      ["70.0", "#FFEB84"],
      ["55.0", "#F8696B"],
    ]);
  });

  it("links every township to its own block on 乡镇详情, and the block back to its row", () => {
    const matrix = sheets.get("汇总排名") ?? [];
    for (const [row, name, rank] of [
      [2, "甲镇", 1],
      [3, "乙 镇", 2],
    ] as const) {
      const cell = matrix[row]?.[1];
      expect(cell?.text).toBe(name);
      const block = target(sheets, cell?.href ?? "");
      expect(block?.text).toBe(`${rank}. ${name}(2025 年度)`);
    }
    const detail = sheets.get("乡镇详情") ?? [];
    const backs = detail.flat().filter((c) => c.href !== null);
    expect(backs.map((c) => target(sheets, c.href ?? "")?.text)).toEqual(["甲镇", "乙 镇"]);
  });

  it("shows 甲镇's change since 2024 per group and in total", () => {
    const matrix = sheets.get("汇总排名") ?? [];
    const head = matrix[1]?.map((c) => c.text) ?? [];
    const row = matrix[2]?.map((c) => c.text) ?? [];
    // 95 − 80 = 15; G1 85 − 90 = −5.
    expect(row[head.indexOf("总分较上年")]).toBe("▲ 15.0");
    expect(row[head.indexOf("G1 较上年")]).toBe("▼ 5.0");
  });
});

describe("regression: an in-workbook link written twice by ExcelJS (exceljs/exceljs#3027)", () => {
  it("is stored as Excel stores one: a location without '#' and no external relationship", async () => {
    const JSZip = (await import("jszip")).default;
    const summary = consolidate([{ source: "a.xlsx", assessment: assessmentOf(90, { township: "甲镇" }) }]);
    const zip = await JSZip.loadAsync(await summaryBytes(summary, [], "zh-CN"));
    const sheet = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
    expect(sheet).toContain('<hyperlink ref="B3" location="&apos;乡镇详情&apos;!A3"/>');
    const rels = (await zip.file("xl/worksheets/_rels/sheet1.xml.rels")?.async("string")) ?? "";
    expect(rels).not.toContain("TargetMode");
  });
});
