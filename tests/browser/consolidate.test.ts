import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { launch, screenshotPath } from "./support/browser";
import { openTab } from "./support/preview";
import { serveDist } from "./support/server";
import {
  MODEL_UNIT,
  olderTownshipPack,
  TOWNSHIP,
  writeCorruptFile,
  writeTownshipFile,
} from "./support/townshipFiles";

jest.setTimeout(120_000);

let context: BrowserContext;
let server: Awaited<ReturnType<typeof serveDist>>;
let dir: string;
let batch: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "taizhang-consolidate-"));
  const names = ["宣和镇", "兴仁镇", "常乐镇", "柔远镇", "镇罗镇", "东园镇", "永康镇"];
  batch = [];
  for (const [i, township] of names.entries()) {
    batch.push(
      await writeTownshipFile(dir, { name: `${township}.xlsx`, township, pack: TOWNSHIP, done: (i + 1) / 8 }),
    );
  }
  // Made with an older version of the pack (one item fewer) than the one built in.
  batch.push(
    await writeTownshipFile(dir, {
      name: "香山乡.xlsx",
      township: "香山乡",
      pack: olderTownshipPack(),
      done: 0.5,
    }),
  );
  // The model-unit pack has vetoes: one recorded inside the window.
  batch.push(
    await writeTownshipFile(dir, {
      name: "迎水桥镇.xlsx",
      township: "迎水桥镇",
      pack: MODEL_UNIT,
      done: 0.9,
      veto: true,
    }),
  );
  batch.push(writeCorruptFile(dir, "文昌镇.xlsx", batch[0] as string));
  server = await serveDist();
  context = await launch();
});

