import type { Item } from "../pack/schema";
import { isoFromParts, type IsoDate } from "../values/isoDate";

/** The item's due date: a fixed date, or that MM-DD of the 评估年度 (29 Feb → 28 Feb). */
export function dueDate(item: Item, assessmentYear: number | null): IsoDate | undefined {
  if (!item.due) return undefined;
  if (typeof item.due === "string") return item.due;
  if (assessmentYear === null) return undefined;
  const [month, day] = item.due.annual.split("-").map(Number);
  return (
    isoFromParts(assessmentYear, month ?? 1, day ?? 1) ??
    isoFromParts(assessmentYear, month ?? 1, (day ?? 1) - 1) ??
    undefined
  );
}
