import { screenshotPath } from "./support/browser";
import { browserSession } from "./support/session";

jest.setTimeout(60000);

const browser = browserSession();

test("the preview shows the task pane in Chinese beside the workbook", async () => {
  const { page, errors } = await browser.open("/preview.html");
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.reload();

  await page.getByRole("tab", { name: "模板" }).waitFor();
  expect(await page.getByTestId("preview-banner").innerText()).toContain("预览模式");
  for (const tab of ["模板", "校验", "得分", "差距", "汇总"]) {
    expect(await page.getByRole("tab", { name: tab }).isVisible()).toBe(true);
  }
  expect(await page.getByRole("heading", { level: 1 }).innerText()).toContain("台账");
  const pane = await page.getByTestId("taskpane").boundingBox();
  expect(pane?.width).toBe(350);
  await page.screenshot({ path: screenshotPath("preview-shell") });
  expect(errors).toEqual([]);
});

test("the language switch turns the pane to English", async () => {
  const { page } = await browser.open("/preview.html");
  // A native <select> (Fluent Select): picked the way a keyboard or mouse user's browser does.
  await page.getByRole("combobox", { name: "界面语言" }).selectOption({ label: "English" });
  await page.getByRole("tab", { name: "Template" }).waitFor();
  expect(await page.getByRole("heading", { level: 1 }).innerText()).toContain("Taizhang");
});

test("the task pane outside Excel says it must be opened in Excel", async () => {
  const { page } = await browser.open("/taskpane.html");
  await page.getByText("请在 Excel 中打开台账").waitFor({ timeout: 15000 });
  await page.screenshot({ path: screenshotPath("taskpane-outside-excel") });
});

test("the pane follows a dark Office theme", async () => {
  const { page } = await browser.open("/preview.html?theme=dark");
  await page.getByRole("tab", { name: "模板" }).waitFor();
  const background = await page
    .getByTestId("taskpane")
    .locator(".fui-FluentProvider")
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  const [r = 255, g = 255, b = 255] = (background.match(/\d+/g) ?? []).map(Number);
  expect((r + g + b) / 3).toBeLessThan(80);
  await page.screenshot({ path: screenshotPath("preview-dark") });
});
