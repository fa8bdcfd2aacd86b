import { assess } from "../core/assess";
import { FIRST_ASSESSMENT_YEAR } from "../core/assessmentYear";
import { planRollover, type RolloverPlan } from "../core/rollover";
import type { CellValue } from "../core/snapshot";
import type { Locale } from "../i18n";
import { assessWorkbookBytes } from "./assessWorkbook";
import { saveXlsx } from "./exceljs";
import { readMeta } from "./read/meta";
import { readSnapshot } from "./read/snapshot";
import { formulasFor } from "./write/formulas";
import { writeResultSheets } from "./write/results";
import { ARCHIVE_SHEET, buildRolloverWorkbook } from "./write/rollover";

export type RolloverOutcome =
  | { ok: true; bytes: Uint8Array; plan: RolloverPlan }
  | { ok: false; code: "badRolloverYear"; params: { year: string; from: number } };

/**
 * This year's .xlsx bytes → next year's, for the CLI and the pane alike. Throws XlsxError for an
 * unusable workbook; a year not after the workbook's own is an outcome.
 */
export async function rolloverWorkbookBytes(
  bytes: Uint8Array,
  year: string,
  locale: Locale,
): Promise<RolloverOutcome> {
  const old = await assessWorkbookBytes(bytes);
  const toYear = Number(year);
  const fromYear = old.assessment.assessmentYear ?? toYear - 1;
  if (!/^\d{4}$/.test(year) || toYear < FIRST_ASSESSMENT_YEAR || toYear <= fromYear) {
    return { ok: false, code: "badRolloverYear", params: { year, from: fromYear } };
  }
  const plan = planRollover(old.pack, old.layout, old.snapshot, fromYear, toYear);
  const previous: CellValue[][] = [];
  old.workbook.getWorksheet(ARCHIVE_SHEET)?.eachRow({ includeEmpty: true }, (row) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    previous.push(values.map((v) => (v === undefined ? null : (v as CellValue))));
  });
  const workbook = await buildRolloverWorkbook(
    {
      pack: old.pack,
      previousArchive: previous,
      ...(old.meta.settings ? { settings: old.meta.settings } : {}),
    },
    plan,
    locale,
  );
  const { snapshot } = readSnapshot(workbook, old.layout, readMeta(workbook));
  writeResultSheets(workbook, assess(old.pack, snapshot), old.layout, "zh-CN", formulasFor(old.pack));
  return { ok: true, bytes: await saveXlsx(workbook), plan };
}

/** How many ledger records stay live in the new year. */
export function carriedRecordCount(plan: RolloverPlan): number {
  return Object.entries(plan.live)
    .filter(([key]) => key.startsWith("ledger:"))
    .reduce((n, [, rows]) => n + rows.length, 0);
}
