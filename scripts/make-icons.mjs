// Renders assets/icon-*.png with headless Chromium (run by hand when the icon changes:
// `node scripts/make-icons.mjs`). The PNGs are committed; nothing at build time depends on this.
import { chromium } from "playwright-core";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const SIZES = [16, 32, 64, 80, 128];
const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "tz-icons-")), {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
  headless: true,
});
const page = await browser.newPage();
for (const size of SIZES) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">
    <div id="i" style="width:${size}px;height:${size}px;border-radius:${Math.round(size * 0.18)}px;
      background:#0f6cbd;color:#fff;display:flex;align-items:center;justify-content:center;
      font:700 ${Math.round(size * 0.72)}px 'Noto Sans CJK SC','WenQuanYi Zen Hei',sans-serif">台</div></body></html>`);
  await page.locator("#i").screenshot({ path: `assets/icon-${size}.png`, omitBackground: true });
}
await browser.close();
console.log(`wrote ${SIZES.map((s) => `assets/icon-${s}.png`).join(", ")}`);
