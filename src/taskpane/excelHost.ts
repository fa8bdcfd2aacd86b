import {
  convertTextDates,
  exportGapSheet,
  extendTablesOverRows,
  inspectWorkbook,
  installPack,
  readSnapshot,
  recheckAll,
  selectCell,
  selectItem,
  startLiveValidation,
  writeConsolidation,
  type AdapterOptions,
  type LiveSession,
  textDateFix,
  type TextDateFix,
} from "../excel";
import { assess } from "../core/assess";
import type { TaskpaneHost } from "./host";
import { officeFileBytes, openInExcel } from "./officeFile";

/**
 * The task pane's host on the Office.js adapter. In Excel the options are empty (Excel.run);
 * the preview passes the fake's run and requirement check.
 */
export function createExcelHost(options: AdapterOptions = {}): TaskpaneHost {
  let live: LiveSession | null = null;
  return {
    inspect: () => inspectWorkbook(options),
    install: async (pack, settings, onProgress) => {
      // The live session caches the workbook's layout; an install changes it.
      await live?.stop();
      live = null;
      const summary = await installPack(pack, { ...options, settings, onProgress });
      return {
        added: summary.added,
        kept: summary.kept,
        retired: summary.retired,
        sheetsCreated: summary.sheetsCreated,
        renamedSheets: summary.renamedSheets,
        upgradedFrom: summary.upgradedFrom,
      };
    },
    recheck: async () => (live ? await live.recheck() : await recheckAll(null, options)).assessment,
    watch: async (listener, onError) => {
      await live?.stop();
      const session = await startLiveValidation(null, {
        ...options,
        onResult: (outcome) => listener(outcome.assessment),
        onError,
      });
      live = session;
      return () => {
        if (live === session) live = null;
        void session.stop();
      };
    },
    extendTables: async () => (await extendTablesOverRows(null, options)).rows,
    convertTextDates: async (findings) => {
      const fixes = findings.map(textDateFix).filter((f): f is TextDateFix => f !== null);
      await convertTextDates(fixes, options);
      if (live) {
        await live.refresh();
        return null;
      }
      const { snapshot, pack } = await readSnapshot(options);
      return (options.assess ?? assess)(pack, snapshot);
    },
    selectCell: (sheet, cell) => selectCell(sheet, cell, options),
    selectItem: async (itemId) => {
      // The live session's last check knows every row: no read before the jump.
      await selectItem(itemId, { ...options, snapshot: live?.snapshot() ?? null });
    },
    writeGapSheet: async () => {
      await exportGapSheet(null, options);
    },
    writeConsolidation: async (summary, skipped) => {
      const written = await writeConsolidation(summary, skipped, options);
      return {
        matrixSheet: written.matrixSheet,
        missedSheet: written.missedSheet,
        detailSheet: written.detailSheet,
        created: written.created,
      };
    },
    // In Excel only: the preview (options.run) gives its own file bytes (src/preview/session.ts).
    ...(options.run ? {} : { workbookBytes: officeFileBytes, openNewWorkbook: openInExcel }),
  };
}
