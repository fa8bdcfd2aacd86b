import type { Assessment } from "../core/assessment";
import type { ConsolidationNote, TownshipInput } from "../core/consolidate";
import type { SkippedTownshipFile } from "./host";
import type { ReadOutcome } from "./consolidateReader";
import { withPromptTimeouts } from "./consolidateTicks";
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

/** The .xlsx reader from its own chunk: ExcelJS stays out of the task pane's first load. */
export async function loadReader(): Promise<ReadWorkbook> {
  const { readTownshipWorkbook } = await withPromptTimeouts(
    () => import(/* webpackChunkName: "xlsx-reader" */ "./consolidateReader"),
  );
  return readTownshipWorkbook;
}

/** Lets the pane paint (progress, statuses) between files: one file's parse blocks the thread. */
export const yieldToUi = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Reads and scores every file in turn, reporting each file's status as it changes. A bad file is
 * skipped with its reason and the rest go on. Once `signal` aborts, the file being read finishes
 * (a parse cannot be interrupted) and the rest are marked cancelled, unread.
 */
export async function readTownshipFiles(
  files: readonly SourceFile[],
  read: ReadWorkbook,
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
  for (const [index, file] of files.entries()) {
    if (signal?.aborted) return stopAt(index);
    onStatus(index, { state: "reading" });
    await pause();
    // Again after the pause: a click on 取消 lands while the pane paints.
    if (signal?.aborted) return stopAt(index);
    let outcome: ReadOutcome;
    try {
      outcome = await read(await file.bytes());
    } catch (error) {
      // Reading the bytes themselves failed (a file moved or unreadable).
      const detail = error instanceof Error ? error.message : String(error);
      outcome = { ok: false, reason: { key: "ui.consolidate.unreadable", params: { detail } } };
    }
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
