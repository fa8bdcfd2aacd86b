import { screenshotPath } from "./support/browser";
import { PreviewWorkbook } from "./support/preview";
import { browserSession } from "./support/session";

jest.setTimeout(120_000);

const browser = browserSession();

// The self-test page a person with real Excel runs (taskpane.html?selftest), here on the preview's
// simulated workbook: every step passes, the one typed edit included, and nothing is left behind.
test("the self-test page runs every step and asks the person for the one typed edit", async () => {
  const { page, errors } = await browser.open("/preview.html?selftest");
  await page.getByRole("button", { name: "开始自检" }).click();

  const ask = page.getByRole("alert");
  await ask.waitFor({ timeout: 60_000 });
  expect(await ask.innerText()).toContain("请在工作表“基本信息”的 B3 单元格输入“自检乡”");
  const book = new PreviewWorkbook(page);
  await book.openSheet("基本信息");
  await book.enter("基本信息", "B3", "自检乡");

  await page.getByText("8 项通过,0 项失败,0 项跳过。").waitFor({ timeout: 60_000 });
  const statuses = await page
    .locator("[data-step]")
    .evaluateAll((els) =>
      els.map((el) => `${el.getAttribute("data-step")}:${el.getAttribute("data-status")}`),
    );
  expect(statuses).toEqual([
    "host:pass",
    "blank:pass",
    "install:pass",
    "cellTypes:pass",
    "readBack:pass",
    "userEdit:pass",
    "upgrade:pass",
    "remove:pass",
  ]);
  // The workbook is back to the one sheet it started with.
  expect(await page.getByRole("tab", { name: "基本信息", exact: true }).count()).toBe(0);
  await page.screenshot({ path: screenshotPath("selftest") });
  expect(errors).toEqual([]);
});
