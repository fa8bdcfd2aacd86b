import type { Assessment } from "../core/assessment";
import type { ConsolidationNote, TownshipInput } from "../core/consolidate";
import type { SkippedTownshipFile } from "./host";
import type { ReadOutcome } from "./consolidateReader";
import { bytesOf } from "./localFile";

/** A chosen file: its name and a way to get its bytes (a File in the browser). */
export interface SourceFile {
  name: string;
  bytes(): Promise<Uint8Array>;
}

export type FileStatus =
  | { state: "waiting" }
  | { state: "reading" }
  | { state: "checked"; assessment: Assessment; madeWith?: string }
  | { state: "skipped"; reason: SkippedTownshipFile["reason"] }
  /** Not read: the coordinator cancelled before its turn. */
  | { state: "cancelled" };

export type ReadWorkbook = (bytes: Uint8Array) => Promise<ReadOutcome>;

/** How the 汇总 tab reads its files: the reader, how many files it reads at once, and its clean-up. */
export interface WorkbookReader {
  read: ReadWorkbook;
  parallel: number;
  close(): void;
}

/** The same function in the pane's thread, from its own chunk (kept out of the first load). */
const readInThread = async (): Promise<ReadWorkbook> =>
  (await import(/* webpackChunkName: "xlsx-reader" */ "./consolidateReader")).readTownshipWorkbook;

/**
 * Reader workers, one per core up to four; where workers cannot run (an old host, a page policy)
 * the pane reads each file itself, with the same function.
 */
export async function loadReader(): Promise<WorkbookReader> {
  const { startReaderWorkers, WorkersUnavailable } = await import(
    /* webpackMode: "eager" */ "./readerWorkers"
  );
  const cores = typeof navigator === "object" ? navigator.hardwareConcurrency : 0;
  const workers = startReaderWorkers(Math.min(4, Math.max(1, cores || 2)));
  let fallback: Promise<ReadWorkbook> | null = null;
  return {
    parallel: workers.size,
    read: async (bytes) => {
      try {
        return await workers.read(bytes);
      } catch (error) {
        if (!(error instanceof WorkersUnavailable)) throw error;
        fallback ??= readInThread();
        return (await fallback)(bytes);
      }
    },
    close: () => workers.close(),
  };
}

/** Lets the pane paint (progress, statuses) between files. */
export const yieldToUi = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Reads and scores every file, up to `reader.parallel` at once, reporting each file's status as
 * it changes; results are taken in the files' order. A bad file is skipped with its reason and the
 * rest go on. Once `signal` aborts, the files being read finish (a parse cannot be interrupted)
 * and the rest are marked cancelled, unread.
 */
export async function readTownshipFiles(
  files: readonly SourceFile[],
  reader: Pick<WorkbookReader, "read" | "parallel">,
  onStatus: (index: number, status: FileStatus) => void,
  pause: () => Promise<void> = yieldToUi,
  signal?: AbortSignal,
): Promise<{
  inputs: TownshipInput[];
  skipped: SkippedTownshipFile[];
  notes: ConsolidationNote[];
  cancelled: boolean;
}> {
  const inputs: TownshipInput[] = [];
  const skipped: SkippedTownshipFile[] = [];
  const notes: ConsolidationNote[] = [];
  const stopAt = (index: number) => {
    for (let rest = index; rest < files.length; rest++) onStatus(rest, { state: "cancelled" });
    return { inputs, skipped, notes, cancelled: true };
  };
  /** null: cancelled before it was opened. */
  const started: Promise<ReadOutcome | null>[] = [];
  const start = (index: number, file: SourceFile) => {
    onStatus(index, { state: "reading" });
    // After the pause (the pane paints "reading") and only if 取消 did not land meanwhile.
    started[index] = pause().then(() => (signal?.aborted ? null : readOne(file, reader.read)));
  };
  for (const [index, file] of files.entries()) {
    for (let ahead = started.length; ahead < Math.min(files.length, index + reader.parallel); ahead++) {
      if (signal?.aborted) break;
      start(ahead, files[ahead] as SourceFile);
    }
    const outcome = started[index] ? await started[index] : null;
    if (!outcome) return stopAt(index);
    if (outcome.ok) {
      const { assessment, madeWith, carriedPack } = outcome;
      inputs.push({ source: file.name, assessment, ...(carriedPack ? { carriedPack } : {}) });
      if (madeWith) notes.push(versionFallbackNote(file.name, assessment, madeWith));
      onStatus(index, { state: "checked", assessment, ...(madeWith ? { madeWith } : {}) });
    } else {
      skipped.push({ source: file.name, reason: outcome.reason });
      onStatus(index, { state: "skipped", reason: outcome.reason });
    }
  }
  return { inputs, skipped, notes, cancelled: false };
}

async function readOne(file: SourceFile, read: ReadWorkbook): Promise<ReadOutcome> {
  try {
    return await read(await file.bytes());
  } catch (error) {
    // Reading the bytes themselves failed (a file moved or unreadable).
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: { key: "ui.consolidate.unreadable", params: { detail } } };
  }
}

/**
 * A workbook made with a pack version this Taizhang does not ship was checked with the newest one
 * of the same pack: the summary says so, beside the core's notes on mixed versions.
 */
function versionFallbackNote(source: string, assessment: Assessment, madeWith: string): ConsolidationNote {
  return {
    code: "ui.consolidate.versionFallback",
    params: { source, pack: assessment.packId, made: madeWith, used: assessment.packVersion },
  };
}

/** A browser File as a SourceFile (FileReader where Blob.arrayBuffer is missing, as in jsdom). */
export function sourceOf(file: File): SourceFile {
  return {
    name: file.name,
    bytes: async () => {
      if (typeof file.arrayBuffer === "function") return new Uint8Array(await file.arrayBuffer());
      return bytesOf(file);
    },
  };
}
