import { useCallback, useRef, useState } from "react";
import { consolidate, type Consolidation } from "../core/consolidate";
import {
  type FileStatus,
  loadReader,
  readTownshipFiles,
  type ReadWorkbook,
  type SourceFile,
} from "./consolidateFiles";
import type { ConsolidationSheets, TaskpaneHost } from "./host";

export interface ConsolidateState {
  phase: "idle" | "reading" | "writing" | "done";
  files: readonly { name: string; status: FileStatus }[];
  summary: Consolidation | null;
  sheets: ConsolidationSheets | null;
  error: unknown;
}

const IDLE: ConsolidateState = { phase: "idle", files: [], summary: null, sheets: null, error: null };

/**
 * The 汇总 tab's work: read and score the chosen files one by one, consolidate them with the
 * core (the same function as `taizhang consolidate`), and write the sheets through the host.
 */
export function useConsolidateRun(
  host: TaskpaneHost,
  loadRead: () => Promise<ReadWorkbook> = loadReader,
): [ConsolidateState, { run(files: readonly SourceFile[]): Promise<void>; dismissError(): void }] {
  const [state, setState] = useState<ConsolidateState>(IDLE);
  const busy = useRef(false);

  const run = useCallback(
    async (files: readonly SourceFile[]) => {
      if (busy.current || files.length === 0) return;
      busy.current = true;
      setState({
        ...IDLE,
        phase: "reading",
        files: files.map((f) => ({ name: f.name, status: { state: "waiting" } })),
      });
      try {
        const read = await loadRead();
        const { inputs, skipped, notes } = await readTownshipFiles(files, read, (index, status) =>
          setState((s) => ({
            ...s,
            files: s.files.map((f, i) => (i === index ? { ...f, status } : f)),
          })),
        );
        if (inputs.length === 0) {
          setState((s) => ({ ...s, phase: "done", error: { code: "ui.consolidate.nothing" } }));
          return;
        }
        const core = consolidate(inputs);
        const summary = { ...core, notes: [...core.notes, ...notes] };
        setState((s) => ({ ...s, phase: "writing", summary }));
        const sheets = await host.writeConsolidation(summary, skipped);
        setState((s) => ({ ...s, phase: "done", sheets }));
      } catch (error) {
        setState((s) => ({ ...s, phase: "done", error }));
      } finally {
        busy.current = false;
      }
    },
    [host, loadRead],
  );
  const dismissError = useCallback(() => setState((s) => ({ ...s, error: null })), []);
  return [state, { run, dismissError }];
}
