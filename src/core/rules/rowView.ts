import type { ColumnType, LocalizedText } from "../pack/schema";
import type { CellValue, RowSnapshot, TableSnapshot } from "../snapshot";
import { cellAddress } from "../layout/layout";
import { parseCell, type TypedValue } from "../values/cell";
import { parseDate } from "../values/date";
import type { Parsed } from "../values/result";
import { displayValue, isBlank, normalizeText } from "../values/normalize";
import { parseNumber } from "../values/number";
import { parseYesNo } from "../values/yesNo";
import type { IsoDate } from "../values/isoDate";

export interface ColumnInfo {
  id: string;
  header: LocalizedText;
  type: ColumnType;
  values?: readonly string[];
}

/** Column definitions of one table, by id. */
export type ColumnIndex = ReadonlyMap<string, ColumnInfo>;

/**
 * The columns of one table and what their cells were read as. Ledgers repeat the same dates and
 * answers row after row, so each distinct text or number is parsed once per column per check.
 */
export class TableReader {
  private readonly parsedByColumn = new Map<string, Map<string | number, Parsed<TypedValue>>>();

  constructor(readonly columns: ColumnIndex) {}

  typed(column: string, value: CellValue | undefined): Parsed<TypedValue> {
    if (typeof value !== "string" && typeof value !== "number") return this.parse(column, value);
    let parsed = this.parsedByColumn.get(column);
    if (!parsed) {
      parsed = new Map();
      this.parsedByColumn.set(column, parsed);
    }
    let result = parsed.get(value);
    if (result === undefined) {
      result = this.parse(column, value);
      parsed.set(value, result);
    }
    return result;
  }

  private parse(column: string, value: CellValue | undefined): Parsed<TypedValue> {
    const info = this.columns.get(column);
    return info
      ? parseCell(info.type, value, info.values ? { values: info.values } : {})
      : parseCell("text", value);
  }
}

/** One table row as rules see it: cells read as their column's type through the table's reader. */
export class RowView {
  constructor(
    readonly table: TableSnapshot,
    readonly snapshot: RowSnapshot,
    readonly reader: TableReader,
  ) {}

  get columns(): ColumnIndex {
    return this.reader.columns;
  }

  get row(): number {
    return this.snapshot.row;
  }

  raw(column: string): CellValue {
    return this.snapshot.cells[column] ?? null;
  }

  isBlank(column: string): boolean {
    return isBlank(this.snapshot.cells[column]);
  }

  /** The cell as the user would recognise it ("" when blank). */
  display(column: string): string {
    return displayValue(this.snapshot.cells[column]);
  }

  /** Half-width, trimmed text, for matching words. */
  text(column: string): string {
    return normalizeText(displayValue(this.snapshot.cells[column]));
  }

  /** The cell read as its column's type. */
  typed(column: string): Parsed<TypedValue> {
    return this.reader.typed(column, this.snapshot.cells[column]);
  }

  /** ISO date, or null when blank or unreadable (the cell's type check reports that). */
  date(column: string): IsoDate | null {
    return this.as(column, "date", parseDate);
  }

  yesNo(column: string): boolean | null {
    return this.as(column, "yesNo", parseYesNo);
  }

  number(column: string): number | null {
    return this.as(column, "number", parseNumber);
  }

  header(column: string): LocalizedText {
    return this.columns.get(column)?.header ?? { zh: column, en: column };
  }

  /** A1 address of a cell of this row, when the column is in the table. */
  cell(column: string): string | undefined {
    const index = this.table.columns[column];
    return index === undefined ? undefined : cellAddress(index, this.snapshot.row);
  }

  /** A cell read as `type`: from the typed cache when that is the column's type, else parsed here. */
  private as<T extends TypedValue>(
    column: string,
    type: ColumnType,
    parse: (value: CellValue | undefined) => Parsed<T>,
  ): T | null {
    const result =
      this.columns.get(column)?.type === type ? this.typed(column) : parse(this.snapshot.cells[column]);
    return result.ok ? (result.value as T) : null;
  }
}
