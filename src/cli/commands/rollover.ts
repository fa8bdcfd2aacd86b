import { rolloverWorkbookBytes, carriedRecordCount } from "../../xlsx/rolloverWorkbook";
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
  const result = await rolloverWorkbookBytes(await readInput(file), options.year, ctx.locale);
  if (!result.ok) throw new CliError(result.code, result.params);
  await writeAtomic(options.output, result.bytes, output);
  const { plan } = result;
  ctx.io.stderr(
    `${ctx.tr("rollover.done", {
      path: options.output,
      year: plan.toYear,
      carried: carriedRecordCount(plan),
      archived: plan.archive.length,
    })}\n`,
  );
  return EXIT.ok;
}
