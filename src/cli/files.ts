import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { DEFAULT_LIMITS, tooLargeError } from "../xlsx";
import { CliError } from "./errors";

/** Reads an input file; refuses oversized files before reading them. Never writes to it. */
export async function readInput(path: string): Promise<Uint8Array> {
  const stat = await fs.stat(path).catch(() => null);
  if (!stat) throw new CliError("inputMissing", { path });
  if (stat.isDirectory()) throw new CliError("inputIsDirectory", { path });
  if (stat.size > DEFAULT_LIMITS.maxFileBytes) throw tooLargeError(stat.size);
  return new Uint8Array(await fs.readFile(path));
}

export interface OutputOptions {
  force: boolean;
  /** Inputs of the command: never overwritten, even with --force. */
  inputs: readonly string[];
}

/** Checks an output path before any work is done, so a refused run costs nothing. */
export async function checkOutput(path: string, options: OutputOptions): Promise<string> {
  const target = resolve(path);
  if (options.inputs.some((input) => resolve(input) === target))
    throw new CliError("outputIsInput", { path });
  const dirStat = await fs.stat(dirname(target)).catch(() => null);
  if (!dirStat?.isDirectory()) throw new CliError("outputDirMissing", { path: dirname(target) });
  const existing = await fs.stat(target).catch(() => null);
  if (existing?.isDirectory()) throw new CliError("inputIsDirectory", { path });
  if (existing && !options.force) throw new CliError("outputExists", { path });
  return target;
}

/** Writes the whole file beside its target, then renames: readers never see half a file. */
export async function writeAtomic(
  path: string,
  data: Uint8Array | string,
  options: OutputOptions,
): Promise<void> {
  const target = await checkOutput(path, options);
  const temp = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  try {
    await fs.writeFile(temp, data, { flag: "wx" });
    await fs.rename(temp, target);
  } catch (cause) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw new CliError("writeFailed", { path }, cause);
  }
}

/** Workbooks named on the command line: files as given, folders searched (recursively) for .xlsx. */
export async function collectWorkbooks(
  paths: readonly string[],
): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    const stat = await fs.stat(path).catch(() => null);
    if (!stat) missing.push(path);
    else if (stat.isDirectory()) files.push(...(await workbooksIn(path)));
    else files.push(path);
  }
  return { files: [...new Set(files)], missing };
}

async function workbooksIn(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    // Skip Excel's lock files (~$name.xlsx) and hidden or temporary files.
    if (entry.name.startsWith("~$") || entry.name.startsWith(".")) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await workbooksIn(full)));
    else if (entry.isFile() && extname(entry.name).toLowerCase() === ".xlsx") out.push(full);
  }
  return out;
}
