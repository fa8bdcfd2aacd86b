import {
  Badge,
  Button,
  Caption1,
  Select,
  Subtitle2,
  ToggleButton,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Assessment } from "../../core/assessment";
import type { Finding, Severity } from "../../core/findings";
import { DATE_CODES } from "../../core/values/date";
import { findingMessage } from "../../i18n";
import { useLocale } from "../locale";

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
const OUTSIDE_TABLE = "row.outsideTable";
const TEXT_DATE = DATE_CODES.text;
const BADGE_COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  sheet: { marginTop: tokens.spacingVerticalS },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px" },
  item: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalXS },
  fix: { flexShrink: 0 },
  finding: {
    width: "100%",
    justifyContent: "flex-start",
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  text: { overflowWrap: "anywhere", whiteSpace: "normal" },
  cell: { fontFamily: tokens.fontFamilyMonospace, flexShrink: 0 },
  dropdown: { minWidth: "120px", maxWidth: "100%" },
});

export interface ChecksPanelProps {
  assessment: Assessment | null;
  checkedAt: Date | null;
  onSelect: (finding: Finding) => void;
  onRecheck: () => void;
  /** Offered when records were typed below a table (row.outsideTable); absent when the host cannot. */
  onExtendTables?: (() => void) | undefined;
  /** 转换为日期: writes the real dates of these date.textNotDate findings; absent when the host cannot. */
  onConvertDates?: ((findings: readonly Finding[]) => void) | undefined;
}

export function ChecksPanel({
  assessment,
  checkedAt,
  onSelect,
  onRecheck,
  onExtendTables,
  onConvertDates,
}: ChecksPanelProps) {
  const styles = useStyles();
  const { t, locale } = useLocale();
  // Nothing pressed shows everything; pressing a severity narrows the list to the pressed ones.
  const [pressed, setPressed] = useState<ReadonlySet<Severity>>(new Set());
  const [sheet, setSheet] = useState<string>("");
  const findings = useMemo(() => assessment?.findings ?? [], [assessment]);

  const counts = useMemo(() => countBy(findings, (f) => f.severity), [findings]);
  // The chosen sheet stays listed after its last finding is fixed, so the filter still says what it shows.
  const sheets = useMemo(
    () => [...new Set([...findings.map((f) => f.sheet), ...(sheet === "" ? [] : [sheet])])],
    [findings, sheet],
  );
  const visible = findings.filter(
    (f) => (pressed.size === 0 || pressed.has(f.severity)) && (sheet === "" || f.sheet === sheet),
  );
  const bySheet = groupBy(visible, (f) => f.sheet);
  const outsideRows = findings.filter((f) => f.code === OUTSIDE_TABLE).length;
  const textDates = useMemo(() => findings.filter((f) => f.code === TEXT_DATE && f.cell), [findings]);

  if (!assessment) return <Caption1>{t("ui.checks.notInstalled")}</Caption1>;

  return (
    <div className={styles.root}>
      <div className={styles.counts} aria-live="polite">
        {SEVERITIES.map((s) => (
          <Badge key={s} color={BADGE_COLOR[s]} appearance="tint">
            {t(`ui.severity.${s}`)} {counts.get(s) ?? 0}
          </Badge>
        ))}
        {checkedAt && (
          <Caption1>{t("ui.checks.checkedAt", { time: checkedAt.toLocaleTimeString(locale) })}</Caption1>
        )}
      </div>
      <div className={styles.filters} role="group" aria-label={t("ui.checks.filter")}>
        {SEVERITIES.map((s) => (
          <ToggleButton
            key={s}
            size="small"
            checked={pressed.has(s)}
            // The default checked look is a faint grey; the brand fill reads as pressed in both themes.
            appearance={pressed.has(s) ? "primary" : "outline"}
            onClick={() => setPressed(toggle(pressed, s))}
          >
            {t("ui.checks.filterCount", { severity: t(`ui.severity.${s}`), count: counts.get(s) ?? 0 })}
          </ToggleButton>
        ))}
        <Select
          className={styles.dropdown}
          size="small"
          aria-label={t("ui.checks.sheet")}
          value={sheet}
          onChange={(_, d) => setSheet(d.value)}
        >
          <option value="">{t("ui.checks.allSheets")}</option>
          {sheets.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
        <Button size="small" onClick={onRecheck}>
          {t("ui.checks.recheck")}
        </Button>
      </div>
      {outsideRows > 0 && onExtendTables && (
        <div className={styles.counts}>
          <Caption1>{t("ui.checks.outsideRows", { count: outsideRows })}</Caption1>
          <Button size="small" appearance="primary" onClick={onExtendTables}>
            {t("ui.checks.extendTables")}
          </Button>
        </div>
      )}
      {textDates.length > 1 && onConvertDates && (
        <div className={styles.counts}>
          <Caption1>{t("ui.checks.textDates", { count: textDates.length })}</Caption1>
          <Button size="small" appearance="primary" onClick={() => onConvertDates(textDates)}>
            {t("ui.checks.convertAllDates")}
          </Button>
        </div>
      )}
      {visible.length === 0 && (
        <Caption1>{findings.length === 0 ? t("ui.checks.none") : t("ui.checks.noneShown")}</Caption1>
      )}
      {[...bySheet].map(([sheetName, list]) => (
        <section key={sheetName} className={styles.sheet} aria-label={sheetName}>
          <Subtitle2 as="h2">
            {sheetName} ({list.length})
          </Subtitle2>
          <ul className={styles.list}>
            {sortBySeverity(list).map((f, i) => (
              <li key={`${f.cell ?? ""}-${f.code}-${i}`} className={styles.item}>
                <Button
                  className={styles.finding}
                  appearance="subtle"
                  size="small"
                  onClick={() => onSelect(f)}
                  title={t("ui.checks.goTo", { cell: f.cell ?? f.sheet })}
                  icon={
                    <Badge
                      size="small"
                      color={BADGE_COLOR[f.severity]}
                      aria-label={t(`ui.severity.${f.severity}`)}
                    />
                  }
                >
                  {f.cell && <span className={styles.cell}>{f.cell}</span>}
                  <span className={styles.text}>
                    {f.items && f.items.length > 0 ? `${f.items.join(" ")} ` : f.itemId ? `${f.itemId} ` : ""}
                    {findingMessage(locale, f)}
                  </span>
                </Button>
                {f.code === TEXT_DATE && f.cell && onConvertDates && (
                  <Button
                    className={styles.fix}
                    size="small"
                    appearance="outline"
                    aria-label={`${t("ui.checks.convertDate")} ${f.cell}`}
                    onClick={() => onConvertDates([f])}
                  >
                    {t("ui.checks.convertDate")}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function toggle<T>(set: ReadonlySet<T>, value: T): ReadonlySet<T> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}

function countBy<T, K>(list: readonly T[], key: (t: T) => K): Map<K, number> {
  const out = new Map<K, number>();
  for (const item of list) out.set(key(item), (out.get(key(item)) ?? 0) + 1);
  return out;
}

function groupBy<T, K>(list: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of list) {
    const k = key(item);
    const bucket = out.get(k);
    if (bucket) bucket.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function sortBySeverity(list: readonly Finding[]): Finding[] {
  return [...list].sort(
    (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || (a.row ?? 0) - (b.row ?? 0),
  );
}
