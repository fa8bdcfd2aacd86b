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
  /** Date columns whose dates may lie after the assessment date (an expiry). */
  future?: boolean;
}

/** Column definitions of one table, by id. */
export type ColumnIndex = ReadonlyMap<string, ColumnInfo>;

/**
 * The columns of one table and what their cells were read as. Ledgers repeat the same dates and
 * answers row after row, so each distinct value is parsed once per column per check.
 */
export class TableReader {
  /** Position of each column id in `list`. */
  readonly position: ReadonlyMap<string, number>;
  readonly list: readonly ColumnInfo[];
  /**
   * What a record is called by: the first text column named 名称 / 事项 (决策事项, 文件名称, 合同名称),
   * else the first text column (案号, 姓名).
   */
  readonly firstText: string | undefined;
  private readonly parsedByPosition: Map<string | number, Parsed<TypedValue>>[];

  constructor(readonly columns: ColumnIndex) {
    this.list = [...columns.values()];
    this.position = new Map(this.list.map((c, i) => [c.id, i]));
    this.parsedByPosition = this.list.map(() => new Map());
    const texts = this.list.filter((c) => c.type === "text");
    this.firstText = (texts.find((c) => /名称|事项/.test(c.header.zh)) ?? texts[0])?.id;
  }

  parseAt(position: number, value: CellValue | undefined): Parsed<TypedValue> {
    const info = this.list[position] as ColumnInfo;
    // Free text is mostly unique: caching it would only hold memory.
    if (info.type === "text" || (typeof value !== "string" && typeof value !== "number")) {
      return parseCell(info.type, value, info.values ? { values: info.values } : {});
    }
    const parsed = this.parsedByPosition[position] as Map<string | number, Parsed<TypedValue>>;
    let result = parsed.get(value);
    if (result === undefined) {
      result = parseCell(info.type, value, info.values ? { values: info.values } : {});
      parsed.set(value, result);
    }
    return result;
  }
}

/** One table row as rules see it: each cell read as its column's type once, through the table's reader. */
export class RowView {
  private memo: (Parsed<TypedValue> | undefined)[] | undefined;

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

  /** The cell read as its column's type (as text when the table has no such column). */
  typed(column: string): Parsed<TypedValue> {
    const position = this.reader.position.get(column);
    return position === undefined
      ? parseCell("text", this.snapshot.cells[column])
      : this.typedAt(position, column);
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

  /** The cell at a position of the reader's column list, read as its type. */
  typedAtPosition(position: number): Parsed<TypedValue> {
    return this.typedAt(position, (this.reader.list[position] as ColumnInfo).id);
  }

  /** True when every cell the user fills is blank (Taizhang's own check column aside). */
  isBlankRow(ignore: string): boolean {
    for (const column of this.reader.list) {
      if (column.id !== ignore && !isBlank(this.snapshot.cells[column.id])) return false;
    }
    return true;
  }

  private typedAt(position: number, column: string): Parsed<TypedValue> {
    this.memo ??= new Array<Parsed<TypedValue> | undefined>(this.reader.list.length);
    let result = this.memo[position];
    if (result === undefined) {
      result = this.reader.parseAt(position, this.snapshot.cells[column]);
      this.memo[position] = result;
    }
    return result;
  }

  /** A cell read as `type`: from the typed cell when that is the column's type, else parsed here. */
  private as<T extends TypedValue>(
    column: string,
    type: ColumnType,
    parse: (value: CellValue | undefined) => Parsed<T>,
  ): T | null {
    const position = this.reader.position.get(column);
    const result =
      position !== undefined && this.reader.list[position]?.type === type
        ? this.typedAt(position, column)
        : parse(this.snapshot.cells[column]);
    return result.ok ? (result.value as T) : null;
  }
}
