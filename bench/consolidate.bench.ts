// consolidate: 200 generated township workbooks → one summary through the streaming reader (as
// `taizhang consolidate` and the pane's 汇总 read them), against only loading the same files with
// ExcelJS in the same run (the full load the streaming reader replaces; target ratio ≤ 0.3). Then
// 1,000 files (the 200 copied five times) consolidated by the shipped CLI (`taizhang consolidate`,
// rebuilt first) in a child process, for its peak RSS (target ≤ 300 MB). Two lines:
//   consolidate files=200 ms=… per_file_ms=… ratio_vs_load=…
//   consolidate files=1000 peak_rss_mb=… per_file_ms=…
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { consolidate, type TownshipInput } from "../src/core/consolidate";
import { findPack } from "../src/core/pack/builtin";
import { STATUS_VALUES } from "../src/core/layout";
import { buildTemplate, saveXlsx, summaryBytes } from "../src/xlsx";
import { loadXlsx, type ExcelJS } from "../src/xlsx/exceljs";
import { assessXlsxStream } from "../src/xlsxstream";
import { seededRandom } from "../tests/support/townshipSnapshot";

const FILES = 200;
const MANY = 1000;

async function generate(dir: string): Promise<string[]> {
  const pack = findPack("township-2018");
  if (!pack) throw new Error("township-2018 pack missing");
  const files: string[] = [];
  for (let i = 0; i < FILES; i++) {
    const next = seededRandom(i + 1);
    const workbook = buildTemplate(pack, {
      township: `乡镇${String(i + 1).padStart(3, "0")}`,
      assessmentDate: "2018-12-31",
    });
    fill(workbook, next);
    const file = join(dir, `township-${i}.xlsx`);
    writeFileSync(file, await saveXlsx(workbook));
    files.push(file);
  }
  return files;
}

function fill(workbook: ExcelJS.Workbook, next: () => number): void {
  const info = workbook.getWorksheet("基本信息");
  if (info) {
    info.getCell("B5").value = 20;
    info.getCell("B6").value = Math.floor(next() * 20);
    info.getCell("B7").value = Math.floor(next() * 12);
    info.getCell("B8").value = Math.floor(next() * 4);
  }
  for (const sheet of workbook.worksheets) {
    const header = sheet.getRow(2).values as unknown[];
    const status = header.indexOf("状态");
    const evidence = header.indexOf("佐证材料");
    const date = header.indexOf("完成日期");
    if (status > 0) {
      for (let r = 3; r <= sheet.rowCount; r++) {
        if (!sheet.getCell(r, 1).value) continue;
        sheet.getCell(r, status).value = STATUS_VALUES[Math.floor(next() * STATUS_VALUES.length)] ?? null;
        if (next() < 0.7) sheet.getCell(r, evidence).value = "会议纪要";
        sheet.getCell(r, date).value = new Date(
          Date.UTC(2018, Math.floor(next() * 12), 1 + Math.floor(next() * 28)),
        );
      }
    } else if (sheet.name.endsWith("台账")) {
      for (let r = 3; r < 3 + 20; r++) {
        header.forEach((h, c) => {
          if (typeof h !== "string" || h === "校验") return;
          sheet.getCell(r, c).value = h.includes("日期")
            ? new Date(Date.UTC(2018, Math.floor(next() * 12), 1 + Math.floor(next() * 28)))
            : h.includes("人数") || h.includes("金额") || h.includes("有效期")
              ? Math.floor(next() * 50)
              : next() < 0.8
                ? "是"
                : `记录${r}`;
        });
      }
    }
  }
}

async function loadOnly(files: readonly string[]): Promise<number> {
  const start = performance.now();
  for (const file of files) await loadXlsx(new Uint8Array(readFileSync(file)));
  return performance.now() - start;
}

async function consolidateAll(files: readonly string[], out: string): Promise<number> {
  const start = performance.now();
  const inputs: TownshipInput[] = [];
  for (const file of files) {
    const { assessment } = assessXlsxStream(new Uint8Array(readFileSync(file)));
    inputs.push({ source: file, assessment });
  }
  writeFileSync(out, await summaryBytes(consolidate(inputs), [], "zh-CN"));
  return performance.now() - start;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "taizhang-bench-"));
  try {
    const files = await generate(dir);
    // Warm both paths up on a few files, then measure each once over all files.
    await loadOnly(files.slice(0, 5));
    await consolidateAll(files.slice(0, 5), join(dir, "warm.xlsx"));
    global.gc?.();
    const loadMs = await loadOnly(files);
    global.gc?.();
    const totalMs = await consolidateAll(files, join(dir, "summary.xlsx"));
    console.log(
      `consolidate files=${files.length} ms=${Math.round(totalMs)} per_file_ms=${Math.round(
        totalMs / files.length,
      )} load_ms=${Math.round(loadMs)} ratio_vs_load=${(totalMs / loadMs).toFixed(2)}`,
    );

    const copies = join(dir, "many");
    mkdirSync(copies);
    for (let i = 0; i < MANY; i++)
      copyFileSync(files[i % files.length] as string, join(copies, `copy-${i}.xlsx`));
    const root = join(__dirname, "..");
    const build = spawnSync(process.execPath, [join(root, "scripts", "build-cli.mjs")], { stdio: "inherit" });
    if (build.status !== 0) throw new Error("CLI build failed");
    const rssFile = join(dir, "maxrss");
    const started = performance.now();
    const child = spawnSync(
      process.execPath,
      [
        "--require",
        join(__dirname, "maxRss.cjs"),
        join(root, "bin", "taizhang.js"),
        "consolidate",
        copies,
        "-o",
        join(dir, "many-summary.xlsx"),
      ],
      { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, TAIZHANG_MAXRSS_FILE: rssFile } },
    );
    const ms = performance.now() - started;
    if (child.status !== 0) throw new Error(`1,000-file run failed: ${child.stderr.toString().slice(-500)}`);
    console.log(
      `consolidate files=${MANY} peak_rss_mb=${readFileSync(rssFile, "utf8")} per_file_ms=${Math.round(ms / MANY)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
