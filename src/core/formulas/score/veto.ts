import type { Item } from "../../pack/schema";
import type { VetoRowRefs } from "./rowContext";
import { textLiteral } from "./refs";

/** ISO text (2018-05-01) of a date serial, whatever the spreadsheet's locale (TEXT's codes are not). */
const isoText = (serial: string): string =>
  `YEAR(${serial})&"-"&RIGHT("0"&MONTH(${serial}),2)&"-"&RIGHT("0"&DAY(${serial}),2)`;

/**
 * The row's part of 自评结果's veto list: "<id> <date>; " when the veto is inside its window, else "".
 * For a row answered 是, the core's window check is an error exactly when the event is inside the
 * window, undated, unreadable or has no assessment date to compare with (vetoWindow.ts); a date
 * before the window is only a note. So 是 with ✗ in 校验 is a veto in the window. The date shows
 * as the core reads it: `dateSerial` holds the 发生日期 as a date serial when it reads as a date.
 */
export function vetoPiece(item: Item, row: VetoRowRefs, dateSerial: string): string {
  const date = `IF(ISNUMBER(${dateSerial}),${isoText(dateSerial)},"")`;
  return `IF(AND(${row.occurred},${row.hasError}),${textLiteral(`${item.id} `)}&${date}&"; ","")`;
}
