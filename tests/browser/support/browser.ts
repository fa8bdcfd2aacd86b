import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const RESULTS = resolve(__dirname, "..", "..", "..", "test-results");

/** Debian's Chromium, headless, with the flags that work as root on a closed network (design.md §8). */
export async function launch(): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it with \`sudo apt-get install -y chromium\` ` +
        "(or set CHROMIUM_PATH to a Chromium binary), then run the tests again.",
    );
  }
  mkdirSync(RESULTS, { recursive: true });
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "taizhang-chromium-")), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: "zh-CN",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export const screenshotPath = (name: string): string => join(RESULTS, `${name}.png`);
