import { columnLetter } from "../../layout/layout";

/** A sheet name as an A1 reference prefix: always quoted, inner quotes doubled ('措施一'!). */
export const sheetPrefix = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'!`;

/** A cell of the formula's own row (0-based column, 1-based row): column fixed, row relative, so it fills down. */
export const rowCell = (column: number, row: number): string => `$${columnLetter(column)}${row}`;

/** An absolute one-column range on a sheet (1-based rows, inclusive). */
export function columnRange(sheet: string, column: number, firstRow: number, lastRow: number): string {
  const letter = columnLetter(column);
  return `${sheetPrefix(sheet)}$${letter}$${firstRow}:$${letter}$${lastRow}`;
}

/** An absolute cell on a sheet (0-based column, 1-based row). */
export const absoluteCell = (sheet: string, column: number, row: number): string =>
  `${sheetPrefix(sheet)}$${columnLetter(column)}$${row}`;

/** A text literal in a formula. */
export const textLiteral = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** An array constant of text ({"a","b"}): Excel 2010, WPS and LibreOffice all read it in MATCH. */
export const textArray = (values: readonly string[]): string => `{${values.map(textLiteral).join(",")}}`;

/** A number as a formula literal, without float noise (0.1 + 0.2 prints as 0.3). */
export const numberLiteral = (value: number): string => String(Number(value.toPrecision(12)));

/**
 * Round half up to `digits` decimals exactly as the core's roundTo (src/core/score/round.ts): the
 * float noise is cut at 1e-6 of the last digit first (the inner ROUND mirrors its toFixed(6)), then
 * rounded. Results are never negative here, where Excel's half-away-from-zero equals half-up.
 */
export function roundFormula(expr: string, digits: number): string {
  const factor = 10 ** digits;
  return `ROUND(ROUND((${expr})*${factor},6),0)/${factor}`;
}
