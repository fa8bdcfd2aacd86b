import { basename } from "node:path";
import { consolidate, type TownshipInput } from "../../core/consolidate";
import { assessWorkbookBytes, summaryBytes, type SkippedFile } from "../../xlsx";
import type { CliContext } from "../context";
import { CliError, EXIT } from "../errors";
import { checkOutput, collectWorkbooks, readInput, writeAtomic } from "../files";
import { summaryHtml } from "../../report/summary";
import { reasonMessage } from "../messages";
import { progressBar } from "../progress";
import { readSettingsFile } from "../settingsFile";

export interface ConsolidateOptions {
  output: string;
  html?: string;
  force?: boolean;
  /** A coordinator's settings file: every file is scored with it. */
  settings?: string;
}

/**
 * `taizhang consolidate <files or folders...> -o summary.xlsx [--html summary.html]`.
 * A bad file is reported and skipped; the rest go on. Exit 2 only when nothing could be read.
 */
export async function consolidateCommand(
  ctx: CliContext,
  paths: readonly string[],
  options: ConsolidateOptions,
): Promise<number> {
  const given = options.settings ? await readSettingsFile(ctx, options.settings) : undefined;
  const { files, missing } = await collectWorkbooks(paths);
  const outputs = { force: Boolean(options.force), inputs: files };
  await checkOutput(options.output, outputs);
  if (options.html) await checkOutput(options.html, outputs);
  if (files.length === 0 && missing.length === 0) throw new CliError("noInputs");

  const skipped: SkippedFile[] = missing.map((source) => ({
    source,
    reason: ctx.tr("error.inputMissing", { path: source }),
  }));
  const inputs: TownshipInput[] = [];
  const progress = progressBar(ctx.io, files.length);
  for (const file of files) {
    progress.tick(basename(file));
    try {
      const read = await assessWorkbookBytes(await readInput(file), undefined, given?.data);
      inputs.push({
        source: file,
        assessment: read.assessment,
        settings: read.settings?.hash ?? null,
        replacedSettings: read.replacedSettings,
      });
    } catch (error) {
      skipped.push({ source: file, reason: reasonMessage(ctx, error) });
    }
  }
  progress.done();
  for (const s of skipped)
    ctx.io.stderr(`${ctx.tr("consolidate.skipped", { source: s.source, reason: s.reason })}\n`);
  if (inputs.length === 0) throw new CliError("nothingConsolidated", { count: skipped.length });

  const summary = consolidate(inputs);
  await writeAtomic(options.output, await summaryBytes(summary, skipped, ctx.locale), outputs);
  if (options.html)
    await writeAtomic(options.html, summaryHtml(summary, skipped, ctx.locale, inputs), outputs);
  ctx.io.stderr(
    `${ctx.tr("consolidate.done", { count: inputs.length, skipped: skipped.length, path: options.output })}\n`,
  );
  return EXIT.ok;
}
