import type { Item } from "../../pack/schema";

/** Cells holding the assessment date (a date serial) and the 评估年度 as the core reads them. */
export interface DateCells {
  date: string;
  year: string;
}

/** A day of the year; 29 Feb of a common year falls back to the 28th, as gaps/due.ts does. */
function dayOf(year: string, month: number, day: number): string {
  if (day <= 28) return `DATE(${year},${month},${day})`;
  const date = `DATE(${year},${month},${day})`;
  return `IF(DAY(${date})<>${day},DATE(${year},${month},${day - 1}),${date})`;
}

/**
 * TRUE when the item's due date falls after the assessment date (待完成, check.ts): a fixed date, or
 * that day of the 评估年度. No assessment date, or no year for a yearly one, is never pending.
 */
export function pendingFormula(item: Item, cells: DateCells): string {
  const due = item.due;
  if (due === undefined) return "FALSE";
  const { date, year } = cells;
  if (typeof due === "string") {
    const [y, m, d] = due.split("-").map(Number);
    return `IF(ISNUMBER(${date}),DATE(${y},${m},${d})>${date},FALSE)`;
  }
  const [month, day] = due.annual.split("-").map(Number);
  return `IF(AND(ISNUMBER(${date}),ISNUMBER(${year})),${dayOf(year, month ?? 1, day ?? 1)}>${date},FALSE)`;
}
