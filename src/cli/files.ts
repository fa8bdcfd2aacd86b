import { constants, promises as fs, type Stats } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
// Not the ../xlsx barrel: that loads ExcelJS, which `check` and `consolidate` never need.
import { isXlsxError } from "../xlsx/errors";
import { DEFAULT_LIMITS, tooLargeError } from "../xlsx/guard";
import { writeThenRename } from "./atomicWrite";
import { CliError } from "./errors";

/**
 * Reads an input file. A FIFO, a device or a folder is refused from its stat alone (reading one
 * would hang or never end); an oversized file before reading it. Never writes to it.
 */
export async function readInput(path: string): Promise<Uint8Array> {
  const stat = await fs.stat(path).catch((cause: unknown) => {
    if (errnoCode(cause) === "ENOENT" || errnoCode(cause) === "ENOTDIR")
      throw new CliError("inputMissing", { path });
    throw unreadable(path, cause);
  });
  refuseNonFile(path, stat);
  if (stat.size > DEFAULT_LIMITS.maxFileBytes) throw tooLargeError(stat.size);
  // O_NONBLOCK: should the path become a FIFO between stat and open, open returns at once
  // instead of waiting for a writer; fstat below then refuses it.
  const handle = await fs.open(path, constants.O_RDONLY | constants.O_NONBLOCK).catch((cause: unknown) => {
    throw unreadable(path, cause);
  });
  try {
    const opened = await handle.stat();
    refuseNonFile(path, opened);
    if (opened.size > DEFAULT_LIMITS.maxFileBytes) throw tooLargeError(opened.size);
    return new Uint8Array(await handle.readFile());
  } catch (cause) {
    // Only system errors (EIO, EACCES…) are worded here; ours pass through as they are.
    if (cause instanceof CliError || isXlsxError(cause) || errnoCode(cause) === undefined) throw cause;
    throw unreadable(path, cause);
  } finally {
    await handle.close();
  }
}

function refuseNonFile(path: string, stat: Stats): void {
  if (stat.isDirectory()) throw new CliError("inputIsDirectory", { path });
  if (!stat.isFile()) throw new CliError("inputNotFile", { path });
}

/** Why the system would not let us read: permission, or another system error by its code. */
function unreadable(path: string, cause: unknown): CliError {
  const code = errnoCode(cause);
  if (code === "EACCES" || code === "EPERM") return new CliError("inputPermission", { path }, cause);
  return new CliError("inputUnreadable", { path, cause: code ?? String(cause) }, cause);
}

export function errnoCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** A file's identity on disk: the same file under two names (symlink, hard link, other case). */
export interface FileIdentity {
  real: string;
  dev?: number;
  ino?: number;
}

/**
 * The real path of an existing file, or of a new file's folder plus its name; with the device and
 * inode when it exists, which also catches case-insensitive disks (IN.xlsx is in.xlsx there).
 */
export async function fileIdentity(path: string): Promise<FileIdentity> {
  const target = resolve(path);
  const stat = await fs.stat(target).catch(() => null);
  if (stat) return { real: await fs.realpath(target), dev: stat.dev, ino: stat.ino };
  const dir = await fs.realpath(dirname(target)).catch(() => dirname(target));
  return { real: join(dir, basename(target)) };
}

export function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  if (a.ino !== undefined && b.ino !== undefined) return a.dev === b.dev && a.ino === b.ino;
  return a.real === b.real;
}

export interface OutputOptions {
  force: boolean;
  /** Inputs of the command: never overwritten, even with --force. */
  inputs: readonly string[];
}

/** Checks an output path before any work is done, so a refused run costs nothing. */
export async function checkOutput(path: string, options: OutputOptions): Promise<string> {
  const target = resolve(path);
  const identity = await fileIdentity(target);
  for (const input of options.inputs) {
    if (sameFile(await fileIdentity(input), identity)) throw new CliError("outputIsInput", { path });
  }
  const dirStat = await fs.stat(dirname(target)).catch(() => null);
  if (!dirStat?.isDirectory()) throw new CliError("outputDirMissing", { path: dirname(target) });
  const existing = await fs.stat(target).catch(() => null);
  if (existing?.isDirectory()) throw new CliError("inputIsDirectory", { path });
  if (existing && !options.force) throw new CliError("outputExists", { path });
  return target;
}

