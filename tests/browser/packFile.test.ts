import type { Page } from "playwright-core";
import { COUNTY_TABLE_FILE } from "../fixtures/countyTable/make";
import { installPack, openTab, PreviewWorkbook, score } from "./support/preview";
import { browserSession } from "./support/session";

jest.setTimeout(120_000);

const browser = browserSession();

/** The row whose cell holds `id` on a sheet of the preview grid. */
async function rowOf(page: Page, sheet: string, id: string): Promise<number> {
  const row = await page.evaluate(
    ({ sheet, id }) => {
      for (const el of document.querySelectorAll<HTMLInputElement>(`[aria-label^="${sheet}!A"]`)) {
        if (el.value === id) return Number(/(\d+)$/.exec(el.getAttribute("aria-label") ?? "")?.[1]);
      }
      return null;
    },
    { sheet, id },
  );
  if (!row) throw new Error(`${id} not on ${sheet}`);
  return row;
}

test("coordinator's own 考核细则 table: pick it in 模板, install, fill, and the pane scores it", async () => {
  const { page, errors } = await browser.open("/preview.html");
  const pane = page.getByTestId("taskpane");
  await page.getByRole("button", { name: "安装模板" }).waitFor();

  await pane.getByTestId("pack-file").setInputFiles(COUNTY_TABLE_FILE);
  await pane.getByText(/已读取 临川县考核细则\.xlsx:模板 county-table 1\.0\.0/).waitFor({ timeout: 30_000 });
  await installPack(page, null, "东乡镇", "2024-12-31");

  const book = new PreviewWorkbook(page);
  const sheet = "一、依法全面履行政府职能";
  await book.openSheet(sheet);
  const row = await rowOf(page, sheet, "C1.1");
  await book.enter(sheet, `${await book.column(sheet, "佐证材料")}${row}`, "权责清单");
  await book.enter(sheet, `${await book.column(sheet, "状态")}${row}`, "完成");

  // By hand: C1.1 earns its 10 of the table's 100 points.
  await openTab(page, "得分");
  await page.waitForFunction(
    () => document.querySelector('[data-testid="score"]')?.textContent === "10.0",
    null,
    {
      timeout: 10_000,
    },
  );
  expect(await score(page)).toBe(10);
  expect(errors).toEqual([]);
});
