import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { assessWorkbookBytes } from "../../src/xlsx";
import type * as ExcelJS from "exceljs";
import { HEADER_ROW } from "../../src/core/layout";
import { saveXlsx } from "../../src/xlsx";
import { columnOf, DECISIONS, filledBytes, filledWorkbook, INFO } from "../preview/workbooks";
import { screenshotPath } from "./support/browser";
import { openTab, PreviewWorkbook, recheckEverything, score } from "./support/preview";
import { browserSession } from "./support/session";

// The preview computes every formula cell of an opened workbook with the JS engine on its first
// reads: tens of seconds for a whole township workbook on a loaded machine (a known cost, see the
// closing note of stop 20), so these waits are long.
jest.setTimeout(300_000);

const browser = browserSession();
let errors: string[];
const dir = mkdtempSync(join(tmpdir(), "taizhang-preview-files-"));

async function openPreview(): Promise<Page> {
  const opened = await browser.open("/preview.html");
  const page = opened.page;
  errors = opened.errors;
  await page.getByRole("button", { name: "安装模板" }).waitFor();
  return page;
}

async function openFile(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  await page.getByLabel("选择要在预览中打开的 Excel 工作簿(.xlsx)").setInputFiles(path);
}

test("open a workbook filled in elsewhere, see its finding, fix it in the grid, save it for `taizhang check`", async () => {
  const page = await openPreview();
  const pane = page.getByTestId("taskpane");
  const book = new PreviewWorkbook(page);
  await openFile(page, "宣和镇.xlsx", await filledBytes());
  await page
    .getByTestId("file-status")
    .getByText(/已打开 宣和镇\.xlsx/)
    .waitFor({ timeout: 120_000 });

  // The pane started over on the opened workbook: it knows the pack and checks the entries.
  await openTab(page, "校验");
  const region = pane.getByRole("region", { name: DECISIONS });
  await region
    .getByText(/合法性审查/)
    .first()
    .waitFor({ timeout: 120_000 });
  await page.screenshot({ path: screenshotPath("preview-opened-file") });

  await book.openSheet(DECISIONS);
  const review = `${await book.column(DECISIONS, "合法性审查日期")}3`;
  expect(await book.text(DECISIONS, review)).toBe("2018-05-10");
  await book.enter(DECISIONS, review, "2018-05-01");
  // Since the 1.1.0 clause corrections a review also records its conclusion (000 二(一)6).
  await book.enter(DECISIONS, `${await book.column(DECISIONS, "合法性审查结论")}3`, "合法");
  // An edit writes nothing; the explicit recheck writes the row's 校验 text.
  await recheckEverything(page);
  // No error left; the dates the other office typed as text stay warnings (转换为日期 fixes them).
  const verdict = await book.waitForText(DECISIONS, `${await book.column(DECISIONS, "校验")}3`, /^(✓|!)/);
  expect(verdict).not.toContain("✗");

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "保存为 .xlsx" }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^宣和镇_台账_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const bytes = new Uint8Array(readFileSync(await saved.path()));

  const checked = await assessWorkbookBytes(bytes);
  const codes = checked.assessment.findings.map((f) => f.code);
  expect(codes).not.toContain("dateOrder.violated");
  expect(codes).toContain("ratio.belowAfterDeadline");
  const original = await assessWorkbookBytes(await filledBytes());
  expect(checked.snapshot.inputs).toEqual(original.snapshot.inputs);
  const decision = (s: typeof checked.snapshot) => s.tables["ledger:decisions"]?.rows[0]?.cells ?? {};
  expect(decision(checked.snapshot)).toEqual({
    ...decision(original.snapshot),
    // Every reading path gives dates as Excel serials: 2018-05-01.
    legalityReviewDate: 43221,
    legalityConclusion: "合法",
  });
  expect(checked.assessment.score).toBeGreaterThan(original.assessment.score);
  expect(errors).toEqual([]);
});

test("a ledger filled below its one-row table elsewhere scores as in the CLI, and the pane extends the table over it (issue 10)", async () => {
  const wb = filledWorkbook();
  const ledger = wb.getWorksheet(DECISIONS) as ExcelJS.Worksheet;
  for (let i = 0; i < 5; i++) {
    const row = HEADER_ROW + 2 + i;
    ledger.getCell(row, columnOf(ledger, "决策事项")).value = `补录决策 ${i + 1}`;
    ledger.getCell(row, columnOf(ledger, "决定日期")).value = "2018-06-01";
  }
  const bytes = await saveXlsx(wb);
  const cli = await assessWorkbookBytes(bytes);
  expect(cli.assessment.findings.filter((f) => f.code === "row.outsideTable")).toHaveLength(5);

  const page = await openPreview();
  const pane = page.getByTestId("taskpane");
  await openFile(page, "宣和镇.xlsx", bytes);
  await page
    .getByTestId("file-status")
    .getByText(/已打开 宣和镇\.xlsx/)
    .waitFor({ timeout: 120_000 });
  await openTab(page, "得分");
  await page.getByTestId("score").waitFor({ timeout: 120_000 });
  expect(await score(page)).toBe(cli.assessment.score);

  await openTab(page, "校验");
  await pane.getByText("有 5 行记录填在表格范围之外。").waitFor({ timeout: 120_000 });
  await page.screenshot({ path: screenshotPath("preview-rows-below-table") });
  await pane.getByRole("button", { name: "把表格扩展到这些行" }).click();
  await pane.getByText("有 5 行记录填在表格范围之外。").waitFor({ state: "detached", timeout: 120_000 });
  await openTab(page, "得分");
  expect(await score(page)).toBe(cli.assessment.score);
  expect(errors).toEqual([]);
});

test("a corrupt file shows why it cannot be opened and leaves the workbook as it was", async () => {
  const page = await openPreview();
  const book = new PreviewWorkbook(page);
  await openFile(page, "宣和镇.xlsx", await filledBytes());
  await page
    .getByTestId("file-status")
    .getByText(/已打开/)
    .waitFor({ timeout: 120_000 });
  await book.openSheet(INFO);
  const good = await filledBytes();
  await openFile(page, "坏文件.xlsx", good.slice(0, Math.floor(good.length / 2)));
  const message = page.getByTestId("file-status").getByText(/无法打开 坏文件\.xlsx/);
  await message.waitFor({ timeout: 120_000 });
  expect(await message.innerText()).toMatch(/损坏|不完整/);
  expect(await book.text(INFO, "B3")).toBe("宣和镇");
  await openFile(page, "名单.xlsx", new TextEncoder().encode("乡镇,状态\n宣和镇,完成\n"));
  await page
    .getByTestId("file-status")
    .getByText(/无法打开 名单\.xlsx/)
    .waitFor({ timeout: 120_000 });
  expect(await book.text(INFO, "B3")).toBe("宣和镇");
  expect(errors).toEqual([]);
});
