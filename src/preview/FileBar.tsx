import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Toolbar,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useRef } from "react";
import { t, type Locale } from "../i18n";

export type FileStatus =
  | { kind: "idle" }
  | { kind: "busy"; text: string }
  | { kind: "done"; text: string }
  | { kind: "error"; text: string };

const useStyles = makeStyles({
  bar: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
  input: { display: "none" },
  message: { marginInline: tokens.spacingHorizontalM },
});

/** 打开 .xlsx / 保存为 .xlsx above the workbook, and what came of the last attempt. */
export function FileBar({
  locale,
  status,
  onOpen,
  onSave,
}: {
  locale: Locale;
  status: FileStatus;
  onOpen: (file: File) => void;
  onSave: () => void;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const busy = status.kind === "busy";
  return (
    <>
      <Toolbar className={styles.bar} aria-label={t(locale, "ui.preview.files")} size="small">
        <Button appearance="primary" disabled={busy} onClick={() => input.current?.click()}>
          {t(locale, "ui.preview.open")}
        </Button>
        <Button disabled={busy} onClick={onSave}>
          {t(locale, "ui.preview.save")}
        </Button>
        <Text size={200} className={styles.hint}>
          {t(locale, "ui.preview.dropHint")}
        </Text>
        <input
          ref={input}
          className={styles.input}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={t(locale, "ui.preview.openLabel")}
          data-testid="open-xlsx"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = ""; // choosing the same file again opens it again
            if (file) onOpen(file);
          }}
        />
      </Toolbar>
      <div aria-live="polite" className={styles.message} data-testid="file-status">
        {status.kind === "busy" && <Spinner size="tiny" labelPosition="after" label={status.text} />}
        {(status.kind === "done" || status.kind === "error") && (
          <MessageBar intent={status.kind === "error" ? "error" : "success"}>
            <MessageBarBody>{status.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </>
  );
}
