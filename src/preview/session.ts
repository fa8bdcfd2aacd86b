import { FakeExcel } from "../sim";
import { withFormulaEngine } from "./formulaValues";
import { createExcelHost } from "../taskpane/excelHost";
import type { TaskpaneHost } from "../taskpane/host";
import { downloadXlsx } from "../taskpane/rollover";
import type { Locale } from "../i18n";
import { emptyCarry, type PreviewWorkbook } from "./xlsx/carry";

/** One workbook in the preview and the task pane's host on it; a new one remounts the pane. */
export interface PreviewSession {
  book: PreviewWorkbook;
  host: TaskpaneHost;
  /** Changes with every workbook, so React starts the pane and grid over. */
  key: number;
}

let sessions = 0;

export function sessionFor(book: PreviewWorkbook, locale: Locale): PreviewSession {
  sessions += 1;
  const { excel } = book;
  return {
    book,
    host: {
      ...createExcelHost({
        run: excel.run,
        runWith: excel.runWith,
        isSetSupported: excel.isSetSupported,
        locale,
      }),
      // 开始新评估年度 in the preview: the workbook as a file, and next year's as a download.
      workbookBytes: async () =>
        (await import(/* webpackChunkName: "xlsx" */ "./xlsx")).saveXlsxWorkbook(book),
      openNewWorkbook: async (bytes, fileName) => downloadXlsx(bytes, fileName),
    },
    key: sessions,
  };
}

/** The page's first workbook: empty, as Excel on the web (ExcelApi 1.14) starts one. */
export const blankSession = (locale: Locale): PreviewSession =>
  sessionFor(
    {
      excel: withFormulaEngine(new FakeExcel({ apiVersion: "1.14", sheets: ["Sheet1"] })),
      carry: emptyCarry(),
    },
    locale,
  );