afterAll(async () => {
  await context?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function openPreview(): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${server.origin}/preview.html`);
  await page.getByRole("button", { name: "安装模板" }).waitFor();
  return { page, errors };
}

const workbook = (page: Page) => page.getByRole("region", { name: "模拟工作簿" });
const sheetTabs = (page: Page) => workbook(page).getByRole("tab");
const openSheet = (page: Page, name: string) =>
  workbook(page).getByRole("tab", { name, exact: true }).click();

async function consolidateFiles(page: Page, files: string[], done: RegExp): Promise<void> {
  const pane = page.getByTestId("taskpane");
  await pane.getByTestId("consolidate-input").setInputFiles(files);
  await pane.getByText(done).waitFor({ timeout: 30_000 });
}

test("coordinator: 10 township files, one corrupt, into 汇总 and 共性差距; a rerun adds no sheets", async () => {
  const { page, errors } = await openPreview();
  const pane = page.getByTestId("taskpane");
  await openTab(page, "汇总");
  const tabsBefore = await sheetTabs(page).allInnerTexts();

  await consolidateFiles(page, batch, /已写入“汇总”“乡镇详情”和“共性差距”工作表:9 个乡镇/);
  const files = pane.getByTestId("consolidate-files").getByRole("listitem");
  await expect(files.count()).resolves.toBe(10);
  await expect(
    pane
      .getByTestId("consolidate-files")
      .getByText(/^已校验 [\d.]+ 分$/)
      .count(),
  ).resolves.toBe(9);
  const skipped = files.filter({ hasText: "已跳过" });
  await expect(skipped.count()).resolves.toBe(1);
  await expect(skipped.innerText()).resolves.toMatch(/文昌镇\.xlsx[\s\S]*工作簿已损坏或不完整/);
  await expect(pane.getByText("已校验 9 个,已跳过 1 个").count()).resolves.toBe(1);

  // The veto is named and ranks its township after every eligible one; notes say what was mixed.
  const ranking = pane.getByTestId("consolidate-ranking").getByRole("listitem");
  await expect(ranking.count()).resolves.toBe(9);
  await expect(ranking.last().innerText()).resolves.toMatch(/迎水桥镇[\s\S]*不予认定[\s\S]*否决情形/);
  await pane.getByText(/汇总中包含不同的模板/).waitFor();
  await pane.getByText(/香山乡\.xlsx 由模板 township-2018 0\.9\.0 生成/).waitFor();
  await expect(pane.getByTestId("consolidate-missed").getByRole("listitem").count()).resolves.toBe(5);
  await page.screenshot({ path: screenshotPath("tab-consolidate") });

  // The sheets are in the workbook: the ranking, the common gaps and each township's details.
  const tabsAfter = await sheetTabs(page).allInnerTexts();
  expect(tabsAfter).toEqual([...tabsBefore, "汇总", "共性差距", "乡镇详情"]);
  await openSheet(page, "汇总");
  const first = page.locator('[aria-label="汇总!B3"]');
  const firstName = await first.innerText();
  expect(firstName).toMatch(/镇|乡/);
  await expect(page.locator('[aria-label="汇总!A2"]').inputValue()).resolves.toBe("排名");
  // The preview draws the heat map as the sheet has it: each total on its band's colour
  // (≥ 90 green, ≥ 80 light green, ≥ 60 yellow, else red), as Excel and LibreOffice show it.
  const bandColour = (score: number) =>
    score >= 90
      ? "rgb(99, 190, 123)"
      : score >= 80
        ? "rgb(198, 224, 180)"
        : score >= 60
          ? "rgb(255, 235, 132)"
          : "rgb(248, 105, 107)";
  for (const row of [3, 6, 11]) {
    const cell = page.locator(`[aria-label="汇总!C${row}"]`);
    const score = Number(await cell.inputValue());
    const background = await cell.evaluate(
      (input) => getComputedStyle(input.parentElement as HTMLElement).backgroundColor,
    );
    expect(background).toBe(bandColour(score));
  }
  // The township's name is a link, as the sheet's hyperlink is in Excel: a click opens its block on
  // 乡镇详情, and that block's 返回汇总 link comes back to the same row.
  await first.click();
  await expect(workbook(page).getByRole("tab", { name: "乡镇详情", selected: true }).count()).resolves.toBe(
    1,
  );
  const block = page.locator(":focus");
  await expect(block.getAttribute("aria-label")).resolves.toMatch(/^乡镇详情!A\d+$/);
  await expect(block.inputValue()).resolves.toContain(firstName);
  const blockRow = ((await block.getAttribute("aria-label")) as string).replace(/^乡镇详情!A/, "");
  await page.locator(`[aria-label="乡镇详情!H${blockRow}"]`).click();
  await expect(workbook(page).getByRole("tab", { name: "汇总", selected: true }).count()).resolves.toBe(1);
  await expect(page.locator(":focus").getAttribute("aria-label")).resolves.toBe("汇总!B3");

  await openSheet(page, "共性差距");
  await expect(page.locator('[aria-label="共性差距!E2"]').inputValue()).resolves.toBe("缺失乡镇数");
  await page.screenshot({ path: screenshotPath("sheet-consolidate") });

  // Running again updates the same sheets.
  await consolidateFiles(page, batch.slice(0, 4), /已更新“汇总”“乡镇详情”和“共性差距”工作表:4 个乡镇/);
  await expect(sheetTabs(page).allInnerTexts()).resolves.toEqual(tabsAfter);
  expect(errors).toEqual([]);
});

// The files are read on reader workers; a host that cannot start them (no Worker, or a worker script
// the network or a page policy refuses) reads them in the pane's thread, with the same result.
test("the same checks and ranking whether workers read the files or the pane reads them itself", async () => {
  const modes = ["workers", "no Worker", "worker script refused"] as const;
  const results: { files: string[]; ranking: string[] }[] = [];
  for (const mode of modes) {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const workers: string[] = [];
    page.on("worker", (worker) => workers.push(worker.url()));
    const refused: string[] = [];
    page.on("requestfailed", (request) => refused.push(request.url()));
    if (mode === "no Worker")
      await page.addInitScript(() => {
        delete (window as { Worker?: unknown }).Worker;
      });
    if (mode === "worker script refused")
      await page.route(/xlsx-reader-worker\.[0-9a-f]+\.js$/, (route) => route.abort());
    await page.goto(`${server.origin}/preview.html`);
    await page.getByRole("button", { name: "安装模板" }).waitFor();
    await openTab(page, "汇总");
    await consolidateFiles(page, batch, /已写入“汇总”“乡镇详情”和“共性差距”工作表:9 个乡镇/);
    const pane = page.getByTestId("taskpane");
    results.push({
      files: await pane.getByTestId("consolidate-files").getByRole("listitem").allInnerTexts(),
      ranking: await pane.getByTestId("consolidate-ranking").getByRole("listitem").allInnerTexts(),
    });
    if (mode === "workers") expect(workers.length).toBeGreaterThan(0);
    if (mode === "no Worker") expect(workers).toEqual([]);
    if (mode === "worker script refused")
      expect(refused.filter((url) => url.includes("xlsx-reader-worker")).length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  }
  expect(results[0]?.files).toHaveLength(10);
  expect(results[0]?.ranking).toHaveLength(9);
  expect(results[1]).toEqual(results[0]);
  expect(results[2]).toEqual(results[0]);
});
