import { addYearsIso, isBlank, parseDate, parseYesNo, yearOf, type IsoDate } from "../values";
import type { Ledger } from "../pack/schema";
import type { Cells, RolloverReason } from "./types";

export interface LedgerVerdict {
  carry: boolean;
  reason: RolloverReason;
}

export interface RolloverYears {
  fromYear: number;
  toYear: number;
}

type LedgerRule = (cells: Cells, ledger: Ledger, years: RolloverYears) => LedgerVerdict;

/**
 * The rollover rule of each ledger, defined once (both writers apply the plan built from it).
 * A ledger without an entry here is treated as a ledger of dated events.
 */
export const LEDGER_ROLLOVER: Readonly<Record<string, LedgerRule>> = {
  normativeDocs: validDocument,
  enforcementStaff: () => ({ carry: true, reason: "rollover.staff" }),
  litigation: openCase,
  contracts: runningContract,
  decisions: datedEvent,
  trainings: datedEvent,
  majorEnforcement: datedEvent,
};

export function ledgerVerdict(cells: Cells, ledger: Ledger, years: RolloverYears): LedgerVerdict {
  return (LEDGER_ROLLOVER[ledger.id] ?? datedEvent)(cells, ledger, years);
}

const dateOf = (cells: Cells, ids: readonly string[]): IsoDate | null => {
  for (const id of ids) {
    const parsed = parseDate(cells[id]);
    if (parsed.ok) return parsed.value;
  }
  return null;
};

/** A dated event (decision, training, review): archived once it happened in or before last year. */
function datedEvent(cells: Cells, ledger: Ledger, { fromYear }: RolloverYears): LedgerVerdict {
  const dates = ledger.columns.filter((c) => c.type === "date").map((c) => dateOf(cells, [c.id]));
  const known = dates.filter((d): d is IsoDate => d !== null);
  if (known.some((d) => yearOf(d) <= fromYear)) return { carry: false, reason: "rollover.pastYear" };
  return { carry: true, reason: "rollover.notYetDated" };
}

/** 规范性文件: still valid on 1 January of the new year (有效期 given, else 5 y; 暂行/试行 3 y). */
function validDocument(cells: Cells, ledger: Ledger, years: RolloverYears): LedgerVerdict {
  const issued = dateOf(cells, ["issueDate", "publicationDate", "publishDate"]);
  if (!issued) return datedEvent(cells, ledger, years);
  const stated = Number(cells["validityYears"]);
  const provisional = /暂行|试行/.test(String(cells["docType"] ?? ""));
  const validYears = Number.isFinite(stated) && stated > 0 ? stated : provisional ? 3 : 5;
  const expires = addYearsIso(issued, Math.floor(validYears));
  return expires >= `${years.toYear}-01-01`
    ? { carry: true, reason: "rollover.stillValid" }
    : { carry: false, reason: "rollover.expired" };
}

/** 复议应诉: open until a result is recorded (or the judgment is performed). */
function openCase(cells: Cells, ledger: Ledger, years: RolloverYears): LedgerVerdict {
  const ids = new Set(ledger.columns.map((c) => c.id));
  if (!ids.has("result") && !ids.has("judgmentPerformed")) return datedEvent(cells, ledger, years);
  const performed = parseYesNo(cells["judgmentPerformed"]);
  const closed = (ids.has("result") && !isBlank(cells["result"])) || (performed.ok && performed.value);
  return closed
    ? { carry: false, reason: "rollover.closedCase" }
    : { carry: true, reason: "rollover.openCase" };
}

const CONTRACT_END = ["endDate", "expiryDate", "termEnd", "validUntil"];

/**
 * 合同: carried while its term runs into the new year. A ledger without an end-date column cannot
 * say so: a contract signed in or before last year is then archived (its review belongs to that
 * year) and an unsigned one carries.
 */
function runningContract(cells: Cells, ledger: Ledger, years: RolloverYears): LedgerVerdict {
  const end = ledger.columns.find((c) => CONTRACT_END.includes(c.id));
  const ends = end ? dateOf(cells, [end.id]) : null;
  if (ends) {
    return ends >= `${years.toYear}-01-01`
      ? { carry: true, reason: "rollover.contractRunning" }
      : { carry: false, reason: "rollover.contractEnded" };
  }
  return datedEvent(cells, ledger, years);
}
