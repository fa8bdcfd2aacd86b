import { STATUS, type StatusValue } from "../../layout/columns";

/**
 * The words the core reads as each 状态 (src/core/values/status.ts), lower-case. A test holds this
 * list to parseStatus, so the two cannot drift apart unnoticed. MATCH compares text ignoring case,
 * as the core does after lower-casing.
 */
export const STATUS_WORDS: Readonly<Record<StatusValue, readonly string[]>> = {
  [STATUS.done]: ["完成", "已完成", "done", "complete", "completed"],
  [STATUS.partial]: [
    "部分完成",
    "partial",
    "partly done",
    "partially done",
    "partially complete",
    "partially completed",
  ],
  [STATUS.notStarted]: ["未开始", "not started", "not begun"],
  [STATUS.notApplicable]: ["不适用", "n/a", "na", "not applicable"],
};
