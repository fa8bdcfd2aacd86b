import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { screenshotPath } from "./support/browser";
import { installPack, openTab, PreviewWorkbook, recheckEverything, score } from "./support/preview";
import { browserSession } from "./support/session";

jest.setTimeout(120_000);

const browser = browserSession();
let errors: string[];

async function openPreview(): Promise<Page> {
  const started = Date.now();
  const opened = await browser.open("/preview.html");
  const page = opened.page;
  errors = opened.errors;
  await page.getByRole("button", { name: "安装模板" }).waitFor();
  console.log(`taskpane interactive_ms=${Date.now() - started}`);
  return page;
}

const DECISIONS = "重大行政决策台账";
const INFO = "基本信息";

test("township staff: install, catch a review after the discussion, fix it, see the score rise, export", async () => {
  const page = await openPreview();
  const pane = page.getByTestId("taskpane");
  const book = new PreviewWorkbook(page);
  await installPack(page, null, "宣和镇", "2018-12-31");
  await page.screenshot({ path: screenshotPath("tab-template") });

  await openTab(page, "得分");
  const before = await score(page);

  await book.openSheet(DECISIONS);
  const col = async (header: string) => book.column(DECISIONS, header);
  const row = 3;
  await book.enter(DECISIONS, `${await col("决策事项")}${row}`, "集镇规划调整");
  for (const step of ["公众参与", "专家论证", "风险评估", "合法性审查", "集体讨论"]) {
    await book.enter(DECISIONS, `${await col(step)}${row}`, "是");
  }
  await book.enter(DECISIONS, `${await col("公众参与日期")}${row}`, "2018-04-20");
  await book.enter(DECISIONS, `${await col("专家论证日期")}${row}`, "2018-04-25");
  await book.enter(DECISIONS, `${await col("风险评估日期")}${row}`, "2018-04-28");
  await book.enter(DECISIONS, `${await col("合法性审查日期")}${row}`, "2018-05-10");
  await book.enter(DECISIONS, `${await col("集体讨论日期")}${row}`, "2018.5.3");
  await book.enter(DECISIONS, `${await col("决定日期")}${row}`, "2018年5月3日");
  await book.enter(DECISIONS, `${await col("公布日期")}${row}`, "2018/5/8");
  await book.enter(DECISIONS, `${await col("是否归档")}${row}`, "是");

  // The finding shows in the pane; 全部重新校验 writes it into the row's 校验 cell (an edit writes
  // nothing to the workbook).
  await openTab(page, "校验");
  const region = pane.getByRole("region", { name: DECISIONS });
  await region
    .getByText(/合法性审查/)
    .first()
    .waitFor({ timeout: 5_000 });
  const checkCell = `${await col("校验")}${row}`;
  await recheckEverything(page);
  await book.waitForText(DECISIONS, checkCell, /^✗.*合法性审查/);
  await page.screenshot({ path: screenshotPath("tab-checks") });

  // Clicking the finding selects its cell in the workbook.
  await region.getByRole("button").first().click();
  const focused = await page.waitForFunction(
    (sheet) => {
      const label = document.activeElement?.getAttribute("aria-label") ?? "";
      return label.startsWith(`${sheet}!`) ? label : null;
    },
    DECISIONS,
    { timeout: 5_000 },
  );
  expect(await focused.jsonValue()).toMatch(new RegExp(`^${DECISIONS}![A-Z]+${row}$`));

  // The severity filter (issue 12): nothing pressed shows all; pressing 错误 shows only errors.
  const errorFilter = pane.getByRole("button", { name: /^错误 \d+$/ });
  const warningFilter = pane.getByRole("button", { name: /^警告 \d+$/ });
  expect(await errorFilter.getAttribute("aria-pressed")).toBe("false");
  await errorFilter.click();
  expect(await errorFilter.getAttribute("aria-pressed")).toBe("true");
  await region
    .getByText(/合法性审查/)
    .first()
    .waitFor({ timeout: 5_000 });
  expect(await pane.locator('ul [aria-label="警告"], ul [aria-label="提示"]').count()).toBe(0);
  await page.screenshot({ path: screenshotPath("tab-checks-filter") });
  await errorFilter.click();
  await warningFilter.click();
  expect(await pane.locator('ul [aria-label="错误"]').count()).toBe(0);
  await warningFilter.click();
  expect(await warningFilter.getAttribute("aria-pressed")).toBe("false");
  await region
    .getByText(/合法性审查/)
    .first()
    .waitFor({ timeout: 5_000 });

  await openTab(page, "得分");
  const withError = await score(page);

  // Fix: review before the discussion.
  await book.enter(DECISIONS, `${await col("合法性审查日期")}${row}`, "2018-05-01");
  await page.waitForFunction(
    (s) => Number(document.querySelector('[data-testid="score"]')?.textContent) > s,
    withError,
    { timeout: 5_000 },
  );
  // Since the 1.1.0 clause corrections a review also records its conclusion (000 二(一)6).
  await book.enter(DECISIONS, `${await col("合法性审查结论")}${row}`, "合法");
  await recheckEverything(page);
  // No error left (a date typed as text would stay a "!" warning).
  expect(await book.waitForText(DECISIONS, checkCell, /^(✓|!)/)).not.toContain("✗");
  await openTab(page, "得分");
  expect(await score(page)).toBeGreaterThan(before);

  // Certified staff below half of the established staff: a gap on the indicator.
  await book.openSheet(INFO);
  await book.enter(INFO, "B5", "20");
  await book.enter(INFO, "B6", "6");
  await openTab(page, "差距");
  await pane
    .getByText(/T2\.4\.1/)
    .first()
    .waitFor({ timeout: 5_000 });
  // A gap card selects its item's checklist row: T2.4.1 is the first row of 二(四)执法人员, 状态 in E.
  // (The preview grid focuses a selected cell only on the sheet already shown, so show it first.)
  await book.openSheet("二(四)执法人员");
  await pane.getByRole("button", { name: /^T2\.4\.1 / }).click();
  const jumped = await page.waitForFunction(
    () => {
      const label = document.activeElement?.getAttribute("aria-label") ?? "";
      return label.startsWith("二(四)执法人员!") ? label : null;
    },
    undefined,
    { timeout: 5_000 },
  );
  expect(await jumped.jsonValue()).toBe("二(四)执法人员!E3");
  await openTab(page, "校验");
  await pane.getByText(/50%/).first().waitFor({ timeout: 5_000 });

  await openTab(page, "得分");
  await page.screenshot({ path: screenshotPath("tab-score") });

  // Export: the gap sheet in the workbook, and the printable report.
  await openTab(page, "差距");
  await page.screenshot({ path: screenshotPath("tab-gaps") });
  await pane.getByRole("button", { name: /导出到/ }).click();
  await page.getByRole("grid", { name: "差距清单" }).waitFor({ timeout: 5_000 });
  const download = page.waitForEvent("download");
  await pane.getByRole("button", { name: "下载 HTML 报告" }).click();
  const file = await (await download).path();
  const html = readFileSync(file, "utf8");
  expect(html).toContain("宣和镇");
  expect(html).toContain("T2.4.1");
  expect(html).not.toMatch(/<script/i);

  await openTab(page, "汇总");
  await page.screenshot({ path: screenshotPath("tab-consolidate") });
  expect(errors).toEqual([]);
});

test("a veto inside the window makes the township ineligible, whatever the score", async () => {
  const page = await openPreview();
  const book = new PreviewWorkbook(page);
  await installPack(page, "依法行政示范单位", "沙坡头区司法局", "2019-06-30");
  const sheet = "九、一票否决";
  await book.openSheet(sheet);
  await book.enter(sheet, `${await book.column(sheet, "是否发生")}3`, "是");
  await book.enter(sheet, `${await book.column(sheet, "发生日期")}3`, "2018-03-01");
  await openTab(page, "得分");
  await page.getByTestId("veto").waitFor({ timeout: 5_000 });
  expect(await page.getByTestId("recognition").innerText()).toBe("不予认定");
  expect(await page.getByTestId("veto").innerText()).toContain("2018-03-01");
  await page.screenshot({ path: screenshotPath("tab-score-veto") });
  expect(errors).toEqual([]);
});
