import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner } from "@fluentui/react-components";
import { Component, lazy, Suspense, type ComponentType, type ReactNode } from "react";
import { errorText } from "./errors";
import { useLocale } from "./locale";

// Tabs the user opens after the first draw come in chunks of their own (issue 14: the pane's first
// download). A tab shows a spinner until its chunk is there; the chunks are fetched once the pane
// has drawn (preloadPanels), so a tab the user opens later usually shows at once.

/** What a failed panel does to load again: set when its load fails, run when the user retries. */
const retries = new Set<() => void>();

/**
 * A panel loaded on first use. A failed load (the server unreachable, or a new deployment that
 * replaced the chunk) shows as an error; closing the message tries the load again (React.lazy
 * alone would keep the failure for good).
 */
export function lazyPanel<P extends object>(load: () => Promise<ComponentType<P>>) {
  const make = () =>
    lazy(() =>
      load().then(
        (panel) => ({ default: panel }),
        (error: unknown) => {
          const retry = () => {
            current = make();
            retries.delete(retry);
          };
          retries.add(retry);
          throw error;
        },
      ),
    );
  let current = make();
  const Panel = (props: P) => {
    const Loaded = current;
    return <Loaded {...props} />;
  };
  return { Panel, preload: () => load().then(() => undefined) };
}

const score = lazyPanel(() =>
  import(/* webpackChunkName: "panel-score" */ "./panels/ScorePanel").then((m) => m.ScorePanel),
);
const checks = lazyPanel(() =>
  import(/* webpackChunkName: "panel-checks" */ "./panels/ChecksPanel").then((m) => m.ChecksPanel),
);
const gaps = lazyPanel(() =>
  import(/* webpackChunkName: "panel-gaps" */ "./panels/GapsPanel").then((m) => m.GapsPanel),
);
const consolidate = lazyPanel(() =>
  import(/* webpackChunkName: "panel-consolidate" */ "./panels/ConsolidatePanel").then(
    (m) => m.ConsolidatePanel,
  ),
);
export const ScorePanel = score.Panel;
export const ChecksPanel = checks.Panel;
export const GapsPanel = gaps.Panel;
export const ConsolidatePanel = consolidate.Panel;

/** Fetches every tab's chunk in the background; a failure shows only when that tab is opened. */
export function preloadPanels(): void {
  for (const panel of [checks, score, gaps, consolidate]) panel.preload().catch(() => undefined);
}

/** The spinner a tab shows while it loads, in the pane's language. */
export function Loading() {
  const { t } = useLocale();
  return <Spinner label={t("ui.loading")} />;
}

/** A lazily loaded panel: the spinner until its chunk is there, a message if it cannot be loaded. */
export function Deferred({ children }: { children: ReactNode }) {
  return (
    <LoadFailure>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </LoadFailure>
  );
}

// Also catches a panel that fails while drawing: the tab says so and the rest of the pane stays usable.
class LoadFailure extends Component<{ children: ReactNode }, { error: unknown }> {
  override state = { error: undefined as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error: error ?? new Error("load failed") };
  }

  override render() {
    if (this.state.error === undefined) return this.props.children;
    return (
      <LoadFailed
        error={this.state.error}
        onRetry={() => {
          for (const retry of [...retries]) retry();
          this.setState({ error: undefined });
        }}
      />
    );
  }
}

function LoadFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t, locale } = useLocale();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>{errorText(locale, error)}</MessageBarBody>
      <MessageBarActions>
        {/* Closing the message loads the tab again. */}
        <Button size="small" onClick={onRetry}>
          {t("ui.error.dismiss")}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
