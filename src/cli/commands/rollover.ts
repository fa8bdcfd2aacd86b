import { assess } from "../../core/assess";
import { FIRST_ASSESSMENT_YEAR } from "../../core/assessmentYear";
import { planRollover } from "../../core/rollover";
import type { CellValue } from "../../core/snapshot";
import {
  ARCHIVE_SHEET,
  assessWorkbookBytes,
  buildRolloverWorkbook,
  readMeta,
  readSnapshot,
  saveXlsx,
  writeResultSheets,
} from "../../xlsx";
import type { CliContext } from "../context";
import { CliError, EXIT } from "../errors";
import { checkOutput, readInput, writeAtomic } from "../files";

export interface RolloverOptions {
  year: string;
  output: string;
  force?: boolean;
}

/**
 * `taizhang rollover 2018.xlsx --year 2019 -o 2019.xlsx`: the next 评估年度 from this year's
 * workbook. The input is never written (an output naming it is refused, even with --force).
 */
export async function rolloverCommand(
  ctx: CliContext,
  file: string,
  options: RolloverOptions,
): Promise<number> {
  const output = { force: Boolean(options.force), inputs: [file] };
  await checkOutput(options.output, output);
  const old = await assessWorkbookBytes(await readInput(file));
  const toYear = Number(options.year);
  const fromYear = old.assessment.assessmentYear ?? toYear - 1;
  if (!/^\d{4}$/.test(options.year) || toYear < FIRST_ASSESSMENT_YEAR || toYear <= fromYear) {
    throw new CliError("badRolloverYear", { year: options.year, from: fromYear });
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
    ctx.locale,
  );
  const { snapshot } = readSnapshot(workbook, old.layout, readMeta(workbook));
  writeResultSheets(workbook, assess(old.pack, snapshot), old.layout, "zh-CN");
  await writeAtomic(options.output, await saveXlsx(workbook), output);
  const carried = Object.entries(plan.live)
    .filter(([key]) => key.startsWith("ledger:"))
    .reduce((n, [, rows]) => n + rows.length, 0);
  ctx.io.stderr(
    `${ctx.tr("rollover.done", { path: options.output, year: toYear, carried, archived: plan.archive.length })}\n`,
  );
  return EXIT.ok;
}
