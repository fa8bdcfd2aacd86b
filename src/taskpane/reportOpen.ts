/**
 * Where the pane's HTML report goes. A page download (`<a download>`) does nothing in Excel for Mac
 * and Office on iPad, whose WKWebView has no download support
 * (https://github.com/OfficeDev/office-js/issues/2700, by design;
 * https://github.com/OfficeDev/office-js/issues/3385). There the report opens in an Office dialog
 * on the add-in's own page (`taskpane.html?report`), which receives the HTML from the pane
 * (`Dialog.messageChild`, DialogApi 1.2:
 * https://learn.microsoft.com/en-us/javascript/api/office/office.dialog) and shows it; the person
 * prints or saves it from there. `Office.context.ui.openBrowserWindow` is no way out: it opens a URL
 * in the system browser, which cannot reach a report that lives only in the pane's memory.
 */

/** The part of the Office global the choice and the dialog use (a stub in tests). */
export interface ReportOffice {
  readonly context: {
    readonly diagnostics?: { readonly platform?: unknown } | null;
    readonly requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    readonly ui: {
      displayDialogAsync(
        startAddress: string,
        options: { height: number; width: number; displayInIframe?: boolean },
        callback: (result: ReportDialogResult) => void,
      ): void;
    };
  };
  readonly EventType: { readonly DialogMessageReceived: string };
}

export interface ReportDialogResult {
  status: unknown;
  value: ReportDialog;
  error?: { code: number; message: string };
}

export interface ReportDialog {
  addEventHandler(eventType: never, handler: (arg: { message: string } | { error: number }) => void): void;
  messageChild(message: string): void;
  close(): void;
}

export type ReportPath = "download" | "dialog";

/** Platforms whose webview ignores `<a download>` (Office.PlatformType values). */
const NO_DOWNLOAD = new Set(["Mac", "iOS"]);

/** Office.context.diagnostics is null outside Office (the preview, a plain browser). */
export function reportPath(office: ReportOffice | undefined): ReportPath {
  const platform = office?.context.diagnostics?.platform;
  if (typeof platform !== "string" || !NO_DOWNLOAD.has(platform)) return "download";
  return office?.context.requirements.isSetSupported("DialogApi", "1.2") ? "dialog" : "download";
}

/** The dialog's first message: it listens, so the pane may send the report. */
export const REPORT_READY = "taizhang-report-ready";
/** Characters per message: messages are kept small, whatever the host's limit. */
export const REPORT_CHUNK = 30_000;

export interface ReportChunk {
  part: number;
  of: number;
  text: string;
}

export function reportChunks(html: string): string[] {
  const n = Math.max(1, Math.ceil(html.length / REPORT_CHUNK));
  return Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      part: i,
      of: n,
      text: html.slice(i * REPORT_CHUNK, (i + 1) * REPORT_CHUNK),
    } satisfies ReportChunk),
  );
}

/**
 * Opens the report in an Office dialog; resolves once the dialog is open (the HTML follows when it
 * says it is ready). Rejects when Office refuses the dialog (e.g. one is open already).
 */
export function openReportDialog(office: ReportOffice, html: string, pageUrl: string): Promise<void> {
  const url = new URL(pageUrl);
  url.search = "?report";
  url.hash = "";
  return new Promise((resolve, reject) => {
    office.context.ui.displayDialogAsync(
      url.toString(),
      { height: 80, width: 70, displayInIframe: true },
      (result) => {
        if (result.status !== "succeeded") {
          reject(new Error(result.error?.message ?? "displayDialogAsync failed"));
          return;
        }
        const dialog = result.value;
        dialog.addEventHandler(office.EventType.DialogMessageReceived as never, (arg) => {
          if (!("message" in arg) || arg.message !== REPORT_READY) return;
          for (const chunk of reportChunks(html)) dialog.messageChild(chunk);
        });
        resolve();
      },
    );
  });
}

/** The part of the Office global the dialog page uses (a stub in tests). */
export interface ReportDialogOffice {
  readonly context: {
    readonly ui: {
      addHandlerAsync(eventType: never, handler: (arg: { message: string }) => void): void;
      messageParent(message: string): void;
    };
  };
  readonly EventType: { readonly DialogParentMessageReceived: string };
}

/**
 * In the dialog (`taskpane.html?report`): asks the pane for the report, puts its parts together and
 * hands the whole HTML to `show` once.
 */
export function receiveReport(office: ReportDialogOffice, show: (html: string) => void): void {
  const parts: string[] = [];
  let shown = false;
  office.context.ui.addHandlerAsync(office.EventType.DialogParentMessageReceived as never, (arg) => {
    let chunk: ReportChunk;
    try {
      chunk = JSON.parse(arg.message) as ReportChunk;
    } catch {
      return;
    }
    parts[chunk.part] = chunk.text;
    const complete = parts.filter((p) => p !== undefined).length === chunk.of;
    if (complete && !shown) {
      shown = true;
      show(parts.join(""));
    }
  });
  office.context.ui.messageParent(REPORT_READY);
}

/** The Office global where there is one (the pane in Office); undefined in a plain page. */
export function officeGlobal(): ReportOffice | undefined {
  // The real Office typings overload these methods; the subset above is what is called.
  return typeof Office === "undefined" ? undefined : (Office as unknown as ReportOffice);
}
