import {
  Badge,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useRef, useState, type DragEvent } from "react";
import { t as translate } from "../../i18n";
import type { FileStatus } from "../consolidateFiles";
import { assessmentsBySource, Missed, Ranking, useListStyles } from "../consolidateRanking";
import type { ConsolidateState } from "../consolidateRun";
import { errorText } from "../errors";
import { useLocale } from "../locale";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  drop: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalL,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    textAlign: "center",
  },
  dropActive: {
    border: `2px dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  hidden: { display: "none" },
  progress: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS, minWidth: 0 },
  progressField: { flexGrow: 1, minWidth: 0 },
});

export interface ConsolidatePanelProps {
  state: ConsolidateState;
  onFiles: (files: File[]) => void;
  /** Stops reading further files (the 取消 button beside the progress bar). */
  onCancel: () => void;
  onDismissError: () => void;
}

/** The coordinator's 汇总 tab: pick or drop township workbooks, follow each file, see the ranking. */
export function ConsolidatePanel({ state, onFiles, onCancel, onDismissError }: ConsolidatePanelProps) {
  const styles = { ...useListStyles(), ...useStyles() };
  const { t, locale } = useLocale();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const reading = state.phase === "reading" || state.phase === "cancelling";
  const busy = reading || state.phase === "writing";
  const listOf = (files: FileList | null) => [...(files ?? [])];

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (!busy) onFiles(listOf(event.dataTransfer.files));
  };
  const done = state.files.filter((f) => f.status.state === "checked" || f.status.state === "skipped").length;
  const checked = state.files.filter((f) => f.status.state === "checked").length;

  return (
    <div className={styles.root}>
      <Caption1>{t("ui.consolidate.intro")}</Caption1>
      <div
        className={mergeClasses(styles.drop, over && styles.dropActive)}
        data-testid="consolidate-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <Text>{t("ui.consolidate.drop")}</Text>
        <Button appearance="primary" disabled={busy} onClick={() => input.current?.click()}>
          {state.phase === "idle" ? t("ui.consolidate.choose") : t("ui.consolidate.again")}
        </Button>
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          multiple
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={t("ui.consolidate.input")}
          data-testid="consolidate-input"
          onChange={(e) => {
            const files = listOf(e.currentTarget.files);
            // Cleared so choosing the same files again runs again.
            e.currentTarget.value = "";
            if (files.length > 0) onFiles(files);
          }}
        />
      </div>

      {state.files.length > 0 && (
        <div className={styles.progress}>
          <Field
            className={styles.progressField}
            label={
              state.phase === "writing"
                ? t("ui.consolidate.writing")
                : state.cancelled
                  ? t("ui.consolidate.cancelledProgress", { done, total: state.files.length })
                  : state.phase === "done"
                    ? t("ui.consolidate.read", { total: state.files.length })
                    : t("ui.consolidate.progress", { done, total: state.files.length })
            }
            hint={t("ui.consolidate.counts", { checked, skipped: done - checked })}
          >
            <ProgressBar
              value={state.files.length === 0 ? 0 : done / state.files.length}
              thickness="large"
              aria-label={t("ui.consolidate.files")}
            />
          </Field>
          {reading && (
            <Button disabled={state.phase === "cancelling"} onClick={onCancel}>
              {state.phase === "cancelling" ? t("ui.consolidate.cancelling") : t("ui.consolidate.cancel")}
            </Button>
          )}
        </div>
      )}
      {state.cancelled && (
        <MessageBar intent="warning" layout="multiline" data-testid="consolidate-cancelled">
          <MessageBarBody>
            {checked === 0
              ? t("ui.consolidate.cancelledNone")
              : t("ui.consolidate.cancelled", { checked, total: state.files.length })}
          </MessageBarBody>
        </MessageBar>
      )}

      {state.error !== null && state.error !== undefined && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{errorText(locale, state.error)}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={onDismissError}>
              {t("ui.error.dismiss")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state.sheets && state.summary && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {t(state.sheets.created ? "ui.consolidate.written" : "ui.consolidate.updated", {
              matrix: state.sheets.matrixSheet,
              missed: state.sheets.missedSheet,
              detail: state.sheets.detailSheet,
              count: state.summary.townships.length,
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.summary?.notes.map((note) => (
        <MessageBar key={`${note.code}${JSON.stringify(note.params)}`} intent="warning" layout="multiline">
          <MessageBarBody>{translate(locale, note.code, note.params)}</MessageBarBody>
        </MessageBar>
      ))}

      {state.summary && <Ranking summary={state.summary} details={assessmentsBySource(state.files)} />}
      {state.summary && <Missed summary={state.summary} />}

      {state.files.length > 0 && (
        <section aria-label={t("ui.consolidate.files")}>
          <Subtitle2 as="h3" block>
            {t("ui.consolidate.files")}
          </Subtitle2>
          <ul className={styles.list} data-testid="consolidate-files">
            {state.files.map((file, i) => (
              <li key={`${i}:${file.name}`} className={styles.row}>
                <div className={styles.head}>
                  <Text className={styles.name}>{file.name}</Text>
                  <StatusBadge status={file.status} className={styles.badge} />
                </div>
                {file.status.state === "skipped" && (
                  <Caption1>
                    {translate(locale, file.status.reason.key, {
                      ...file.status.reason.params,
                    })}
                  </Caption1>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function StatusBadge({ status, className }: { status: FileStatus; className: string }) {
  const { t } = useLocale();
  switch (status.state) {
    case "checked":
      return (
        <Badge className={className} color="success" appearance="tint">
          {t("ui.consolidate.status.checked", { score: status.assessment.score.toFixed(1) })}
        </Badge>
      );
    case "skipped":
      return (
        <Badge className={className} color="danger" appearance="tint">
          {t("ui.consolidate.status.skipped")}
        </Badge>
      );
    case "cancelled":
      return (
        <Badge className={className} color="subtle" appearance="outline">
          {t("ui.consolidate.status.cancelled")}
        </Badge>
      );
    case "reading":
      return (
        <Badge className={className} color="informative" appearance="tint">
          {t("ui.consolidate.status.reading")}
        </Badge>
      );
    default:
      return (
        <Badge className={className} color="subtle" appearance="tint">
          {t("ui.consolidate.status.waiting")}
        </Badge>
      );
  }
}
