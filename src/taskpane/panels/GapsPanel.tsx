import {
  Badge,
  Button,
  Caption1,
  Select,
  Switch,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Assessment, Gap } from "../../core/assessment";
import type { Pack } from "../../core/pack/schema";
import { localized, type Locale } from "../../i18n";
import { AsideItems } from "../components/AsideItems";
import { formatPoints as pts } from "../../core/score/round";
import { useLocale } from "../locale";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  dropdown: { minWidth: "130px", maxWidth: "100%" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  gap: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
  },
  head: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
  },
  points: { flexShrink: 0, whiteSpace: "nowrap" },
  jump: {
    justifyContent: "flex-start",
    textAlign: "left",
    padding: 0,
    minWidth: 0,
    whiteSpace: "normal",
    overflowWrap: "anywhere",
  },
});

export interface GapsPanelProps {
  assessment: Assessment | null;
  pack: Pack | undefined;
  /** Selects the item's checklist row in the workbook (what clicking a card does). */
  onSelectItem: (itemId: string) => void;
  onWriteSheet: () => void;
  onDownloadReport: (locale: Locale) => void;
}

export function GapsPanel({
  assessment,
  pack,
  onSelectItem,
  onWriteSheet,
  onDownloadReport,
}: GapsPanelProps) {
  const styles = useStyles();
  const { t, locale } = useLocale();
  const [group, setGroup] = useState("");
  const [owner, setOwner] = useState<string | null>(null);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const gaps = useMemo(() => assessment?.gaps ?? [], [assessment]);
  // The chosen owner stays listed after their last gap is closed, so the filter still says what it shows.
  const owners = useMemo(
    () => [...new Set([...gaps.map((g) => g.owner ?? ""), ...(owner === null ? [] : [owner])])].sort(),
    [gaps, owner],
  );

  if (!assessment) return <Caption1>{t("ui.checks.notInstalled")}</Caption1>;
  const groupTitle = (id: string) => {
    const found = pack?.groups.find((g) => g.id === id);
    return found ? localized(locale, found.title) : id;
  };
  // Groups with something to score; the chosen one stays listed if a new pack no longer has it.
  const scored = (pack?.groups ?? []).filter((g) => g.items.some((i) => i.kind !== "veto")).map((g) => g.id);
  const groupIds = group === "" || scored.includes(group) ? scored : [...scored, group];
  const visible = gaps.filter(
    (g) =>
      (group === "" || g.groupId === group) &&
      (owner === null || (g.owner ?? "") === owner) &&
      (!overdueOnly || g.overdue),
  );

  return (
    <div className={styles.root}>
      <div className={styles.actions}>
        <Button appearance="primary" size="small" onClick={onWriteSheet}>
          {t("ui.gaps.exportSheet")}
        </Button>
        <Button size="small" onClick={() => onDownloadReport(locale)}>
          {t("ui.gaps.downloadReport")}
        </Button>
      </div>
      <div className={styles.filters}>
        <Select
          className={styles.dropdown}
          size="small"
          aria-label={t("ui.gaps.group")}
          value={group}
          onChange={(_, d) => setGroup(d.value)}
        >
          <option value="">{t("ui.gaps.allGroups")}</option>
          {groupIds.map((id) => (
            <option key={id} value={id}>
              {groupTitle(id)}
            </option>
          ))}
        </Select>
        <Select
          className={styles.dropdown}
          size="small"
          aria-label={t("ui.gaps.owner")}
          value={owner === null ? "*" : owner}
          onChange={(_, d) => setOwner(d.value === "*" ? null : d.value)}
        >
          <option value="*">{t("ui.gaps.allOwners")}</option>
          {owners.map((o) => (
            <option key={o} value={o}>
              {o || t("ui.gaps.noOwner")}
            </option>
          ))}
        </Select>
        <Switch
          label={t("ui.gaps.overdueOnly")}
          checked={overdueOnly}
          onChange={(_, d) => setOverdueOnly(d.checked)}
        />
      </div>
      <Caption1 aria-live="polite">
        {t("ui.gaps.count", { shown: visible.length, total: gaps.length })}
      </Caption1>
      <ul className={styles.list}>
        {visible.map((gap) => (
          <GapRow key={gap.itemId} gap={gap} classes={styles} onSelect={() => onSelectItem(gap.itemId)} />
        ))}
      </ul>
      <AsideItems assessment={assessment} />
    </div>
  );
}

function GapRow({
  gap,
  classes,
  onSelect,
}: {
  gap: Gap;
  classes: Record<"gap" | "head" | "points" | "jump", string>;
  onSelect: () => void;
}) {
  const { t, locale } = useLocale();
  const goTo = t("ui.gaps.goTo", { item: gap.itemId });
  return (
    <li className={classes.gap}>
      <div className={classes.head}>
        {/* A real button: reached with Tab, pressed with Enter or Space, named for screen readers. */}
        <Button
          className={classes.jump}
          appearance="transparent"
          size="small"
          title={goTo}
          onClick={onSelect}
        >
          <Text weight="semibold">
            {gap.itemId} {localized(locale, gap.title)}
          </Text>
        </Button>
        <Badge className={classes.points} color="danger" appearance="tint">
          {t("ui.gaps.points", { lost: pts(gap.pointsLost), points: pts(gap.points) })}
        </Badge>
      </div>
      <Caption1>
        {t("ui.gaps.meta", {
          clause: gap.clause,
          owner: gap.owner || t("ui.gaps.noOwner"),
          due: gap.due ?? "—",
        })}
        {gap.overdue && (
          <>
            {" "}
            <Badge size="small" color="danger">
              {t("ui.gaps.overdue")}
            </Badge>
          </>
        )}
      </Caption1>
      <Caption1>{t(`reason.${gap.reason.code}`, gap.reason.params)}</Caption1>
      <Caption1>{t("ui.gaps.criteria", { criteria: localized(locale, gap.criteria) })}</Caption1>
    </li>
  );
}
