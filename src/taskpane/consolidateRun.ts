import { useCallback, useRef, useState } from "react";
import { consolidate, type Consolidation, type ConsolidationNote } from "../core/consolidate";
import {
  type FileStatus,
  loadReader,
  readTownshipFiles,
  type SourceFile,
  type WorkbookReader,
} from "./consolidateFiles";
import type { ConsolidationSheets, TaskpaneHost } from "./host";

export interface ConsolidateState {
  /** "cancelling": the coordinator asked to stop; the file being read finishes first. */
  phase: "idle" | "reading" | "cancelling" | "writing" | "done";
  /** The run was cancelled: the summary (if any) covers only the files read, and no sheet was written. */
  cancelled: boolean;
  files: readonly { name: string; status: FileStatus }[];
  summary: Consolidation | null;
  sheets: ConsolidationSheets | null;
  error: unknown;
}

const IDLE: ConsolidateState = {
  phase: "idle",
  cancelled: false,
  files: [],
  summary: null,
  sheets: null,
  error: null,
};

export interface ConsolidateActions {
  run(files: readonly SourceFile[]): Promise<void>;
  /** Stops reading further files; what was read is shown in the pane, nothing is written. */
  cancel(): void;
  dismissError(): void;
}

/**
 * The 汇总 tab's work: read and score the chosen files (on reader workers), consolidate them with the
 * core (the same function as `taizhang consolidate`), and write the sheets through the host.
 * A cancelled run shows what it read but writes no sheet: a partial 汇总 in the workbook would
 * pass for the whole district's.
 */
export function useConsolidateRun(
  host: TaskpaneHost,
  loadRead: () => Promise<WorkbookReader> = loadReader,
  pause?: () => Promise<void>,
): [ConsolidateState, ConsolidateActions] {
  const [state, setState] = useState<ConsolidateState>(IDLE);
  const busy = useRef(false);
  const abort = useRef<AbortController | null>(null);

  const run = useCallback(
    async (files: readonly SourceFile[]) => {
      if (busy.current || files.length === 0) return;
      busy.current = true;
      const controller = new AbortController();
      abort.current = controller;
      setState({
        ...IDLE,
        phase: "reading",
        files: files.map((f) => ({ name: f.name, status: { state: "waiting" } })),
      });
      let reader: WorkbookReader | null = null;
      try {
        reader = await loadRead();
        const { inputs, skipped, notes, ...reading } = await readTownshipFiles(
          files,
          reader,
          (index, status) =>
            setState((s) => ({
              ...s,
              files: s.files.map((f, i) => (i === index ? { ...f, status } : f)),
            })),
          pause,
          controller.signal,
        );
        // Cancelled during the last file too: the coordinator asked for no sheets.
        if (reading.cancelled || controller.signal.aborted) {
          const summary = inputs.length > 0 ? withNotes(consolidate(inputs), notes) : null;
          setState((s) => ({ ...s, phase: "done", cancelled: true, summary }));
          return;
        }
        if (inputs.length === 0) {
          setState((s) => ({ ...s, phase: "done", error: { code: "ui.consolidate.nothing" } }));
          return;
        }
        const summary = withNotes(consolidate(inputs), notes);
        setState((s) => ({ ...s, phase: "writing", summary }));
        const sheets = await host.writeConsolidation(summary, skipped);
        setState((s) => ({ ...s, phase: "done", sheets }));
      } catch (error) {
        setState((s) => ({ ...s, phase: "done", error }));
      } finally {
        reader?.close();
        busy.current = false;
        abort.current = null;
      }
    },
    [host, loadRead, pause],
  );
  const cancel = useCallback(() => {
    if (!abort.current || abort.current.signal.aborted) return;
    abort.current.abort();
    setState((s) => (s.phase === "reading" ? { ...s, phase: "cancelling" } : s));
  }, []);
  const dismissError = useCallback(() => setState((s) => ({ ...s, error: null })), []);
  return [state, { run, cancel, dismissError }];
}

function withNotes(core: Consolidation, notes: readonly ConsolidationNote[]): Consolidation {
  return { ...core, notes: [...core.notes, ...notes] };
}
