import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import { t, type Locale } from "../i18n";

const PANE_WIDTH = 350;

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", height: "100vh" },
  body: { display: "flex", flex: 1, minHeight: 0 },
  workbook: {
    flex: 1,
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  workbookTitle: { padding: tokens.spacingHorizontalM },
  pane: { width: `${PANE_WIDTH}px`, flexShrink: 0, height: "100%" },
});

/** The preview page: a simulated workbook on the left, the real task pane at Excel's default width. */
export function PreviewHost({
  locale,
  workbook,
  pane,
}: {
  locale: Locale;
  workbook: ReactNode;
  pane: ReactNode;
}) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.page}>
        <MessageBar intent="info" data-testid="preview-banner">
          <MessageBarBody>{t(locale, "ui.preview.banner")}</MessageBarBody>
        </MessageBar>
        <div className={styles.body}>
          <section className={styles.workbook} aria-label={t(locale, "ui.preview.workbook")}>
            <Subtitle2 className={styles.workbookTitle}>{t(locale, "ui.preview.workbook")}</Subtitle2>
            {workbook}
          </section>
          <aside className={styles.pane} data-testid="taskpane">
            {pane}
          </aside>
        </div>
      </div>
    </FluentProvider>
  );
}
