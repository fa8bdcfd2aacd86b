import type { ColumnType, LocalizedText } from "../pack/schema";
import type { CellValue, RowSnapshot, TableSnapshot } from "../snapshot";
import { cellAddress } from "../layout/layout";
import { parseDate } from "../values/date";
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
 * One table row as rules see it: cells read lazily as dates, numbers or yes/no, each at most once,
 * so many rules on one row parse each cell once.
 */
export class RowView {
  private cache: Map<string, unknown> | undefined;

  constructor(
    readonly table: TableSnapshot,
    readonly snapshot: RowSnapshot,
    readonly columns: ColumnIndex,
  ) {}

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

  /** ISO date, or null when blank or unreadable (the cell's type check reports that). */
  date(column: string): IsoDate | null {
    return this.memo(`d:${column}`, () => {
      const result = parseDate(this.snapshot.cells[column]);
      return result.ok ? result.value : null;
    });
  }

  yesNo(column: string): boolean | null {
    return this.memo(`y:${column}`, () => {
      const result = parseYesNo(this.snapshot.cells[column]);
      return result.ok ? result.value : null;
    });
  }

  number(column: string): number | null {
    return this.memo(`n:${column}`, () => {
      const result = parseNumber(this.snapshot.cells[column]);
      return result.ok ? result.value : null;
    });
  }

  header(column: string): LocalizedText {
    return this.columns.get(column)?.header ?? { zh: column, en: column };
  }

  /** A1 address of a cell of this row, when the column is in the table. */
  cell(column: string): string | undefined {
    const index = this.table.columns[column];
    return index === undefined ? undefined : cellAddress(index, this.snapshot.row);
  }

  private memo<T>(key: string, compute: () => T): T {
    this.cache ??= new Map();
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const value = compute();
    this.cache.set(key, value);
    return value;
  }
}
