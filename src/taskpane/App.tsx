import { FluentProvider, Tab, TabList, makeStyles, tokens, type Theme } from "@fluentui/react-components";
import { useState, type ReactNode } from "react";
import type { Locale } from "../i18n";
import { Header } from "./Header";
import { LocaleProvider, useLocale } from "./locale";

export const TABS = ["template", "check", "score", "gaps", "consolidate"] as const;
export type TabId = (typeof TABS)[number];

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    height: "100%",
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  tabs: { padding: `0 ${tokens.spacingHorizontalXS}`, flexWrap: "wrap" },
  panel: { flex: 1, overflowY: "auto", padding: tokens.spacingHorizontalM },
});

export interface AppProps {
  theme: Theme;
  initialLocale: Locale;
  /** The content of each tab; a tab without content is still listed so the shell is stable. */
  panels?: Partial<Record<TabId, ReactNode>>;
  /** Shown above the tabs, e.g. an error the user should see whatever tab is open. */
  banner?: ReactNode;
}

export function App({ theme, initialLocale, panels = {}, banner }: AppProps) {
  return (
    <FluentProvider theme={theme} style={{ height: "100%" }}>
      <LocaleProvider initial={initialLocale}>
        <Shell panels={panels} banner={banner} />
      </LocaleProvider>
    </FluentProvider>
  );
}

function Shell({ panels, banner }: Pick<AppProps, "panels" | "banner">) {
  const styles = useStyles();
  const { t, locale } = useLocale();
  const [tab, setTab] = useState<TabId>("template");
  return (
    <div className={styles.root} lang={locale}>
      <Header />
      {banner}
      <TabList
        className={styles.tabs}
        size="small"
        aria-label={t("ui.tabs.label")}
        selectedValue={tab}
        onTabSelect={(_, data) => setTab(data.value as TabId)}
      >
        {TABS.map((id) => (
          <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`}>
            {t(`ui.tab.${id}`)}
          </Tab>
        ))}
      </TabList>
      <main className={styles.panel} role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {panels?.[tab]}
      </main>
    </div>
  );
}
