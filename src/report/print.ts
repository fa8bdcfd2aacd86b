/**
 * Print CSS for the reviewers' gap report (issue 14: fit to print and to file).
 *
 * - Running header and footer through `@page` margin boxes, with the page counters: Chromium (and so
 *   Edge and the CLI's PDF tests) prints them since version 131, Safari since 18.2
 *   (https://groups.google.com/a/chromium.org/g/blink-dev/c/XKb6IQZXNks); they also replace the
 *   browser's own header and footer (URL, date). Browsers without them print the report without page
 *   numbers; page 1 still names the unit and the date. Margin boxes rather than Chromium's
 *   `displayHeaderFooter` (a page.pdf option): the report is HTML that reviewers print from their own
 *   browser, so the header must live in the page, not in a PDF step.
 * - Nothing relies on background printing, which browsers leave off by default: header cells are dark
 *   text on a light tint with borders, and the chart's colours are SVG fills, which print anyway.
 * - Short columns never break between characters: headers do not wrap, numbers and dates do not wrap,
 *   CJK names keep their characters together (`word-break: keep-all`).
 */

/** Text as a CSS string literal, safe inside a <style> element (no quote, backslash or `<` escapes it). */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r\f]/g, (ch) => `\\${ch.charCodeAt(0).toString(16)} `)}"`;
}

/** A message with {page} and {pages} placeholders as a CSS `content` value using the page counters. */
export function pageCounterContent(template: string): string {
  return template
    .split(/(\{pages?\})/)
    .filter((part) => part !== "")
    .map((part) =>
      part === "{page}" ? "counter(page)" : part === "{pages}" ? "counter(pages)" : cssString(part),
    )
    .join(" ");
}

export interface RunningText {
  /** Unit and assessment date, top left of every page. */
  topLeft: string;
  /** The report's title, top right. */
  topRight: string;
  /** When the report was made, bottom left. */
  bottomLeft: string;
  /** e.g. "第 {page} 页,共 {pages} 页", bottom right. */
  pageTemplate: string;
}

/** The `@page` rule with the running header and footer of every printed page. */
export function pageRule(text: RunningText): string {
  const box = "font-size:8.5pt;color:#444;font-family:inherit";
  return `@page{size:A4 landscape;margin:16mm 12mm 14mm;
@top-left{content:${cssString(text.topLeft)};${box};vertical-align:bottom;padding-bottom:2mm}
@top-right{content:${cssString(text.topRight)};${box};vertical-align:bottom;padding-bottom:2mm}
@bottom-left{content:${cssString(text.bottomLeft)};${box};vertical-align:top;padding-top:2mm}
@bottom-right{content:${pageCounterContent(text.pageTemplate)};${box};vertical-align:top;padding-top:2mm}}`;
}

export const REPORT_STYLE = `
th{background:#e8eef5;color:#14304d;border-color:#7f93a8;white-space:nowrap;word-break:keep-all}
thead{display:table-header-group}
td.nowrap{white-space:nowrap}
td.keep{word-break:keep-all;overflow-wrap:normal;min-width:3em}
td.wide{min-width:14em}
.summary{display:flex;gap:16px;align-items:flex-start;flex-wrap:wrap}
.summary>div{flex:1 1 320px;min-width:0}
.summary h2{margin-top:8px}
.summary svg{max-width:100%;height:auto}
.closing{break-inside:avoid}
.about{margin-top:20px;font-size:12px;color:#333;break-inside:avoid}
.about dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:4px 0}
.about dt{font-weight:bold;white-space:nowrap}.about dd{margin:0}
.sign{margin-top:20px;border:1px solid #7f93a8;padding:10px 14px;break-inside:avoid}
.sign .opinion{height:5em;border-bottom:1px solid #999;margin-bottom:14px}
.sign .lines{display:flex;gap:48px;flex-wrap:wrap}
.sign .lines span{white-space:nowrap}
.sign .blank{display:inline-block;min-width:12em;border-bottom:1px solid #222;margin-left:6px}
@media print{
  body{margin:0;font-size:11pt}
  h1{font-size:18pt}
  h2{break-after:avoid}
  tr,li{break-inside:avoid}
  .cards .card b{font-size:16pt}
}
`;
