import type { Page } from "playwright-core";

/** Driving the preview workbook the way a person does: sheet tabs, cells, dropdowns. */
export class PreviewWorkbook {
  constructor(private readonly page: Page) {}

  async openSheet(sheet: string): Promise<void> {
    await this.page.getByRole("grid").first().waitFor();
    await this.page.getByRole("tab", { name: sheet, exact: true }).click();
    await this.page.getByRole("grid", { name: sheet }).waitFor();
  }

  cell(sheet: string, address: string) {
    return this.page.locator(`[aria-label="${sheet}!${address}"]`);
  }

  /** Types a value (or picks it from the cell's dropdown) and commits it with Enter. */
  async enter(sheet: string, address: string, value: string): Promise<void> {
    const cell = this.cell(sheet, address);
    if ((await cell.evaluate((el) => el.tagName)) === "SELECT") {
      await cell.selectOption(value);
      return;
    }
    await cell.fill(value);
    await cell.press("Enter");
  }

  async text(sheet: string, address: string): Promise<string> {
    return this.cell(sheet, address).inputValue();
  }

  /** Waits until the cell shows text matching `pattern` (the grid follows the workbook within ~150 ms). */
  async waitForText(sheet: string, address: string, pattern: RegExp, timeout = 5_000): Promise<string> {
    const handle = await this.page.waitForFunction(
      ({ label, source, flags }) => {
        const el = document.querySelector<HTMLInputElement>(`[aria-label="${label}"]`);
        return el && new RegExp(source, flags).test(el.value) ? el.value : null;
      },
      { label: `${sheet}!${address}`, source: pattern.source, flags: pattern.flags },
      { timeout },
    );
    return (await handle.jsonValue()) as string;
  }

  /** Column letter of a header in the table whose header row is `row`. */
  async column(sheet: string, header: string, row = 2): Promise<string> {
    const letter = await this.page.evaluate(
      ({ sheet, header, row }) => {
        for (const el of document.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
          `[aria-label^="${sheet}!"]`,
        )) {
          const m = new RegExp(`!([A-Z]+)${row}$`).exec(el.getAttribute("aria-label") ?? "");
          if (m && el.value === header) return m[1];
        }
        return null;
      },
      { sheet, header, row },
    );
    if (!letter) throw new Error(`no header ${header} in row ${row} of ${sheet}`);
    return letter;
  }
}

export async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name, exact: true }).click();
}

/**
 * 全部重新校验 on the 校验 tab: the explicit action that writes 校验 text (an edit writes nothing to
 * the workbook; the pane and the workbook's own formulas show its result — issue 15 item 3).
 */
export async function recheckEverything(page: Page): Promise<void> {
  await openTab(page, "校验");
  await page.getByTestId("taskpane").getByRole("button", { name: "全部重新校验" }).click();
}

/** The task pane's template form: township, date, install; waits for the success summary. */
export async function installPack(
  page: Page,
  packTitle: string | null,
  township: string,
  date: string,
): Promise<void> {
  const pane = page.getByTestId("taskpane");
  if (packTitle) {
    const select = pane.getByRole("combobox", { name: /模板/ });
    const label = await select.locator("option", { hasText: packTitle }).first().textContent();
    await select.selectOption({ label: label ?? packTitle });
  }
  await pane.getByRole("textbox", { name: /乡镇名称|单位名称/ }).fill(township);
  await pane.getByLabel(/评估基准日/).fill(date);
  await pane.getByRole("button", { name: /安装模板|重新安装|升级模板/ }).click();
  await pane.getByText(/模板已(安装|从)/).waitFor({ timeout: 30_000 });
}

export async function score(page: Page): Promise<number> {
  return Number(await page.getByTestId("score").innerText());
}
