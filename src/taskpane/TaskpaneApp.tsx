import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  type Theme,
} from "@fluentui/react-components";
import { useEffect, useMemo, type ReactNode } from "react";
import { resolvePack } from "../core/pack/resolve";
import type { Locale } from "../i18n";
import { App, type TabId } from "./App";
import { sourceOf } from "./consolidateFiles";
import { useConsolidateRun } from "./consolidateRun";
import { errorText } from "./errors";
import {
  ChecksPanel,
  ConsolidatePanel,
  Deferred,
  GapsPanel,
  Loading,
  ScorePanel,
  preloadPanels,
} from "./lazyPanels";
import type { TaskpaneHost } from "./host";
import { useLocale } from "./locale";
import { summarizePacks } from "./packs";
import { TemplatePanel } from "./panels/TemplatePanel";
import { downloadGapReport } from "./report";
import { RolloverAction } from "./components/RolloverAction";
import { startNextYear } from "./rollover";
import { useWorkbook } from "./useWorkbook";

export interface TaskpaneAppProps {
  host: TaskpaneHost;
  theme: Theme;
  initialLocale: Locale;
}

/** The task pane wired to a workbook host (Excel or the preview). */
export function TaskpaneApp({ host, theme, initialLocale }: TaskpaneAppProps) {
  const [state, actions] = useWorkbook(host);
  const [consolidation, consolidateActions] = useConsolidateRun(host);
  const packs = useMemo(() => summarizePacks(), []);
  // Once the pane has drawn, the other tabs' code comes in the background.
  useEffect(preloadPanels, []);
  const installed = state.installed;
  // The installed pack as the workbook records it, local settings applied, as every reader does.
  const resolved = useMemo(() => (installed ? resolvePack(installed) : null), [installed]);
  const pack = resolved?.ok ? resolved.pack : undefined;

  const { workbookBytes, openNewWorkbook } = host;
  const template = (
    <>
      <TemplatePanel
        packs={packs}
        installed={installed}
        progress={state.progress}
        lastInstall={state.lastInstall}
        onInstall={(p, settings) => void actions.install(p, settings)}
      />
      {installed && workbookBytes && openNewWorkbook ? (
        <RolloverAction
          currentYear={state.assessment?.assessmentYear ?? null}
          onStart={(year, locale) =>
            startNextYear(
              {
                workbookBytes: () => workbookBytes.call(host),
                openNewWorkbook: (b, n) => openNewWorkbook.call(host, b, n),
              },
              year,
              installed.township,
              locale,
            )
          }
        />
      ) : null}
    </>
  );
  // Works with or without a pack: a coordinator's own workbook usually has none.
  const consolidate = (
    <Deferred>
      <ConsolidatePanel
        state={consolidation}
        onFiles={(files) => void consolidateActions.run(files.map(sourceOf))}
        onCancel={consolidateActions.cancel}
        onDismissError={consolidateActions.dismissError}
      />
    </Deferred>
  );
  // Installed, and the first check is still running.
  const checking = installed !== null && state.assessment === null;
  const panels: Partial<Record<TabId, ReactNode>> = state.loading
    ? { template: <Loading />, consolidate }
    : checking
      ? { template, check: <Loading />, score: <Loading />, gaps: <Loading />, consolidate }
      : {
          template,
          consolidate,
          check: (
            <Deferred>
              <ChecksPanel
                assessment={state.assessment}
                checkedAt={state.checkedAt}
                onSelect={(f) => {
                  if (f.cell) void actions.select(f.sheet, f.cell);
                }}
                onRecheck={() => void actions.recheck()}
                onExtendTables={host.extendTables ? () => void actions.extendTables() : undefined}
                onConvertDates={
                  host.convertTextDates ? (list) => void actions.convertTextDates(list) : undefined
                }
              />
            </Deferred>
          ),
          score: (
            <Deferred>
              <ScorePanel assessment={state.assessment} pack={pack} />
            </Deferred>
          ),
          gaps: (
            <Deferred>
              <GapsPanel
                assessment={state.assessment}
                pack={pack}
                onSelectItem={(itemId) => void actions.selectItem(itemId)}
                onWriteSheet={() => void actions.writeGapSheet()}
                onDownloadReport={(locale) => {
                  if (state.assessment && pack) void downloadGapReport(state.assessment, pack, locale);
                }}
              />
            </Deferred>
          ),
        };

  return (
    <App
      theme={theme}
      initialLocale={initialLocale}
      banner={state.error ? <ErrorBanner error={state.error} onDismiss={actions.dismissError} /> : null}
      panels={panels}
    />
  );
}

/** The one place the pane shows a failed action, in the user's language. */
function ErrorBanner({ error, onDismiss }: { error: unknown; onDismiss: () => void }) {
  const { t, locale } = useLocale();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>{errorText(locale, error)}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onDismiss}>
          {t("ui.error.dismiss")}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
