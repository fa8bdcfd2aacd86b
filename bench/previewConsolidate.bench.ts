// preview consolidate: 50 generated township workbooks chosen in the 汇总 tab of the preview (the
// production build in Chromium): read by the streaming reader in the browser (the 汇总 tab's lazy
// chunk), scored, consolidated, and the 汇总 / 共性差距 sheets written to the workbook. Needs
// `npm run build` (built here if missing; rebuild after changing the reader). Target per_file_ms ≤ 60.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { launch } from "../tests/browser/support/browser";
import { DIST, serveDist } from "../tests/browser/support/server";
import { TOWNSHIP, writeTownshipFile } from "../tests/browser/support/townshipFiles";

const FILES = 50;

async function main(): Promise<void> {
  if (!existsSync(join(DIST, "preview.html"))) {
    const build = spawnSync(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"],
      {
        cwd: resolve(__dirname, ".."),
        stdio: ["ignore", "ignore", "inherit"],
      },
    );
    if (build.status !== 0) throw new Error("webpack production build failed");
  }
  const dir = mkdtempSync(join(tmpdir(), "taizhang-bench-preview-"));
  const files: string[] = [];
  for (let i = 0; i < FILES; i++) {
    files.push(
      await writeTownshipFile(dir, {
        name: `乡镇${String(i + 1).padStart(2, "0")}.xlsx`,
        township: `乡镇${i + 1}`,
        pack: TOWNSHIP,
        done: (i % 10) / 10,
      }),
    );
  }
  const server = await serveDist();
  const context = await launch();
  try {
    const page = await context.newPage();
    await page.goto(`${server.origin}/preview.html`);
    await page.getByRole("button", { name: "安装模板" }).waitFor();
    const pane = page.getByTestId("taskpane");
    await pane.getByRole("tab", { name: "汇总", exact: true }).click();
    const started = Date.now();
    await pane.getByTestId("consolidate-input").setInputFiles(files);
    await pane.getByText(new RegExp(`工作表:${FILES} 个乡镇`)).waitFor({ timeout: 300_000 });
    const ms = Date.now() - started;
    console.log(
      `preview consolidate files=${FILES} total_s=${(ms / 1000).toFixed(1)} per_file_ms=${Math.round(ms / FILES)}`,
    );
  } finally {
    await context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
