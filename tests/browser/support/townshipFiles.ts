import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type * as ExcelJS from "exceljs";
import { layoutFor } from "../../../src/core/layout";
import { findPack } from "../../../src/core/pack/builtin";
import type { Pack } from "../../../src/core/pack/schema";
import { buildTemplate, saveXlsx } from "../../../src/xlsx";

export const TOWNSHIP = findPack("township-2018") as Pack;
export const MODEL_UNIT = findPack("model-unit") as Pack;

/** An older copy of the township pack: version 0.9.0, without the last item of its first group. */
export function olderTownshipPack(): Pack {
  const older = structuredClone(TOWNSHIP) as Pack;
  older.version = "0.9.0";
  older.groups[0]?.items.pop();
  return older;
}

export interface TownshipFile {
  name: string;
  township: string;
  pack: Pack;
  /** Share of checklist rows marked 完成 with evidence and a date (0..1): varies the scores. */
  done: number;
  /** A veto event inside the window (model-unit only). */
  veto?: boolean;
}

/** Writes a township's workbook as the township would send it back: made by Taizhang, filled in. */
export async function writeTownshipFile(dir: string, spec: TownshipFile): Promise<string> {
  const workbook = buildTemplate(spec.pack, { township: spec.township, assessmentDate: "2018-12-31" });
  fillChecklists(workbook, spec.done);
  if (spec.veto) recordVeto(workbook, spec.pack);
  const path = join(dir, spec.name);
  writeFileSync(path, await saveXlsx(workbook));
  return path;
}

/** A workbook cut short, as a failed download or a full disk leaves it. */
export function writeCorruptFile(dir: string, name: string, from: string): string {
  const path = join(dir, name);
  const bytes = readFileSync(from);
  writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
  return path;
}

function fillChecklists(workbook: ExcelJS.Workbook, done: number): void {
  for (const sheet of workbook.worksheets) {
    let columns: Map<string, number> | null = null;
    for (let r = 1; r <= sheet.rowCount; r++) {
      const first = sheet.getCell(r, 1).value;
      if (first === "编号") {
        columns = headerColumns(sheet, r);
        if (!columns.has("状态")) columns = null;
        continue;
      }
      if (!columns || typeof first !== "string" || first.trim() === "") continue;
      const status = columns.get("状态") as number;
      // Deterministic and spread over the tables: about a `done` share of the rows is complete.
      const complete = (r * 0.618) % 1 < done;
      sheet.getCell(r, status).value = complete ? "完成" : "未开始";
      if (complete) {
        const evidence = columns.get("佐证材料");
        const date = columns.get("完成日期");
        if (evidence) sheet.getCell(r, evidence).value = "会议纪要";
        if (date) sheet.getCell(r, date).value = new Date(Date.UTC(2018, 5, 1));
      }
    }
  }
}

function recordVeto(workbook: ExcelJS.Workbook, pack: Pack): void {
  const table = layoutFor(pack).tables.find((t) => t.kind === "veto");
  const first = table?.rows[0]?.itemId;
  if (!table || !first) throw new Error(`${pack.id} has no veto table`);
  const occurred = table.columns.find((c) => c.id === "occurred")?.header.zh;
  const eventDate = table.columns.find((c) => c.id === "eventDate")?.header.zh;
  const sheet = workbook.getWorksheet(table.sheet);
  if (!sheet || !occurred || !eventDate) throw new Error("veto table not found");
  let columns = new Map<string, number>();
  for (let r = 1; r <= sheet.rowCount; r++) {
    const value = sheet.getCell(r, 1).value;
    if (value === "编号") columns = headerColumns(sheet, r);
    if (value === first) {
      sheet.getCell(r, columns.get(occurred) as number).value = "是";
      sheet.getCell(r, columns.get(eventDate) as number).value = new Date(Date.UTC(2018, 2, 1));
      return;
    }
  }
  throw new Error(`veto row ${first} not found`);
}

function headerColumns(sheet: ExcelJS.Worksheet, row: number): Map<string, number> {
  const columns = new Map<string, number>();
  sheet.getRow(row).eachCell((cell, c) => {
    if (typeof cell.value === "string") columns.set(cell.value, c);
  });
  return columns;
}
