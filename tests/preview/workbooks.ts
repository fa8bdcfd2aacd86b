import type * as ExcelJS from "exceljs";
import { HEADER_ROW } from "../../src/core/layout";
import { findPack } from "../../src/core/pack/builtin";
import type { Pack } from "../../src/core/pack/schema";
import { buildTemplate, saveXlsx } from "../../src/xlsx";

export const TOWNSHIP_PACK = findPack("township-2018") as Pack;
export const DECISIONS = "重大行政决策台账";
export const INFO = "基本信息";

/** 1-based column of a header in row HEADER_ROW. */
export function columnOf(ws: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  ws.getRow(HEADER_ROW).eachCell((cell, c) => {
    if (cell.value === header && !found) found = c;
  });
  if (!found) throw new Error(`no header ${header} on ${ws.name}`);
  return found;
}

const date = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/**
 * A township workbook made by `taizhang init` and filled in elsewhere (WPS, Excel): a decision whose
 * legality review comes after the collective discussion, staff figures below 50 %, one checklist
 * item done without evidence and one done properly.
 */
export function filledWorkbook(pack: Pack = TOWNSHIP_PACK): ExcelJS.Workbook {
  const wb = buildTemplate(pack, { township: "宣和镇", assessmentDate: "2018-12-31" });
  const info = wb.getWorksheet(INFO) as ExcelJS.Worksheet;
  info.getCell("B5").value = 20;
  info.getCell("B6").value = 6;
  const ledger = wb.getWorksheet(DECISIONS) as ExcelJS.Worksheet;
  const row = HEADER_ROW + 1;
  const put = (header: string, value: ExcelJS.CellValue) => {
    ledger.getCell(row, columnOf(ledger, header)).value = value;
  };
  put("决策事项", "集镇规划调整");
  for (const step of ["公众参与", "专家论证", "风险评估", "合法性审查", "集体讨论", "是否归档"])
    put(step, "是");
  put("公众参与日期", date("2018-04-20"));
  put("专家论证日期", date("2018-04-25"));
  put("风险评估日期", date("2018-04-28"));
  put("合法性审查日期", date("2018-05-10"));
  put("集体讨论日期", "2018.5.3");
  put("决定日期", "2018年5月3日");
  put("公布日期", date("2018-05-08"));
  const checklist = wb.worksheets.find((ws) => ws.name.startsWith("二(一)")) as ExcelJS.Worksheet;
  const status = columnOf(checklist, "状态");
  checklist.getCell(row, status).value = "完成";
  checklist.getCell(row + 1, status).value = "完成";
  checklist.getCell(row + 1, columnOf(checklist, "佐证材料")).value = "会议纪要 2018-03";
  checklist.getCell(row + 1, columnOf(checklist, "完成日期")).value = date("2018-03-15");
  return wb;
}

export const filledBytes = async (pack?: Pack): Promise<Uint8Array> => saveXlsx(filledWorkbook(pack));
