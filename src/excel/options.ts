import { assess as coreAssess } from "../core/assess";
import type { Assessment } from "../core/assessment";
import type { Pack } from "../core/pack/schema";
import type { WorkbookSnapshot } from "../core/snapshot";
import { DEFAULT_LOCALE, type Locale } from "../i18n";
import type { IsSetSupported, XlRun, XlRunWith } from "./api";

/** What every adapter call may be given; tests and the preview host pass the fake's. */
export interface AdapterOptions {
  /** Defaults to Excel.run. */
  run?: XlRun;
  /** Defaults to Excel.run with options; without it (a stand-in given only `run`) actions use `run`. */
  runWith?: XlRunWith;
  /** Defaults to Office.context.requirements.isSetSupported. */
  isSetSupported?: IsSetSupported;
  /** Language of the task pane, for error sentences. Workbook text is always Chinese. */
  locale?: Locale;
  /** Defaults to the core's assess. */
  assess?: (pack: Pack, snapshot: WorkbookSnapshot) => Assessment;
}

export interface Resolved {
  run: XlRun;
  /**
   * For what the user asked for (install, upgrade, 导出, a fix): one undo step on hosts that can
   * group (ExcelApi 1.20, https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-undo-capabilities).
   */
  runAction: XlRun;
  isSetSupported: IsSetSupported;
  locale: Locale;
  assess: (pack: Pack, snapshot: WorkbookSnapshot) => Assessment;
}

export const UNDO_GROUP_API = "1.20";

export function resolveOptions(options: AdapterOptions = {}): Resolved {
  const run: XlRun = options.run ?? ((batch) => Excel.run((context) => batch(context)));
  const runWith: XlRunWith | undefined =
    options.runWith ??
    (options.run ? undefined : (opts, batch) => Excel.run(opts, (context) => batch(context)));
  const isSetSupported: IsSetSupported =
    options.isSetSupported ?? ((name, version) => Office.context.requirements.isSetSupported(name, version));
  return {
    run,
    runAction: (batch) =>
      runWith && isSetSupported("ExcelApi", UNDO_GROUP_API)
        ? runWith({ mergeUndoGroup: true }, batch)
        : run(batch),
    isSetSupported,
    locale: options.locale ?? DEFAULT_LOCALE,
    assess: options.assess ?? coreAssess,
  };
}
