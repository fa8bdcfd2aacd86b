import type { CellValue } from "../snapshot";
import { normalizeHeader } from "./headers";

// A sign-off label followed by a colon (normalised, so full-width ones too): 填表人:张三 审核人:李四,
// 制表日期:2018-12-31, 填报单位(盖章):.
const SIGN_OFF =
  /(填表人|填报人|制表人|审核人|审批人|负责人|经办人|联系人|联系电话|签字|签名|盖章|填报单位|填表单位|填表日期|填报日期|制表日期|preparedby|reviewedby|approvedby|checkedby)\)?:/;

/**
 * A footer line under a ledger ("填表人:张三 审核人:李四"): one text cell on the row, the rest
 * empty, and that text a sign-off. It is not a record, wherever it stands below the table.
 */
export function isFooterRow(values: readonly CellValue[]): boolean {
  let text: string | null = null;
  for (const value of values) {
    if (value === null || (typeof value === "string" && value.trim() === "")) continue;
    if (typeof value !== "string" || text !== null) return false;
    text = value;
  }
  return text !== null && SIGN_OFF.test(normalizeHeader(text));
}
