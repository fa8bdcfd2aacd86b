import type { Item } from "../pack/schema";
import { isoFromParts, yearOf, type IsoDate } from "../values/isoDate";

/** The item's due date: a fixed date, or that MM-DD of the assessment year (29 Feb → 28 Feb). */
export function dueDate(item: Item, assessmentDate: IsoDate | null): IsoDate | undefined {
  if (!item.due) return undefined;
  if (typeof item.due === "string") return item.due;
  if (!assessmentDate) return undefined;
  const year = yearOf(assessmentDate);
  const [month, day] = item.due.annual.split("-").map(Number);
  return (
    isoFromParts(year, month ?? 1, day ?? 1) ?? isoFromParts(year, month ?? 1, (day ?? 1) - 1) ?? undefined
  );
}
