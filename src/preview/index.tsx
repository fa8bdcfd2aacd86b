import { useState } from "react";
import { createRoot } from "react-dom/client";
import { packsReady } from "../core/pack/builtin";
import { localeFor, localeReady, t } from "../i18n";
import { SelfTestPage } from "../taskpane/SelfTestPage";
import { TaskpaneApp } from "../taskpane/TaskpaneApp";
import { themeFor } from "../taskpane/theme";
import { FileBar, type FileStatus } from "./FileBar";
import { PreviewHost } from "./PreviewHost";
import { blankSession, sessionFor } from "./session";
import { WorkbookGrid } from "./WorkbookGrid";
import { downloadWorkbook, openErrorReason, openWorkbookFile } from "./workbookFiles";

const params = new URLSearchParams(location.search);
const locale = localeFor(params.get("lang"));
// ?theme=dark shows the pane as under Office's dark theme (the pane follows Office's colours).
const paneTheme = themeFor(params.get("theme") === "dark" ? { bodyBackgroundColor: "#262626" } : undefined);
// ?selftest runs the add-in's self-test page against the simulated workbook.
const selfTest = params.has("selftest");

/** The workbook lives in this page only; opening a file replaces it and starts the pane over. */
function Preview() {
  const [session, setSession] = useState(() => blankSession(locale));
  const [status, setStatus] = useState<FileStatus>({ kind: "idle" });

  const open = async (file: File) => {
    setStatus({ kind: "busy", text: t(locale, "ui.preview.opening", { name: file.name }) });
    try {
      const book = await openWorkbookFile(file);
      setSession(sessionFor(book, locale));
      setStatus({ kind: "done", text: t(locale, "ui.preview.opened", { name: file.name }) });
    } catch (error) {
      const reason = openErrorReason(error, locale);
      setStatus({ kind: "error", text: t(locale, "ui.preview.openFailed", { name: file.name, reason }) });
    }
  };
  const save = async () => {
    setStatus({ kind: "busy", text: t(locale, "ui.preview.saving") });
    try {
      const name = await downloadWorkbook(session.book, locale);
      setStatus({ kind: "done", text: t(locale, "ui.preview.saved", { name }) });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setStatus({ kind: "error", text: t(locale, "ui.preview.saveFailed", { reason }) });
    }
  };

  return (
    <PreviewHost
      locale={locale}
      files={
        <FileBar locale={locale} status={status} onOpen={(f) => void open(f)} onSave={() => void save()} />
      }
      onDropFile={(f) => void open(f)}
      workbook={<WorkbookGrid key={session.key} excel={session.book.excel} locale={locale} />}
      pane={
        selfTest ? (
          <SelfTestPage
            key={session.key}
            locale={locale}
            theme={paneTheme}
            adapter={{
              run: session.book.excel.run,
              runWith: session.book.excel.runWith,
              isSetSupported: session.book.excel.isSetSupported,
            }}
          />
        ) : (
          <TaskpaneApp key={session.key} host={session.host} theme={paneTheme} initialLocale={locale} />
        )
      }
    />
  );
}

// The built-in packs and the English messages come in chunks of their own (src/core/pack/lazy/builtin.ts,
// src/i18n localeReady).
void Promise.all([packsReady(), localeReady(locale)]).then(() =>
  createRoot(document.getElementById("root") as HTMLElement).render(<Preview />),
);
