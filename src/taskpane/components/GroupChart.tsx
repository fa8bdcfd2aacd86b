import { makeStyles, tokens } from "@fluentui/react-components";
import type { GroupResult } from "../../core/assessment";
import { localized } from "../../i18n";
import { useLocale } from "../locale";

const useStyles = makeStyles({
  chart: { width: "100%", display: "block" },
  label: { fill: tokens.colorNeutralForeground1, fontSize: "11px" },
  value: { fill: tokens.colorNeutralForeground2, fontSize: "11px" },
  track: { fill: tokens.colorNeutralBackground3 },
});

const ROW = 22;
const LABEL_WIDTH = 120;
const VALUE_WIDTH = 40;
const WIDTH = 320;

/** Horizontal bars of the group scores; colour follows the pack's pass marks (60 / 80). */
export function GroupChart({ groups }: { groups: readonly GroupResult[] }) {
  const styles = useStyles();
  const { t, locale } = useLocale();
  const scored = groups.filter((g) => g.points > 0);
  const barWidth = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const summary = scored
    .map((g) => `${localized(locale, g.title)} ${g.score === null ? t("ui.score.na") : g.score}`)
    .join(", ");
  return (
    <svg
      className={styles.chart}
      viewBox={`0 0 ${WIDTH} ${scored.length * ROW}`}
      role="img"
      aria-label={`${t("ui.score.chart")}: ${summary}`}
    >
      {scored.map((g, i) => {
        const y = i * ROW;
        const score = g.score ?? 0;
        const colour =
          g.score === null
            ? tokens.colorNeutralStroke1
            : score >= 80
              ? tokens.colorPaletteGreenBackground3
              : score >= 60
                ? tokens.colorPaletteYellowBackground3
                : tokens.colorPaletteRedBackground3;
        const title = localized(locale, g.title);
        return (
          <g key={g.groupId}>
            <text className={styles.label} x={0} y={y + 15}>
              {title.length > 9 ? `${title.slice(0, 9)}…` : title}
              <title>{title}</title>
            </text>
            <rect
              className={styles.track}
              x={LABEL_WIDTH}
              y={y + 4}
              width={barWidth}
              height={ROW - 8}
              rx={2}
            />
            <rect
              x={LABEL_WIDTH}
              y={y + 4}
              width={(barWidth * score) / 100}
              height={ROW - 8}
              rx={2}
              fill={colour}
            />
            <text className={styles.value} x={WIDTH} y={y + 15} textAnchor="end">
              {g.score === null ? t("ui.score.na") : g.score.toFixed(1)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
