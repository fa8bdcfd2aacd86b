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
import type { Assessment } from "../../core/assessment";
import type { Consolidation } from "../../core/consolidate";
import { localized, t as translate } from "../../i18n";
import { TownshipDetail } from "../consolidateDetail";
import type { FileStatus } from "../consolidateFiles";
import type { ConsolidateState } from "../consolidateRun";
import { errorText } from "../errors";
import { useLocale } from "../locale";

/** How many of the most-missed items the pane lists (the 共性差距 sheet has them all). */
const TOP_MISSED = 5;

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
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  row: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
    minWidth: 0,
  },
  head: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  name: { minWidth: 0, overflowWrap: "anywhere" },
  badge: { flexShrink: 0, whiteSpace: "nowrap" },
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
  const styles = useStyles();
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

      {state.summary && (
        <Ranking summary={state.summary} details={assessmentsBySource(state.files)} classes={styles} />
      )}
      {state.summary && <Missed summary={state.summary} classes={styles} />}

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

type Classes = ReturnType<typeof useStyles>;

/** Each checked file's assessment by its name, the ranking's `source`. */
function assessmentsBySource(files: ConsolidateState["files"]): ReadonlyMap<string, Assessment> {
  const out = new Map<string, Assessment>();
  for (const file of files)
    if (file.status.state === "checked" && !out.has(file.name)) out.set(file.name, file.status.assessment);
  return out;
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

function Ranking({
  summary,
  details,
  classes,
}: {
  summary: Consolidation;
  details: ReadonlyMap<string, Assessment>;
  classes: Classes;
}) {
  const { t, locale } = useLocale();
  // One township open at a time: the pane is narrow.
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section aria-label={t("ui.consolidate.rankingLabel")}>
      <Subtitle2 as="h3" block>
        {t("ui.consolidate.ranking")}
      </Subtitle2>
      <Caption1 as="p">
        {t("ui.consolidate.mean", {
          mean: summary.meanScore ?? "—",
          eligible: summary.eligibleCount,
          count: summary.townships.length,
        })}
      </Caption1>
      <ol className={classes.list} data-testid="consolidate-ranking">
        {summary.townships.map((row, index) => {
          const detail = details.get(row.source);
          const expanded = open === row.source;
          const detailId = `township-detail-${index}`;
          return (
            <li key={`${row.source}`} className={classes.row}>
              <div className={classes.head}>
                <Text weight="semibold" className={classes.name}>
                  {t("ui.consolidate.row", { rank: row.rank, township: row.township })}
                </Text>
                <Badge
                  className={classes.badge}
                  color={row.eligible ? "success" : "danger"}
                  appearance={row.eligible ? "tint" : "filled"}
                >
                  {t(row.eligible ? "ui.consolidate.eligible" : "ui.consolidate.ineligible")}
                </Badge>
              </div>
              <Caption1>
                {t("ui.consolidate.score", {
                  score: row.score.toFixed(1),
                  band: localized(locale, row.band.label),
                })}
              </Caption1>
              {row.duplicateSources.length > 0 && (
                <Caption1 data-testid="duplicate">
                  {t("ui.consolidate.duplicate", { files: row.duplicateSources.join("; ") })}
                </Caption1>
              )}
              {row.vetoes.length > 0 && (
                <Caption1>
                  {t("ui.consolidate.vetoes", {
                    items: row.vetoes
                      .map((v) => t("ui.score.veto", { item: localized(locale, v.title), date: v.date }))
                      .join(";"),
                  })}
                </Caption1>
              )}
              {detail && (
                <div>
                  <Button
                    size="small"
                    appearance="subtle"
                    aria-expanded={expanded}
                    aria-controls={detailId}
                    aria-label={t(
                      expanded ? "ui.consolidate.detail.closeLabel" : "ui.consolidate.detail.openLabel",
                      {
                        township: row.township,
                      },
                    )}
                    onClick={() => setOpen(expanded ? null : row.source)}
                  >
                    {t(expanded ? "ui.consolidate.detail.close" : "ui.consolidate.detail.open")}
                  </Button>
                </div>
              )}
              {detail && expanded && <TownshipDetail assessment={detail} id={detailId} />}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function Missed({ summary, classes }: { summary: Consolidation; classes: Classes }) {
  const { t, locale } = useLocale();
  const top = summary.mostMissed.slice(0, TOP_MISSED);
  return (
    <section aria-label={t("ui.consolidate.missedLabel")}>
      <Subtitle2 as="h3" block>
        {t("ui.consolidate.missed", { count: top.length })}
      </Subtitle2>
      {top.length === 0 ? (
        <Caption1 as="p">{t("ui.consolidate.noMissed")}</Caption1>
      ) : (
        <ol className={classes.list} data-testid="consolidate-missed">
          {top.map((item) => (
            <li key={item.itemId} className={classes.row}>
              <Text weight="semibold" className={classes.name}>
                {item.itemId} {localized(locale, item.title)}
              </Text>
              <Caption1>
                {t("ui.consolidate.missedItem", {
                  count: item.count,
                  total: summary.townships.length,
                })}
              </Caption1>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
