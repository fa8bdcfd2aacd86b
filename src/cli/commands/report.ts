import { assessWorkbookBytes } from "../../xlsx";
import type { CliContext } from "../context";
import { EXIT } from "../errors";
import { checkOutput, readInput, writeAtomic } from "../files";
import { reportHtml } from "../../report/report";

/** `taizhang report <file> -o <report.html>`: a printable gap report for reviewers. */
export async function reportCommand(
  ctx: CliContext,
  file: string,
  options: { output: string; force?: boolean },
): Promise<number> {
  const output = { force: Boolean(options.force), inputs: [file] };
  await checkOutput(options.output, output);
  const { assessment, pack } = await assessWorkbookBytes(await readInput(file));
  await writeAtomic(options.output, reportHtml(assessment, pack, ctx.locale), output);
  ctx.io.stderr(`${ctx.tr("report.done", { path: options.output })}\n`);
  return EXIT.ok;
}