/**
 * Checks every output of a command up front, including that no two are the same file: a run
 * never writes one output and then refuses (or overwrites) it with the next.
 */
export async function checkOutputs(paths: readonly string[], options: OutputOptions): Promise<void> {
  const seen: { path: string; identity: FileIdentity }[] = [];
  for (const path of paths) {
    const identity = await fileIdentity(path);
    const twin = seen.find((s) => sameFile(s.identity, identity));
    if (twin) throw new CliError("outputsSame", { path, other: twin.path });
    seen.push({ path, identity });
  }
  for (const path of paths) await checkOutput(path, options);
}

/** A path given or found that is not read, with the reason as data. */
export interface SkippedPath {
  path: string;
  code: "legacyFormat" | "notFile" | "sameAs";
  params: Readonly<Record<string, string>>;
}

/** Spreadsheet formats Taizhang cannot read: a folder's copy in one of them gets a 跳过 line. */
const OTHER_SPREADSHEETS = new Set([".xls", ".xlsm", ".xlsb", ".et", ".ods"]);

/**
 * Workbooks named on the command line: files as given, folders searched (recursively) for .xlsx.
 * Symbolic links to regular files are followed, inside the folder or out (a coordinator linking
 * the townships' files into one folder means them to be read); a link to a folder is not (it may
 * loop) and a broken link is reported. The same file reached twice is read once, with a line.
 */
export async function collectWorkbooks(
  paths: readonly string[],
): Promise<{ files: string[]; missing: string[]; skipped: SkippedPath[]; fromFolders: Set<string> }> {
  const files: string[] = [];
  const missing: string[] = [];
  const skipped: SkippedPath[] = [];
  const fromFolders = new Set<string>();
  const seen: { path: string; identity: FileIdentity }[] = [];
  const add = async (path: string, inFolder: boolean) => {
    const identity = await fileIdentity(path);
    const twin = seen.find((s) => sameFile(s.identity, identity));
    if (twin) {
      skipped.push({ path, code: "sameAs", params: { other: twin.path } });
      return;
    }
    seen.push({ path, identity });
    files.push(path);
    if (inFolder) fromFolders.add(path);
  };
  for (const path of paths) {
    const stat = await fs.stat(path).catch(() => null);
    if (!stat) missing.push(path);
    else if (stat.isDirectory()) {
      for (const entry of await entriesIn(path)) {
        if ("skip" in entry) skipped.push(entry.skip);
        else await add(entry.file, true);
      }
    } else await add(path, false);
  }
  return { files, missing, skipped, fromFolders };
}

type FolderEntry = { file: string } | { skip: SkippedPath };

async function entriesIn(dir: string): Promise<FolderEntry[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const out: FolderEntry[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    // Skip Excel's lock files (~$name.xlsx) and hidden or temporary files.
    if (entry.name.startsWith("~$") || entry.name.startsWith(".")) continue;
    const full = join(dir, entry.name);
    const ext = extname(entry.name).toLowerCase();
    if (entry.isDirectory()) out.push(...(await entriesIn(full)));
    else if (OTHER_SPREADSHEETS.has(ext)) {
      out.push({ skip: { path: full, code: "legacyFormat", params: { ext } } });
    } else if (ext !== ".xlsx") continue;
    else if (entry.isFile()) out.push({ file: full });
    else {
      // A symbolic link counts when it leads to a regular file; FIFOs, devices, broken links and
      // links to folders are listed as skipped, never opened.
      const target = entry.isSymbolicLink() ? await fs.stat(full).catch(() => null) : null;
      if (target?.isFile()) out.push({ file: full });
      else out.push({ skip: { path: full, code: "notFile", params: {} } });
    }
  }
  return out;
}

/** Writes the whole file beside its target, then renames: readers never see half a file. */
export async function writeAtomic(
  path: string,
  data: Uint8Array | string,
  options: OutputOptions,
): Promise<void> {
  const target = await checkOutput(path, options);
  try {
    await writeThenRename(target, data);
  } catch (cause) {
    throw new CliError("writeFailed", { path }, cause);
  }
}
