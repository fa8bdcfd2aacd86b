import { seededRandom } from "../support/townshipSnapshot";
/**
 * A generated ledger sheet like the ones Taizhang writes: per-row 校验 formulas (filled down, so
 * stored as one shared formula) over dates, statuses, counts and evidence, with realistic flaws,
 * plus summary cells that read the whole 校验 column.
 */
import ExcelJS from "exceljs";

export const LEDGER_SHEET = "台账";
export const SUMMARY_SHEET = "汇总";

const STATUSES = ["完成", "部分完成", "未开始", "不适用", "完成了", ""];
const DATES: (number | string | null)[] = [
  45200,
  45356,
  45400,
  "2024-03-05",
  "2023-12-31",
  "不详",
  null,
  45000,
];
const COUNTS: (number | string | null)[] = [5, 7, 10, 3, 12, "8", "８", null, 0];
const EVIDENCE: (string | null)[] = ["会议纪要", "  ", null, "文件 2024-1 号", "照片"];

/** Deterministic pseudo-random numbers (mulberry32). */
export const seeded = seededRandom;

// 校验 of row 2, filled down: dates before the assessment date, a known status, 5–10 records, evidence when 完成.
export const ROW_CHECK =
  'IF(COUNTA(A2:E2)<=1,"",IF(ISBLANK(B2),"✗ 缺日期",IF(ISNUMBER(B2),IF(B2>TZ_assessmentDate,"✗ 晚于评估基准日",""),' +
  'IF(ISERROR(DATEVALUE(B2)),"✗ 非日期","! 文本日期")))' +
  '&IF(ISNA(MATCH(C2,{"完成","部分完成","未开始","不适用"},0)),"✗ 状态","")' +
  '&IF(AND(C2="完成",LEN(TRIM(E2))=0),"✗ 缺佐证","")' +
  '&IF(AND(ISNUMBER(D2),D2>=5,D2<=10),"","✗ 数量"&IF(ISTEXT(D2),"(文本)",""))' +
  '&IF(AND(ISNUMBER(B2),C2="完成"),IF(EDATE(B2,12)<TZ_assessmentDate,"! 超过一年",""),""))';

export async function ledgerWorkbook(rows: number, seed: number): Promise<Uint8Array> {
  const rnd = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const wb = new ExcelJS.Workbook();
  const info = wb.addWorksheet("基本信息");
  info.getCell("B4").value = 45356;
  wb.definedNames.add("'基本信息'!$B$4", "TZ_assessmentDate");
  const ws = wb.addWorksheet(LEDGER_SHEET);
  ws.addRow(["编号", "日期", "状态", "数量", "佐证材料", "校验"]);
  for (let r = 0; r < rows; r++) {
    ws.addRow([`L-${r + 1}`, pick(DATES), pick(STATUSES) || null, pick(COUNTS), pick(EVIDENCE)]);
  }
  const last = rows + 1;
  ws.fillFormula(`F2:F${last}`, ROW_CHECK);
  const sum = wb.addWorksheet(SUMMARY_SHEET);
  sum.getCell("A1").value = {
    formula: `SUMPRODUCT(--('${LEDGER_SHEET}'!F2:F${last}<>""))`,
  } as ExcelJS.CellFormulaValue;
  sum.getCell("A2").value = {
    formula: `COUNTIF('${LEDGER_SHEET}'!F2:F${last},"*✗*")`,
  } as ExcelJS.CellFormulaValue;
  sum.getCell("A3").value = {
    formula: `SUMPRODUCT(('${LEDGER_SHEET}'!C2:C${last}="完成")*ISNUMBER('${LEDGER_SHEET}'!D2:D${last})*('${LEDGER_SHEET}'!D2:D${last}))`,
  } as ExcelJS.CellFormulaValue;
  sum.getCell("A4").value = {
    formula: `ROUND(A2/MAX(1,COUNTA('${LEDGER_SHEET}'!A2:A${last}))*100,1)`,
  } as ExcelJS.CellFormulaValue;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
