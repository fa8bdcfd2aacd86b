import { STATUS, type StatusValue } from "../layout/columns";
import type { CellValue } from "../snapshot";
import { displayValue, isBlank, normalizeText } from "./normalize";
import { EMPTY_CODE, failed, parsed, type Parsed } from "./result";

export const STATUS_CODES = { invalid: "value.status.invalid" } as const;

const WORDS: ReadonlyMap<string, StatusValue> = new Map([
  ...["完成", "已完成", "done", "complete", "completed"].map((w) => [w, STATUS.done] as const),
  ...[
    "部分完成",
    "partial",
    "partly done",
    "partially done",
    "partially complete",
    "partially completed",
  ].map((w) => [w, STATUS.partial] as const),
  ...["未开始", "not started", "not begun"].map((w) => [w, STATUS.notStarted] as const),
  ...["不适用", "n/a", "na", "not applicable"].map((w) => [w, STATUS.notApplicable] as const),
]);

/** 完成/部分完成/未开始/不适用 and their English equivalents. */
export function parseStatus(value: CellValue | undefined): Parsed<StatusValue> {
  if (isBlank(value) || value === undefined || value === null) return failed(EMPTY_CODE, "");
  if (typeof value !== "string") return failed(STATUS_CODES.invalid, displayValue(value));
  const status = WORDS.get(normalizeText(value).toLowerCase());
  return status ? parsed(status) : failed(STATUS_CODES.invalid, displayValue(value));
}
