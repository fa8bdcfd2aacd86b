import { escapeHtml, heatColor } from "./escape";

export interface Bar {
  label: string;
  /** 0..100, or null for "not applicable". */
  value: number | null;
}

/** A horizontal bar chart as inline SVG (no scripts, no external files), 0–100 scale. */
export function barChartSvg(bars: readonly Bar[], emptyLabel: string): string {
  const labelWidth = 320;
  const barWidth = 360;
  const rowHeight = 26;
  const width = labelWidth + barWidth + 60;
  const height = bars.length * rowHeight + 24;
  const rows = bars.map((bar, i) => {
    const y = i * rowHeight + 4;
    const label = bar.label.length > 24 ? `${bar.label.slice(0, 23)}…` : bar.label;
    const w = bar.value === null ? 0 : (Math.max(0, Math.min(100, bar.value)) / 100) * barWidth;
    const valueText = bar.value === null ? emptyLabel : bar.value.toFixed(1);
    return [
      `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end"><title>${escapeHtml(bar.label)}</title>${escapeHtml(label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 3}" width="${barWidth}" height="${rowHeight - 8}" fill="#f2f2f2"/>`,
      `<rect x="${labelWidth}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowHeight - 8}" fill="${heatColor(bar.value)}"/>`,
      `<text x="${labelWidth + barWidth + 6}" y="${y + 16}">${escapeHtml(valueText)}</text>`,
    ].join("");
  });
  const axisY = bars.length * rowHeight + 6;
  const ticks = [0, 60, 80, 90, 100]
    .map((v) => {
      const x = labelWidth + (v / 100) * barWidth;
      return `<line x1="${x}" y1="0" x2="${x}" y2="${axisY}" stroke="#999" stroke-dasharray="2,3"/><text x="${x}" y="${axisY + 14}" text-anchor="middle">${v}</text>`;
    })
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-size="12" font-family="sans-serif">${ticks}${rows.join("")}</svg>`;
}
