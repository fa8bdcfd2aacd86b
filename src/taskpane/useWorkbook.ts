import { useCallback, useEffect, useRef, useState } from "react";
import type { Assessment } from "../core/assessment";
import type { Finding } from "../core/findings";
import type { Pack } from "../core/pack/schema";
import type { InstallOutcome, InstallProgress, InstallSettings, InstalledPack, TaskpaneHost } from "./host";

export interface WorkbookState {
  /** Still reading the workbook for the first time. */
  loading: boolean;
  installed: InstalledPack | null;
  assessment: Assessment | null;
  checkedAt: Date | null;
  progress: InstallProgress | null;
  lastInstall: InstallOutcome | null;
  error: unknown;
}

export interface WorkbookActions {
  install(pack: Pack, settings: InstallSettings): Promise<void>;
  recheck(): Promise<void>;
  /** Grows tables over the records typed below them, then checks again. */
  extendTables(): Promise<void>;
  /** Writes the real dates of text typed in date cells (date.textNotDate), then checks again. */
  convertTextDates(findings: readonly Finding[]): Promise<void>;
  select(sheet: string, cell: string): Promise<void>;
  selectItem(itemId: string): Promise<void>;
  writeGapSheet(): Promise<void>;
  dismissError(): void;
}

const INITIAL: WorkbookState = {
  loading: true,
  installed: null,
  assessment: null,
  checkedAt: null,
  progress: null,
  lastInstall: null,
  error: null,
};

/** The task pane's view of the workbook: what is installed, the latest assessment, and actions. */
export function useWorkbook(host: TaskpaneHost): [WorkbookState, WorkbookActions] {
  const [state, setState] = useState<WorkbookState>(INITIAL);
  const stopWatching = useRef<(() => void) | null>(null);
  const patch = useCallback((next: Partial<WorkbookState>) => setState((s) => ({ ...s, ...next })), []);

  const onAssessment = useCallback(
    (assessment: Assessment) => patch({ assessment, checkedAt: new Date() }),
    [patch],
  );
  const onError = useCallback((error: unknown) => patch({ error }), [patch]);

  const startWatching = useCallback(async () => {
    stopWatching.current?.();
    stopWatching.current = await host.watch(onAssessment, onError);
  }, [host, onAssessment, onError]);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const installed = await host.inspect();
        if (cancelled) return;
        patch({ installed });
        // Live validation reports a first full check at once.
        if (installed) await startWatching();
      } catch (error) {
        if (!cancelled) patch({ error });
      } finally {
        if (!cancelled) patch({ loading: false });
      }
    })();
    return () => {
      cancelled = true;
      stopWatching.current?.();
      stopWatching.current = null;
    };
  }, [host, patch, startWatching]);

  const actions: WorkbookActions = {
    install: async (pack, settings) => {
      patch({
        progress: { fraction: 0, stepKey: "ui.install.step.prepare" },
        error: null,
        lastInstall: null,
      });
      try {
        const outcome = await host.install(pack, settings, (progress) => patch({ progress }));
        patch({ lastInstall: outcome, installed: await host.inspect(), assessment: null });
        await startWatching();
      } catch (error) {
        patch({ error });
      } finally {
        patch({ progress: null });
      }
    },
    recheck: async () => {
      try {
        patch({ assessment: await host.recheck(), checkedAt: new Date(), error: null });
      } catch (error) {
        patch({ error });
      }
    },
    extendTables: async () => {
      try {
        await host.extendTables?.();
        patch({ assessment: await host.recheck(), checkedAt: new Date(), error: null });
      } catch (error) {
        patch({ error });
      }
    },
    convertTextDates: async (findings) => {
      try {
        // No 全部重新校验 after it: that would write, a second undo step after the fix.
        const fresh = await host.convertTextDates?.(findings);
        patch(fresh ? { assessment: fresh, checkedAt: new Date(), error: null } : { error: null });
      } catch (error) {
        patch({ error });
      }
    },
    select: async (sheet, cell) => {
      try {
        await host.selectCell(sheet, cell);
      } catch (error) {
        patch({ error });
      }
    },
    selectItem: async (itemId) => {
      try {
        await host.selectItem(itemId);
      } catch (error) {
        patch({ error });
      }
    },
    writeGapSheet: async () => {
      try {
        await host.writeGapSheet();
      } catch (error) {
        patch({ error });
      }
    },
    dismissError: () => patch({ error: null }),
  };
  return [state, actions];
}
