import { fileWidthFromCharacters, PRINT_SETUP } from "../../../core/layout/format";
import { columnLetter } from "../../../core/layout/layout";
import type { SheetCell, SheetModel } from "../../../core/layout/resultSheets";
import { type CellFill, type CellLink, linkReference } from "../../../core/layout/summaryCells";
import { xmlText } from "./escape";
import type { SharedStrings } from "./sharedStrings";
import type { CellLook, StyleSheet } from "./styles";

/** A sheet model with what the summary draws on top of it. */
export interface SheetDrawing {
  model: SheetModel;
  /** Static backgrounds (the heat map). */
  fills?: readonly CellFill[];
  /** Cells that jump to a cell of the workbook. */
  links?: readonly CellLink[];
  /** A table header row: bold on `fill`, centred vertically, `height` points high. */
  header?: { row: number; height: number; fill: string };
  /** Rows and columns kept in view while scrolling. */
  frozen?: { rows: number; columns: number };
}

const PAPER_SIZE = { A4: 9 } as const;
const BATCH_CHARS = 65_536;

/** row → column → value, for the few cells that carry a fill, a link or a number format. */
type CellMap<T> = Map<number, Map<number, T>>;

function byCell<T>(entries: Iterable<{ row: number; column: number; value: T }>): CellMap<T> {
  const map: CellMap<T> = new Map();
  for (const { row, column, value } of entries) {
    let cells = map.get(row);
    if (!cells) map.set(row, (cells = new Map()));
    cells.set(column, value);
  }
  return map;
}

function* formatCells(model: SheetModel): Generator<{ row: number; column: number; value: string }> {
  for (const { column, fromRow, toRow, format } of model.formats)
    for (let row = fromRow; row <= toRow; row++) yield { row, column, value: format };
}

/**
 * A worksheet part as XML, row by row, in pieces of about 64 KB: the same cells, looks and links
 * the ExcelJS writer gave the summary sheets — every row of the model wraps its text at the top,
 * bold rows are bold, a link is blue and underlined — without an object per cell.
 */
export function* sheetXml(
  drawing: SheetDrawing,
  strings: SharedStrings,
  styles: StyleSheet,
): Generator<string> {
  const { model } = drawing;
  const columns = model.widths.length;
  const bold = new Set(model.boldRows);
  const fills = byCell((drawing.fills ?? []).map((f) => ({ ...f, value: f.color })));
  const links = byCell((drawing.links ?? []).map((l) => ({ ...l, value: l })));
  const formats = byCell(formatCells(model));
  const header = drawing.header;
  const lastCell = `${columnLetter(Math.max(columns, 1) - 1)}${Math.max(model.rows.length, 1)}`;

  yield (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${lastCell}"/>` +
    sheetViews(drawing.frozen) +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (columns > 0
      ? `<cols>${model.widths
          .map(
            (w, c) =>
              `<col min="${c + 1}" max="${c + 1}" width="${fileWidthFromCharacters(w)}" customWidth="1"/>`,
          )
          .join("")}</cols>`
      : "") +
    "<sheetData>"
  );

  function rowCells(values: readonly SheetCell[], r: number): string {
    const isHeader = header?.row === r;
    const rowFills = fills.get(r);
    const rowLinks = links.get(r);
    const rowFormats = formats.get(r);
    let cells = "";
    for (let c = 0; c < Math.max(columns, values.length); c++) {
      const value = values[c] ?? null;
      const fill = rowFills?.get(c) ?? null;
      const link = rowLinks?.get(c);
      const numFmt = rowFormats?.get(c) ?? null;
      // A cell exists where it has a value or a look of its own (as ExcelJS creates a cell on
      // every getCell): a styled empty cell keeps its look when someone types into it.
      const headerCell = isHeader && c < columns;
      if (value === null && fill === null && !link && numFmt === null && !headerCell) continue;
      const look: CellLook = {
        bold: bold.has(r) || isHeader,
        link: link !== undefined,
        fill: fill ?? (headerCell && header ? header.fill : null),
        numFmt,
        vertical: isHeader ? "center" : "top",
      };
      const shown = link ? String(value ?? "") : value;
      cells += cellXml(`${columnLetter(c)}${r}`, shown, styles.id(look), strings);
    }
    return cells;
  }

  let batch = "";
  for (let index = 0; index < model.rows.length; index++) {
    const r = index + 1;
    const cells = rowCells(model.rows[index] ?? [], r);
    if (cells === "") continue;
    const rowStyle = styles.id({ bold: bold.has(r), link: false, fill: null, numFmt: null, vertical: "top" });
    const height = header?.row === r ? ` ht="${header.height}" customHeight="1"` : "";
    batch += `<row r="${r}"${height} s="${rowStyle}" customFormat="1">${cells}</row>`;
    if (batch.length > BATCH_CHARS) {
      yield batch;
      batch = "";
    }
  }
  yield `${batch}</sheetData>`;

  const linked = drawing.links ?? [];
  if (linked.length > 0) {
    let xml = "<hyperlinks>";
    for (const l of linked) {
      xml += `<hyperlink ref="${columnLetter(l.column)}${l.row}" location="${xmlText(linkReference(l))}"/>`;
      if (xml.length > BATCH_CHARS) {
        yield xml;
        xml = "";
      }
    }
    yield `${xml}</hyperlinks>`;
  }
  yield (
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    `<pageSetup paperSize="${PAPER_SIZE[PRINT_SETUP.paperSize]}" orientation="${PRINT_SETUP.orientation}" fitToWidth="${PRINT_SETUP.fitToWidth}" fitToHeight="${PRINT_SETUP.fitToHeight}"/>` +
    "</worksheet>"
  );
}

function sheetViews(frozen: SheetDrawing["frozen"]): string {
  if (!frozen || (frozen.rows === 0 && frozen.columns === 0)) return "";
  const { rows, columns } = frozen;
  const pane = rows > 0 && columns > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  const split = `${columns > 0 ? ` xSplit="${columns}"` : ""}${rows > 0 ? ` ySplit="${rows}"` : ""}`;
  const topLeft = `${columnLetter(columns)}${rows + 1}`;
  return (
    `<sheetViews><sheetView workbookViewId="0"><pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}"/></sheetView></sheetViews>`
  );
}

/** One cell: text through the shared strings, numbers and booleans inline, an empty cell by its look. */
function cellXml(ref: string, value: SheetCell, style: number, strings: SharedStrings): string {
  const s = style === 0 ? "" : ` s="${style}"`;
  if (typeof value === "string") return `<c r="${ref}"${s} t="s"><v>${strings.ref(value)}</v></c>`;
  if (typeof value === "number" && Number.isFinite(value)) return `<c r="${ref}"${s}><v>${value}</v></c>`;
  if (typeof value === "boolean") return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s}/>`;
}
