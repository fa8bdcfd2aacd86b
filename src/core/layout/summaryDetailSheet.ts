import type { Consolidation, TownshipRow } from "../consolidate";
import { formatChange, heatColor } from "../consolidate";
import type { LocalizedText } from "../pack/schema";
import type { SheetCell, SheetModel } from "./resultSheets";
import { cellName, type CellFill, type CellLink, type SummaryTexts } from "./summaryCells";

/**
 * 乡镇详情: one block per township of the ranking, in rank order, that the township's name on 汇总
 * links to — its group scores (实得 / 应得, change since its previous 评估年度), its findings count
 * and its gap list with the points each gap costs. One sheet for all townships, because a district
 * may have hundreds and a workbook with a sheet each is unusable.
 */
export interface SummaryDetailModel extends SheetModel {
  fills: CellFill[];
  /** Each block's "返回汇总" cell, back to the township's row on 汇总. */
  links: CellLink[];
  /** By ranking position: the 1-based row of the township's block title (its link's target on 汇总). */
  anchors: readonly number[];
}

const WIDTHS = [6, 10, 14, 44, 10, 10, 10, 40];
const SCORE = 4;
const LAST = WIDTHS.length - 1;

export function detailModel(
  summary: Consolidation,
  texts: SummaryTexts,
  sheet: string,
  matrix: { sheet: string; rowOf: (index: number) => number },
): SummaryDetailModel {
  const tr = (text: LocalizedText) => text[texts.lang];
  const label = texts.label;
  const rows: SheetCell[][] = [pad([label("detail.sheetTitle")])];
  const boldRows = [1];
  const formats: SheetModel["formats"] = [];
  const fills: CellFill[] = [];
  const links: CellLink[] = [];
  const anchors: number[] = [];
  for (const [index, row] of summary.townships.entries()) {
    rows.push(pad([]));
    const title = rows.length + 1;
    anchors.push(title);
    rows.push(pad([titleOf(row, texts), null, null, null, null, null, null, label("detail.back")]));
    links.push({
      row: title,
      column: LAST,
      sheet: matrix.sheet,
      cell: cellName(matrix.rowOf(index), 1),
    });
    boldRows.push(title);
    rows.push(pad([lineOf(row, texts)]));
    if (row.change) {
      rows.push(
        pad([
          label("detail.change", {
            year: row.change.previousYear,
            previous: row.change.previousScore.toFixed(1),
            change: formatChange(row.change.score),
            source: row.change.previousSource,
          }),
        ]),
      );
    }
    rows.push(
      pad([
        null,
        label("col.itemId"),
        null,
        label("detail.col.group"),
        label("detail.col.score"),
        label("detail.col.earned"),
        label("detail.col.possible"),
        row.change ? label("detail.col.change") : null,
      ]),
    );
    boldRows.push(rows.length);
    const firstGroup = rows.length + 1;
    for (const group of row.groups) {
      const change = row.change?.groups[group.groupId] ?? null;
      rows.push([
        null,
        group.groupId,
        null,
        tr(group.title),
        group.score,
        group.earned,
        group.applicable,
        change === null ? null : formatChange(change),
      ]);
      const color = heatColor(group.score);
      if (color) fills.push({ row: rows.length, column: SCORE, color });
    }
    if (row.groups.length > 0) {
      for (const column of [SCORE, SCORE + 1, SCORE + 2])
        formats.push({ column, fromRow: firstGroup, toRow: rows.length, format: "0.0" });
    }
    if (row.gaps.length === 0) {
      rows.push(pad([label("detail.noGaps")]));
      continue;
    }
    rows.push(
      pad([
        label("col.index"),
        label("col.itemId"),
        label("col.clause"),
        label("col.requirement"),
        label("detail.col.lost"),
        null,
        null,
        label("detail.col.reason"),
      ]),
    );
    boldRows.push(rows.length);
    const firstGap = rows.length + 1;
    row.gaps.forEach((gap, i) => {
      rows.push([
        i + 1,
        gap.itemId,
        gap.clause,
        tr(gap.title),
        gap.pointsLost,
        null,
        null,
        texts.reason(gap.reason),
      ]);
    });
    formats.push({ column: SCORE, fromRow: firstGap, toRow: rows.length, format: "0.0" });
  }
  return { sheet, rows, widths: [...WIDTHS], boldRows, formats, fills, links, anchors };
}

function titleOf(row: TownshipRow, texts: SummaryTexts): string {
  return row.assessmentYear === null
    ? texts.label("detail.title", { rank: row.rank, township: row.township })
    : texts.label("detail.yearTitle", { rank: row.rank, township: row.township, year: row.assessmentYear });
}

function lineOf(row: TownshipRow, texts: SummaryTexts): string {
  return texts.label("detail.line", {
    score: row.score.toFixed(1),
    band: row.band.label[texts.lang],
    errors: row.errorCount,
    warnings: row.warningCount,
    gaps: row.gapCount,
    source: row.source,
  });
}

function pad(cells: SheetCell[]): SheetCell[] {
  const out = cells.slice(0, WIDTHS.length);
  while (out.length < WIDTHS.length) out.push(null);
  return out;
}
