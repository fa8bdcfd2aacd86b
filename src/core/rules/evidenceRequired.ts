import { STATUS } from "../layout/columns";
import { parseStatus } from "../values/status";
import type { RowRuleModule } from "./types";

export const EVIDENCE_CODES = { missing: "evidence.missing" } as const;

/** A checklist row marked 完成 names its 佐证材料. */
export const evidenceRequiredRule: RowRuleModule<"evidenceRequired"> = {
  scope: "row",
  codes: { [EVIDENCE_CODES.missing]: "error" },
  evaluate(_rule, row) {
    const status = parseStatus(row.raw("status"));
    if (!status.ok || status.value !== STATUS.done || !row.isBlank("evidence")) return [];
    return [{ code: EVIDENCE_CODES.missing, severity: "error", column: "evidence", params: {} }];
  },
};
