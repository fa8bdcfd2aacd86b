import { cellAddress } from "../../layout/layout";
import { LABELS, RESULTS_GROUP_HEADER_ROW, type SheetLang } from "../../layout/resultSheets";
import type { Band, LocalizedText } from "../../pack/schema";
import type { FixedFormula } from "../types";
import { numberLiteral, roundFormula, textLiteral } from "./refs";

/** 1-based rows and 0-based columns of 自评结果 where resultsSheetModel puts the figures. */
export const RESULT_CELLS = {
  score: { row: 6, column: 1 },
  band: { row: 7, column: 1 },
  totalApplicable: { row: 8, column: 1 },
  totalEarned: { row: 8, column: 2 },
  scaling: { row: 9, column: 1 },
  vetoStatus: { row: 11, column: 1 },
  recognition: { row: 12, column: 1 },
} as const;

/** Columns of a group row (and of the total row below them). */
export const GROUP_COLUMNS = { rate: 1, points: 2, applicable: 3, earned: 4, lost: 5 } as const;

/** A group row of 自评结果: its helper ranges to sum, or null when one of its items has no formula. */
export interface GroupSums {
  groupId: string;
  /** Ranges of 应得 and 实得 helper cells; empty for a group of veto items only. */
  applicable: readonly string[];
  earned: readonly string[];
}

export interface ResultsInput {
  sheet: string;
  lang: SheetLang;
  /** Groups listed on the sheet (points > 0), in order; null entries have no formula. */
  groups: readonly (GroupSums | null)[];
  packTotal: number;
  /** Σ of every item's 分值: 折算 applies when 应得 falls below it. */
  itemPoints: number;
  bands: readonly Band[];
  /** Veto items' pieces ("<id> <date>; " or "") and the band labels that allow 认定. */
  vetoes?: { pieces: readonly string[]; passLabels: readonly LocalizedText[] };
}

const a1 = cellAddress;
const sumOf = (ranges: readonly string[]): string => (ranges.length > 0 ? `SUM(${ranges.join(",")})` : "0");

/**
 * The 自评结果 cells as formulas (group 应得 / 实得 / 失分 / 得分率, totals, 折算 score, band, the
 * 折算 note), the same figures src/core/assess.ts computes. Totals only when every group has them.
 */
export function resultFormulas(input: ResultsInput): FixedFormula[] {
  const { sheet } = input;
  const cells: FixedFormula[] = [];
  const put = (row: number, column: number, body: string): void => {
    cells.push({ sheet, row: row - 1, column, formula: `=${body}`, helper: false });
  };
  const rate = (row: number): string => {
    const applicable = a1(GROUP_COLUMNS.applicable, row);
    const earned = a1(GROUP_COLUMNS.earned, row);
    return `IF(${applicable}>0,${roundFormula(`${earned}/${applicable}*100`, 1)},"")`;
  };
  const figures = (row: number, applicable: string, earned: string): void => {
    put(row, GROUP_COLUMNS.applicable, roundFormula(applicable, 2));
    put(row, GROUP_COLUMNS.earned, roundFormula(earned, 2));
    put(
      row,
      GROUP_COLUMNS.lost,
      roundFormula(`${a1(GROUP_COLUMNS.applicable, row)}-${a1(GROUP_COLUMNS.earned, row)}`, 2),
    );
    put(row, GROUP_COLUMNS.rate, rate(row));
  };
  input.groups.forEach((group, i) => {
    if (group) figures(RESULTS_GROUP_HEADER_ROW + 1 + i, sumOf(group.applicable), sumOf(group.earned));
  });
  const tr = (text: LocalizedText): string => textLiteral(text[input.lang]);
  const vetoList = input.vetoes ? input.vetoes.pieces.join("&") : undefined;
  if (vetoList !== undefined) {
    const list = `${vetoList}`;
    put(
      RESULT_CELLS.vetoStatus.row,
      RESULT_CELLS.vetoStatus.column,
      `IF(${list}="",${tr(LABELS.noVeto)},${tr(LABELS.veto)}&": "&LEFT(${list},LEN(${list})-2))`,
    );
  }
  const complete = input.groups.every((g) => g !== null);
  if (!complete) return cells;

  const totalRow = RESULTS_GROUP_HEADER_ROW + input.groups.length + 1;
  const groups = input.groups.filter((g): g is GroupSums => g !== null);
  // Σ of the items, not of the rounded group figures, as sumPoints does.
  figures(totalRow, sumOf(groups.flatMap((g) => g.applicable)), sumOf(groups.flatMap((g) => g.earned)));
  const applicable = a1(GROUP_COLUMNS.applicable, totalRow);
  const earned = a1(GROUP_COLUMNS.earned, totalRow);
  const { score, band, totalApplicable, totalEarned, scaling } = RESULT_CELLS;
  put(totalApplicable.row, totalApplicable.column, applicable);
  put(totalEarned.row, totalEarned.column, earned);
  put(
    score.row,
    score.column,
    roundFormula(`IF(${applicable}>0,${earned}/${applicable}*${numberLiteral(input.packTotal)},0)`, 1),
  );
  put(band.row, band.column, bandFormula(a1(score.column, score.row), input.bands, tr));
  put(
    scaling.row,
    scaling.column,
    `IF(${applicable}<${numberLiteral(input.itemPoints)},${tr(LABELS.scaledNote)},${tr(LABELS.notScaled)})`,
  );
  if (input.vetoes && vetoList !== undefined) {
    const bandCell = a1(band.column, band.row);
    const passing = input.vetoes.passLabels.map((l) => `${bandCell}=${tr(l)}`).join(",");
    put(
      RESULT_CELLS.recognition.row,
      RESULT_CELLS.recognition.column,
      `IF(AND(${vetoList}="",OR(${passing || "FALSE"})),${tr(LABELS.recognized)},${tr(LABELS.notRecognized)})`,
    );
  }
  return cells;
}

/** bandFor: the first band (highest first) whose minimum the score reaches, else the last. */
function bandFormula(score: string, bands: readonly Band[], tr: (t: LocalizedText) => string): string {
  const last = bands[bands.length - 1];
  let out = last ? tr(last.label) : textLiteral("—");
  for (let i = bands.length - 2; i >= 0; i--) {
    const band = bands[i] as Band;
    out = `IF(${score}>=${numberLiteral(band.min)},${tr(band.label)},${out})`;
  }
  return out;
}
