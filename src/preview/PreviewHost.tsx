import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useState, type DragEvent, type ReactNode } from "react";
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
  head: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalL,
    paddingInlineEnd: tokens.spacingHorizontalM,
  },
  dropping: { outline: `2px dashed ${tokens.colorBrandStroke1}`, outlineOffset: "-4px" },
  dropHint: { padding: tokens.spacingHorizontalM, color: tokens.colorBrandForeground1 },
  pane: { width: `${PANE_WIDTH}px`, flexShrink: 0, height: "100%" },
});

/** The preview page: a simulated workbook on the left, the real task pane at Excel's default width. */
export function PreviewHost({
  locale,
  workbook,
  pane,
  files,
  onDropFile,
}: {
  locale: Locale;
  workbook: ReactNode;
  pane: ReactNode;
  /** The open / save bar above the workbook. */
  files?: ReactNode;
  /** A file dropped on the workbook area. */
  onDropFile?: (file: File) => void;
}) {
  const styles = useStyles();
  const [dropping, setDropping] = useState(false);
  const hasFile = (e: DragEvent) => [...e.dataTransfer.types].includes("Files");
  const drop = onDropFile
    ? {
        onDragOver: (e: DragEvent) => {
          if (!hasFile(e)) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
          setDropping(true);
        },
        onDragLeave: (e: DragEvent) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropping(false);
        },
        onDrop: (e: DragEvent) => {
          e.preventDefault();
          setDropping(false);
          const file = e.dataTransfer.files[0];
          if (file) onDropFile(file);
        },
      }
    : {};
  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.page}>
        <MessageBar intent="info" data-testid="preview-banner">
          <MessageBarBody>{t(locale, "ui.preview.banner")}</MessageBarBody>
        </MessageBar>
        <div className={styles.body}>
          <section
            className={`${styles.workbook} ${dropping ? styles.dropping : ""}`}
            aria-label={t(locale, "ui.preview.workbook")}
            data-testid="workbook-area"
            {...drop}
          >
            <div className={styles.head}>
              <Subtitle2 className={styles.workbookTitle}>{t(locale, "ui.preview.workbook")}</Subtitle2>
              {files}
            </div>
            {dropping && <div className={styles.dropHint}>{t(locale, "ui.preview.dropHere")}</div>}
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
