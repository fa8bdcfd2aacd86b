import { assessXlsxStream } from "../../xlsxstream";
import type { CliContext } from "../context";
import { EXIT } from "../errors";
import { checkOutput, readInput, writeAtomic } from "../files";
import { readSettingsFile } from "../settingsFile";
import { reportHtml } from "../../report/report";

/** `taizhang report <file> -o <report.html>`: a printable gap report for reviewers. */
export async function reportCommand(
  ctx: CliContext,
  file: string,
  options: { output: string; force?: boolean; settings?: string },
): Promise<number> {
  const output = { force: Boolean(options.force), inputs: [file] };
  const given = options.settings ? await readSettingsFile(ctx, options.settings) : undefined;
  await checkOutput(options.output, output);
  const { assessment, pack, settings } = assessXlsxStream(await readInput(file), undefined, given?.data);
  await writeAtomic(options.output, reportHtml(assessment, pack, ctx.locale, { settings }), output);
  ctx.io.stderr(`${ctx.tr("report.done", { path: options.output })}\n`);
  return EXIT.ok;
}
