import type { PackParts } from "./parts";
import { problem, type PackPath, type PackProblem } from "./problems";

/** True for a real calendar date written YYYY-MM-DD (the schema checks only the shape). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** A yearly MM-DD that exists at least in leap years. */
export function isMonthDay(value: string): boolean {
  return isCalendarDate(`2000-${value}`);
}

/** Fixed dates in the pack are real days: no 2018-02-30, no annual 13-01. */
export function checkDates(parts: PackParts): PackProblem[] {
  const out: PackProblem[] = [];
  const check = (value: string | undefined, path: PackPath): void => {
    if (value !== undefined && !isCalendarDate(value)) out.push(problem("date.invalid", path, { value }));
  };
  check(parts.sourceDate, ["source", "date"]);
  for (const group of parts.groups) {
    for (const { index, value: item } of group.items) {
      const at = ["groups", group.index, "items", index];
      if (typeof item.due === "string") check(item.due, [...at, "due"]);
      else if (item.due && !isMonthDay(item.due.annual)) {
        out.push(problem("date.invalid", [...at, "due", "annual"], { value: item.due.annual }));
      }
      item.rules.forEach((rule, r) => {
        const path = [...at, "rules", r];
        if (rule.type === "date") check(rule.notAfter, [...path, "notAfter"]);
        if (rule.type === "ratioAtLeast") check(rule.by, [...path, "by"]);
        if (rule.type === "validity") check(rule.statedFrom, [...path, "statedFrom"]);
      });
    }
  }
  return out;
}
