import { formatChange, heatColor } from "../core/consolidate";
import { escapeHtml as e } from "./escape";

/** Heat cells print their colour even with background printing off; ▲/▼ carry the sign in print. */
export const HEAT_STYLE = `
td.heat{-webkit-print-color-adjust:exact;print-color-adjust:exact}
td.up{color:#1e7b34}td.down{color:#b00020}
`;

/** A change since the previous 评估年度 as a cell ("▲ 3.5" / "▼ 2.0"), empty without one. */
export function changeCell(change: number | null | undefined): string {
  if (change === null || change === undefined) return "<td></td>";
  const trend = change > 0 ? " up" : change < 0 ? " down" : "";
  return `<td class="num${trend}">${e(formatChange(change))}</td>`;
}

/** A score cell with its band colour (the same fills as the 汇总 sheet). */
export function heatCell(score: number | null, empty = "—"): string {
  const color = heatColor(score);
  return `<td class="num heat"${color ? ` style="background:${color}"` : ""}>${
    score === null ? e(empty) : e(score.toFixed(1))
  }</td>`;
}
