import { assess as coreAssess } from "../core/assess";
import type { Assessment } from "../core/assessment";
import type { Pack } from "../core/pack/schema";
import type { WorkbookSnapshot } from "../core/snapshot";
import { DEFAULT_LOCALE, type Locale } from "../i18n";
import type { IsSetSupported, XlRun } from "./api";

/** What every adapter call may be given; tests and the preview host pass the fake's. */
export interface AdapterOptions {
  /** Defaults to Excel.run. */
  run?: XlRun;
  /** Defaults to Office.context.requirements.isSetSupported. */
  isSetSupported?: IsSetSupported;
  /** Language of the task pane, for error sentences. Workbook text is always Chinese. */
  locale?: Locale;
  /** Defaults to the core's assess. */
  assess?: (pack: Pack, snapshot: WorkbookSnapshot) => Assessment;
}

export interface Resolved {
  run: XlRun;
  isSetSupported: IsSetSupported;
  locale: Locale;
  assess: (pack: Pack, snapshot: WorkbookSnapshot) => Assessment;
}

export function resolveOptions(options: AdapterOptions = {}): Resolved {
  return {
    run: options.run ?? ((batch) => Excel.run((context) => batch(context))),
    isSetSupported:
      options.isSetSupported ??
      ((name, version) => Office.context.requirements.isSetSupported(name, version)),
    locale: options.locale ?? DEFAULT_LOCALE,
    assess: options.assess ?? coreAssess,
  };
}
