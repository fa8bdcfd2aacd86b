import type { Finding } from "../core/findings";
import { numberFormatFor } from "../core/layout/format";
import { DATE_CODES } from "../core/values/date";
import type { XlRange } from "./api";
import { toAdapterError } from "./errors";
import { type AdapterOptions, resolveOptions } from "./options";

/** One cell the pane's 转换为日期 rewrites: the text the check saw there and the date it reads as. */
export interface TextDateFix {
  sheet: string;
  cell: string;
  /** The cell's text as the finding shows it (trimmed). */
  raw: string;
  /** Excel's serial of the date the text reads as. */
  serial: number;
}

export interface ConvertOutcome {
  /** Cells now holding a real date. */
  converted: number;
  /** Cells left alone: edited since the check, so no longer the text it saw. */
  skipped: number;
  syncs: number;
}

/** The fix a date.textNotDate finding carries, or null for any other finding. */
export function textDateFix(finding: Finding): TextDateFix | null {
  const { raw, serial } = finding.params;
  if (finding.code !== DATE_CODES.text || !finding.cell) return null;
  if (typeof raw !== "string" || typeof serial !== "number") return null;
  return { sheet: finding.sheet, cell: finding.cell, raw, serial };
}

/**
 * The pane's 转换为日期: each cell that still holds the text the check read becomes the date it
 * reads as, a serial with the date columns' format. One Excel.run (one undo step where
 * mergeUndoGroup is supported): one round trip reads the cells, one writes them; no other cell is
 * touched. The format goes first: a number written into a cell formatted as text ("@") stays text.
 */
export async function convertTextDates(
  fixes: readonly TextDateFix[],
  options: AdapterOptions = {},
): Promise<ConvertOutcome> {
  if (fixes.length === 0) return { converted: 0, skipped: 0, syncs: 0 };
  const o = resolveOptions(options);
  try {
    return await o.runAction(async (ctx) => {
      let syncs = 0;
      const ranges: { fix: TextDateFix; range: XlRange }[] = fixes.map((fix) => ({
        fix,
        range: ctx.workbook.worksheets.getItem(fix.sheet).getRange(fix.cell).load("values"),
      }));
      await ctx.sync();
      syncs += 1;
      let converted = 0;
      for (const { fix, range } of ranges) {
        const value = range.values[0]?.[0];
        if (typeof value !== "string" || value.trim() !== fix.raw) continue;
        range.numberFormat = [[numberFormatFor("date")]];
        range.values = [[fix.serial]];
        converted += 1;
      }
      if (converted > 0) {
        await ctx.sync();
        syncs += 1;
      }
      return { converted, skipped: fixes.length - converted, syncs };
    });
  } catch (error) {
    throw toAdapterError(error);
  }
}
