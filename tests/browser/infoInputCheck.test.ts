import type { Page } from "playwright-core";
import { layoutFor } from "../../src/core/layout/layout";
import { findPack } from "../../src/core/pack/builtin";
import type { Pack } from "../../src/core/pack/schema";
import { screenshotPath } from "./support/browser";
import { installPack, openTab, PreviewWorkbook, recheckEverything } from "./support/preview";
import { browserSession } from "./support/session";

jest.setTimeout(120_000);

const browser = browserSession();
const INFO = "基本信息";

// Issue 12: 执法记录仪 3 showed ✓ on 基本信息 while the pane listed the error greyed out, without a
// cell, and not clickable.
test("执法记录仪 below 5: the pane's finding selects the cell, and 全部重新校验 shows ✗ beside the figure on 基本信息", async () => {
  const row = layoutFor(findPack("township-2018") as Pack).info.rows.find(
    (r) => r.inputId === "recorders",
  )?.row;
  if (!row) throw new Error("no recorders row on 基本信息");
  const { page } = await browser.open("/preview.html");
  await page.getByRole("button", { name: "安装模板" }).waitFor();
  const book = new PreviewWorkbook(page);
  await installPack(page, null, "宣和镇", "2018-12-31");

  await book.openSheet(INFO);
  await book.enter(INFO, `B${row}`, "3");

  await openTab(page, "校验");
  const finding = page
    .getByTestId("taskpane")
    .getByRole("region", { name: INFO })
    .getByRole("button", { name: /行政执法记录仪数量为 3/ });
  await finding.waitFor({ timeout: 5_000 });
  expect(await finding.isEnabled()).toBe(true);
  await page.screenshot({ path: screenshotPath("info-input-check") });
  await finding.click();
  expect(await focusedCell(page)).toBe(`${INFO}!B${row}`);
  // An edit writes nothing to the workbook; the explicit recheck writes the 校验 text.
  await recheckEverything(page);
  await book.waitForText(INFO, `E${row}`, /^✗ 行政执法记录仪数量为 3,应不少于 5/);

  await book.enter(INFO, `B${row}`, "6");
  await finding.waitFor({ state: "detached", timeout: 5_000 });
  await recheckEverything(page);
  await book.waitForText(INFO, `E${row}`, /^✓$/);
});

async function focusedCell(page: Page): Promise<string> {
  const handle = await page.waitForFunction(
    (sheet) => {
      const label = document.activeElement?.getAttribute("aria-label") ?? "";
      return label.startsWith(`${sheet}!`) ? label : null;
    },
    INFO,
    { timeout: 5_000 },
  );
  return (await handle.jsonValue()) as string;
}
