// consolidate: 200 generated township workbooks → one summary, against only loading the same
// files with ExcelJS (same read options, so the ratio is Taizhang's own cost: read, assess, write).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { consolidate, type TownshipInput } from "../src/core/consolidate";
import { findPack } from "../src/core/pack/builtin";
import { STATUS_VALUES } from "../src/core/layout";
import { assessWorkbookBytes, buildTemplate, saveXlsx, summaryBytes } from "../src/xlsx";
import { loadXlsx, type ExcelJS } from "../src/xlsx/exceljs";
import { seededRandom } from "../tests/support/townshipSnapshot";

const FILES = 200;

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
    const { assessment } = await assessWorkbookBytes(new Uint8Array(readFileSync(file)));
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
    const peakMb = process.resourceUsage().maxRSS / 1024;
    console.log(
      `consolidate files=${files.length} total_s=${(totalMs / 1000).toFixed(1)} per_file_ms=${Math.round(
        totalMs / files.length,
      )} peak_rss_mb=${Math.round(peakMb)} ratio_vs_load=${(totalMs / loadMs).toFixed(2)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
