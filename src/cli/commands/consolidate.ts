import { basename } from "node:path";
import { consolidate, townshipRecord, type TownshipRecord } from "../../core/consolidate";
import type { CarriedPackStatus } from "../../core/pack";
import { t } from "../../i18n";
// ExcelJS (../../xlsx) is loaded only to write the summary or to look inside a stray workbook.
import { isXlsxError } from "../../xlsx/errors";
import type { SkippedFile } from "../../xlsx";
import { assessXlsxStream } from "../../xlsxstream";
import type { CliContext } from "../context";
import { CliError, EXIT } from "../errors";
import {
  checkOutputs,
  collectWorkbooks,
  fileIdentity,
  readInput,
  sameFile,
  type SkippedPath,
  writeAtomic,
} from "../files";
import { summaryHtml } from "../../report/summary";
import { reasonMessage } from "../messages";
import { progressBar } from "../progress";
import { readPackFile } from "../packFile";
import { readSettingsFile } from "../settingsFile";

export interface ConsolidateOptions {
  output: string;
  html?: string;
  force?: boolean;
  /** A coordinator's settings file: every file is scored with it. */
  settings?: string;
  /** A pack file (not built in) the workbooks are scored with. */
  packFile?: string;
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
  const packFile = options.packFile ? await readPackFile(ctx, options.packFile) : undefined;
  const given = options.settings ? await readSettingsFile(ctx, options.settings, packFile) : undefined;
  const collected = await collectWorkbooks(paths);
  const { missing } = collected;
  const outputPaths = options.html ? [options.output, options.html] : [options.output];
  const skipped: SkippedFile[] = [
    ...missing.map((source) => ({ source, reason: ctx.tr("error.inputMissing", { path: source }) })),
    ...collected.skipped.map((s) => skippedLine(ctx, s)),
  ];
  // A summary this tool wrote into the folder earlier is not a township's workbook: skipped
  // (with a line), so `-o DIR/sum.xlsx --force` can run again. Only a folder file that is one of
  // the outputs is opened for this up front; any other one is recognised when it fails to read.
  const outputIds = await Promise.all(outputPaths.map((o) => fileIdentity(o)));
  const ownSummary = (path: string) => skippedLine(ctx, { path, code: "ownSummary", params: {} });
  const files: string[] = [];
  for (const file of collected.files) {
    const id = await fileIdentity(file);
    const isOutput = outputIds.some((o) => sameFile(o, id));
    if (isOutput && collected.fromFolders.has(file) && (await isOwnSummaryFile(file))) {
      skipped.push(ownSummary(file));
    } else files.push(file);
  }
  const outputs = { force: Boolean(options.force), inputs: files };
  await checkOutputs(outputPaths, outputs);
  if (files.length === 0 && missing.length === 0) throw new CliError("noInputs");

  // Each file's compact record, built as soon as it is scored: the full assessment (findings,
  // item results) goes, so memory grows slowly with the number of files.
  const inputs: TownshipRecord[] = [];
  const findings = { findings: Boolean(options.html) };
  const progress = progressBar(ctx.io, files.length);
  for (const file of files) {
    progress.tick(basename(file));
    try {
      const read = assessXlsxStream(
        await readInput(file),
        undefined,
        given?.data,
        packFile ? [packFile] : [],
      );
      inputs.push(
        townshipRecord(
          {
            source: file,
            assessment: read.assessment,
            settings: read.settings?.hash ?? null,
            replacedSettings: read.replacedSettings,
            carriedPack: read.carried,
          },
          findings,
        ),
      );
      printPackMismatch(ctx, file, read.carried);
    } catch (error) {
      const notOurs = isXlsxError(error) && error.code === "notTaizhang";
      if (notOurs && collected.fromFolders.has(file) && (await isOwnSummaryFile(file))) {
        skipped.push(ownSummary(file));
      } else skipped.push({ source: file, reason: reasonMessage(ctx, error) });
    }
  }
  progress.done();
  for (const s of skipped)
    ctx.io.stderr(`${ctx.tr("consolidate.skipped", { source: s.source, reason: s.reason })}\n`);
  if (inputs.length === 0) throw new CliError("nothingConsolidated", { count: skipped.length });

  const summary = consolidate(inputs);
  await writeAtomic(
    options.output,
    await (await import("../../xlsx")).summaryBytes(summary, skipped, ctx.locale),
    outputs,
  );
  if (options.html)
    await writeAtomic(options.html, summaryHtml(summary, skipped, ctx.locale, inputs), outputs);
  ctx.io.stderr(
    `${ctx.tr("consolidate.done", { count: inputs.length, skipped: skipped.length, path: options.output })}\n`,
  );
  return EXIT.ok;
}

/** 模板与下发版本不一致: one line per difference, so the coordinator sees what changed. */
function printPackMismatch(ctx: CliContext, file: string, carried: CarriedPackStatus): void {
  if (carried.state === "damaged")
    ctx.io.stderr(`${ctx.tr("consolidate.carriedDamaged", { source: basename(file) })}\n`);
  if (carried.state !== "differs") return;
  ctx.io.stderr(`${ctx.tr("consolidate.mismatch", { source: basename(file) })}\n`);
  for (const d of carried.differences)
    ctx.io.stderr(
      `  ${t(ctx.locale, d.code, { subject: d.subject, expected: d.expected ?? "", actual: d.actual ?? "" })}\n`,
    );
}

function skippedLine(
  ctx: CliContext,
  s: SkippedPath | { path: string; code: "ownSummary"; params: Record<string, string> },
): SkippedFile {
  return { source: s.path, reason: ctx.tr(`consolidate.skip.${s.code}`, s.params) };
}

async function isOwnSummaryFile(file: string): Promise<boolean> {
  const bytes = await readInput(file).catch(() => null);
  return bytes !== null && (await import("../../xlsx")).isOwnSummary(bytes);
}
