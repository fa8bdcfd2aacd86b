import { Spinner } from "@fluentui/react-components";
import { lazy, Suspense, type ReactNode } from "react";
import { useLocale } from "./locale";

// Tabs the user opens after the first draw come in chunks of their own (issue 14: the pane's first
// download). Each chunk is fetched when its tab is first shown; the tab shows a spinner meanwhile.
export const ScorePanel = lazy(() =>
  import(/* webpackChunkName: "panel-score" */ "./panels/ScorePanel").then((m) => ({
    default: m.ScorePanel,
  })),
);
export const ChecksPanel = lazy(() =>
  import(/* webpackChunkName: "panel-checks" */ "./panels/ChecksPanel").then((m) => ({
    default: m.ChecksPanel,
  })),
);

export const GapsPanel = lazy(() =>
  import(/* webpackChunkName: "panel-gaps" */ "./panels/GapsPanel").then((m) => ({ default: m.GapsPanel })),
);
export const ConsolidatePanel = lazy(() =>
  import(/* webpackChunkName: "panel-consolidate" */ "./panels/ConsolidatePanel").then((m) => ({
    default: m.ConsolidatePanel,
  })),
);

/** The spinner a tab shows while it loads, in the pane's language. */
export function Loading() {
  const { t } = useLocale();
  return <Spinner label={t("ui.loading")} />;
}

/** A lazily loaded panel, with the spinner until its chunk is there. */
export function Deferred({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}
