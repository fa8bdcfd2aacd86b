import { assessXlsxStream } from "../../xlsxstream";
import type { CliContext } from "../context";
import { EXIT } from "../errors";
import { checkOutput, readInput, writeAtomic } from "../files";
import { readPackFile } from "../packFile";
import { readSettingsFile } from "../settingsFile";
import { reportHtml } from "../../report/report";

/** `taizhang report <file> -o <report.html>`: a printable gap report for reviewers. */
export async function reportCommand(
  ctx: CliContext,
  file: string,
  options: { output: string; force?: boolean; settings?: string; packFile?: string },
): Promise<number> {
  const output = {
    force: Boolean(options.force),
    inputs: options.packFile ? [file, options.packFile] : [file],
  };
  const packFile = options.packFile ? await readPackFile(ctx, options.packFile) : undefined;
  const given = options.settings ? await readSettingsFile(ctx, options.settings, packFile) : undefined;
  await checkOutput(options.output, output);
  const { assessment, pack, settings } = assessXlsxStream(
    await readInput(file),
    undefined,
    given?.data,
    packFile ? [packFile] : [],
  );
  await writeAtomic(options.output, reportHtml(assessment, pack, ctx.locale, { settings }), output);
  ctx.io.stderr(`${ctx.tr("report.done", { path: options.output })}\n`);
  return EXIT.ok;
}
