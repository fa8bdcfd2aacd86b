const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML content and quoted attributes. Every workbook text goes through it. */
export function escapeHtml(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  return String(value).replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/** Red (0) → yellow (60) → green (100), the same scale as the summary workbook's heat map. */
export function heatColor(score: number | null): string {
  if (score === null) return "#f2f2f2";
  const s = Math.max(0, Math.min(100, score));
  const mix = (a: number[], b: number[], f: number) => a.map((x, i) => Math.round(x + ((b[i] ?? 0) - x) * f));
  const red = [0xf8, 0x69, 0x6b];
  const yellow = [0xff, 0xeb, 0x84];
  const green = [0x63, 0xbe, 0x7b];
  const rgb = s <= 60 ? mix(red, yellow, s / 60) : mix(yellow, green, (s - 60) / 40);
  return `#${rgb.map((x) => x.toString(16).padStart(2, "0")).join("")}`;
}

export const PAGE_STYLE = `
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:24px;color:#222;font-size:14px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:24px 0 8px;border-bottom:2px solid #1f4e79;padding-bottom:4px}
.meta{color:#555;margin-bottom:16px}.cards{display:flex;gap:12px;flex-wrap:wrap}
.card{border:1px solid #ccc;border-radius:6px;padding:8px 16px;min-width:120px}.card b{display:block;font-size:22px}
.bad{color:#b00020}.good{color:#1e7b34}
table{border-collapse:collapse;width:100%;margin-top:8px}th,td{border:1px solid #bbb;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#1f4e79;color:#fff}td.num{text-align:right;white-space:nowrap}
tr{page-break-inside:avoid}ul{margin:4px 0 4px 20px;padding:0}
@media print{body{margin:10mm}h2{page-break-after:avoid}.noprint{display:none}}
@page{size:A4 landscape;margin:12mm}
`;
