import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, as a user would on the command line. */
export async function cli(
  args: string[],
  env: Record<string, string> = { LANG: "zh_CN.UTF-8" },
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    isTTY: false,
    env,
    cwd: process.cwd(),
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

export function tempDir(): { dir: string; path(name: string): string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "taizhang-test-"));
  return {
    dir,
    path: (name) => join(dir, name),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Finds the row of an item id in column A of a sheet. */
export function itemRow(sheet: ExcelJS.Worksheet, itemId: string): number {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).value === itemId) return r;
  throw new Error(`item ${itemId} not on ${sheet.name}`);
}

/** The 1-based column of a header text in a row. */
export function headerColumn(sheet: ExcelJS.Worksheet, row: number, header: string): number {
  for (let c = 1; c <= sheet.columnCount; c++) if (sheet.getCell(row, c).value === header) return c;
  throw new Error(`header ${header} not on ${sheet.name}`);
}

/**
 * Fills a township-2018 workbook the way a township would, with ExcelJS: indicator inputs (one
 * date typed as Chinese text), three checklist rows (one 完成 without evidence) and one decision
 * whose legality review is dated after the collective discussion.
 */
export async function fillTownship(file: string, out: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const info = workbook.getWorksheet("基本信息") as ExcelJS.Worksheet;
  const inputs: Record<string, ExcelJS.CellValue> = {
    TZ_establishedStaff: 20,
    TZ_certifiedStaff: 12,
    TZ_recorders: 6,
    TZ_legalStaff: 2,
    TZ_annualReportDate: "2018年3月20日",
    TZ_annualReportPublishDate: "2018年3月25日",
    TZ_annualReportChannel: "区政府网站",
    TZ_villages: 12,
    TZ_villagesWithAdviser: 12,
  };
  for (const [name, value] of Object.entries(inputs)) {
    const ref = workbook.definedNames.getRanges(name).ranges[0] as string;
    info.getCell(ref.split("!")[1]?.replace(/\$/g, "") ?? "").value = value;
  }
  const sheet = workbook.getWorksheet("二(一)依法决策") as ExcelJS.Worksheet;
  const col = (h: string) => headerColumn(sheet, 2, h);
  const set = (itemId: string, values: Record<string, ExcelJS.CellValue>) => {
    const r = itemRow(sheet, itemId);
    for (const [h, v] of Object.entries(values)) sheet.getCell(r, col(h)).value = v;
  };
  set("T2.1.2", { 状态: "完成", 完成日期: new Date(Date.UTC(2018, 4, 1)), 佐证材料: "征求意见汇总表" });
  set("T2.1.3", { 状态: "完成", 完成日期: new Date(Date.UTC(2018, 5, 1)) });
  set("T2.1.4", { 状态: "部分完成", 责任人: "王五" });

  const ledger = workbook.getWorksheet("重大行政决策台账") as ExcelJS.Worksheet;
  const lcol = (h: string) => headerColumn(ledger, 2, h);
  const headers = (ledger.getRow(2).values as ExcelJS.CellValue[]).filter(
    (v): v is string => typeof v === "string",
  );
  const row = 3;
  const date = (m: number, d: number) => new Date(Date.UTC(2018, m - 1, d));
  const byHeader: Record<string, ExcelJS.CellValue> = {};
  for (const h of headers) {
    if (h.includes("日期")) byHeader[h] = date(6, 1);
    else if (h === "校验") continue;
    else if (/决策事项|名称/.test(h)) byHeader[h] = "镇区道路改造";
    else if (h === "合法性审查结论") byHeader[h] = "合法";
    else if (h.includes("多数意见不一致")) byHeader[h] = "否";
    else byHeader[h] = "是";
  }
  // Legality review after the collective discussion: a dateOrder error.
  const review = headers.find((h) => h.includes("合法性审查") && h.includes("日期"));
  const discussion = headers.find((h) => h.includes("集体讨论") && h.includes("日期"));
  if (review) byHeader[review] = date(6, 20);
  if (discussion) byHeader[discussion] = date(6, 10);
  for (const [h, v] of Object.entries(byHeader)) ledger.getCell(row, lcol(h)).value = v;
  await workbook.xlsx.writeFile(out);
}
