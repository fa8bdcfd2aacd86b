import type { RawSheet, RawWorkbook } from "../../read/raw";
import { rawAt } from "../../read/raw";
import { parseDate } from "../../values/date";
import { RULE_KINDS } from "../rule-kinds";
import { Rule } from "../schema";
import { problemsFromZod } from "../zod-issues";
import {
  cellNumber,
  cellText,
  columnsByKey,
  headerMap,
  isBlankRow,
  normalizeHeader,
  sheetNameFrom,
} from "./cells";
import { PlaceIndex } from "./places";
import { tableProblem, type TablePlace, type TableProblem } from "./problems";
import { parseRulesText } from "./rulesCell";
import {
  BAND_COLUMNS,
  BASIS_LABELS,
  COLUMN_TYPE_LABELS,
  fromLabel,
  GROUP_LABEL,
  INPUT_COLUMNS,
  INPUT_TYPE_LABELS,
  ITEM_COLUMNS,
  KIND_LABELS,
  LEDGER_COLUMNS,
  parseDue,
  parseScoring,
  parseYesNo,
  SETTING_COLUMNS,
  SETTING_KEYS,
  splitValues,
  TABLE_SHEETS,
  type SettingKey,
} from "./vocabulary";

type Json = Record<string, unknown>;
type Defs = readonly { readonly key: string; readonly header: string }[];

/** What the reader made of a table: pack-shaped data for the loader, places, its own problems. */
export interface TableRead {
  data: Json;
  places: PlaceIndex;
  problems: TableProblem[];
}

/** True when the workbook is a 细则 workbook (as `pack export` writes it), not a plain table. */
export function isPackTable(raw: RawWorkbook): boolean {
  return (
    raw.sheets.some((s) => s.name === TABLE_SHEETS.items) &&
    raw.sheets.some((s) => s.name === TABLE_SHEETS.settings)
  );
}

/** Reads the three sheets of a 细则 workbook into pack data; the loader judges the result. */
export function readPackTable(raw: RawWorkbook): TableRead {
  const reader = new Reader();
  const sheet = (name: string) => raw.sheets.find((s) => s.name === name);
  const settings = sheet(TABLE_SHEETS.settings);
  const items = sheet(TABLE_SHEETS.items);
  const ledgers = sheet(TABLE_SHEETS.ledgers);
  const data: Json = {};
  if (settings) reader.settings(settings, data);
  else
    reader.problems.push(
      tableProblem(sheetPlace(TABLE_SHEETS.settings), "sheet_missing", { sheet: TABLE_SHEETS.settings }),
    );
  data["ledgers"] = ledgers ? reader.ledgers(ledgers) : [];
  if (items) data["groups"] = reader.items(items);
  else
    reader.problems.push(
      tableProblem(sheetPlace(TABLE_SHEETS.items), "sheet_missing", { sheet: TABLE_SHEETS.items }),
    );
  return { data, places: reader.places, problems: reader.problems };
}

const sheetPlace = (sheet: string): TablePlace => ({ sheet, row: null, column: null });

/** zh and en of a text; a blank side takes the other, both blank gives "" for the schema to name. */
function localized(zhText: string, enText: string): { zh: string; en: string } {
  return { zh: zhText || enText, en: enText || zhText };
}

function optionalLocalized(zhText: string, enText: string): { zh: string; en: string } | undefined {
  return zhText || enText ? localized(zhText, enText) : undefined;
}

class Reader {
  readonly places = new PlaceIndex();
  readonly problems: TableProblem[] = [];

  /** Finds the header row of a block: the first row (from `from`) whose first header matches. */
  private header(
    sheet: RawSheet,
    defs: Defs,
    from = 0,
  ): { row: number; columns: Partial<Record<string, number>> } | null {
    const first = normalizeHeader(defs[0]?.header ?? "");
    for (let row = from; row < sheet.rows.length; row++) {
      const headers = headerMap(sheet, row);
      if (headers.has(first)) return { row, columns: columnsByKey(headers, defs) };
    }
    return null;
  }

  private place(sheet: RawSheet, row: number, defs: Defs, key: string): TablePlace {
    return { sheet: sheet.name, row: row + 1, column: defs.find((d) => d.key === key)?.header ?? null };
  }

  /** Registers the field's place, and mutes it when the reader has already reported it. */
  private at(path: (string | number)[], place: TablePlace): void {
    this.places.set(path, place);
  }

  private fail(path: (string | number)[], problem: TableProblem): void {
    this.problems.push(problem);
    this.places.mute(path);
  }

  private missingHeaders(
    sheet: RawSheet,
    defs: Defs,
    columns: Partial<Record<string, number>>,
    required: readonly string[],
  ): void {
    for (const key of required) {
      if (columns[key] === undefined) {
        const header = defs.find((d) => d.key === key)?.header ?? key;
        this.problems.push(tableProblem(sheetPlace(sheet.name), "header_missing", { header }));
      }
    }
  }

  items(sheet: RawSheet): Json[] {
    const found = this.header(sheet, ITEM_COLUMNS);
    if (!found) {
      this.problems.push(
        tableProblem(sheetPlace(sheet.name), "header_missing", { header: ITEM_COLUMNS[0].header }),
      );
      return [];
    }
    const c = found.columns;
    this.missingHeaders(sheet, ITEM_COLUMNS, c, ["title", "points", "kind"]);
    const text = (row: number, key: string) => cellText(sheet, row, c[key]);
    const place = (row: number, key: string) => this.place(sheet, row, ITEM_COLUMNS, key);
    const groups: Json[] = [];
    const stated: { points: number | undefined; row: number }[] = [];
    for (let row = found.row + 1; row < sheet.rows.length; row++) {
      if (isBlankRow(sheet, row)) continue;
      const kindText = text(row, "kind");
      if (kindText === GROUP_LABEL || kindText.toLowerCase() === "group") {
        const path = ["groups", groups.length];
        const title = localized(text(row, "title"), text(row, "titleEn"));
        const points = cellNumber(sheet, row, c["points"]);
        stated.push({ points: Number.isNaN(points) ? undefined : points, row });
        groups.push({
          id: text(row, "id"),
          source: text(row, "source"),
          title,
          sheet: text(row, "sheet") || sheetNameFrom(title.zh),
          items: [],
        });
        this.at(path, place(row, "id"));
        for (const key of ["id", "source", "title", "sheet"]) this.at([...path, key], place(row, key));
        this.at([...path, "items"], place(row, "id"));
        continue;
      }
      const group = groups[groups.length - 1];
      if (!group) {
        this.problems.push(
          tableProblem({ sheet: sheet.name, row: row + 1, column: null }, "item_before_group"),
        );
        continue;
      }
      const groupItems = group["items"] as Json[];
      const path = ["groups", groups.length - 1, "items", groupItems.length];
      groupItems.push(this.item(sheet, row, c, path));
    }
    groups.forEach((group, index) => {
      const { points, row } = stated[index] ?? { points: undefined, row: 0 };
      const sum = (group["items"] as Json[]).reduce(
        (s, item) => s + (typeof item["points"] === "number" ? item["points"] : 0),
        0,
      );
      if (points !== undefined && Math.abs(points - sum) > 1e-9) {
        this.problems.push(
          tableProblem(place(row, "points"), "group_points", {
            group: String(group["id"]),
            points,
            sum: Math.round(sum * 1000) / 1000,
          }),
        );
      }
    });
    return groups;
  }

  private item(
    sheet: RawSheet,
    row: number,
    c: Partial<Record<string, number>>,
    path: (string | number)[],
  ): Json {
    const text = (key: string) => cellText(sheet, row, c[key]);
    const place = (key: string) => this.place(sheet, row, ITEM_COLUMNS, key);
    this.at(path, place("id"));
    const item: Json = {
      id: text("id"),
      source: text("source"),
      title: localized(text("title"), text("titleEn")),
      points: this.number(sheet, row, c["points"], [...path, "points"], place("points")),
      criteria: localized(text("criteria"), text("criteriaEn")),
    };
    for (const key of ["id", "source", "title", "points", "criteria"]) this.at([...path, key], place(key));
    const kindText = text("kind");
    const kind = fromLabel(KIND_LABELS, kindText);
    this.at([...path, "kind"], place("kind"));
    if (kind) item["kind"] = kind;
    else {
      item["kind"] = kindText;
      this.fail(
        [...path, "kind"],
        tableProblem(place("kind"), "kind_unknown", {
          value: kindText,
          expected: Object.values(KIND_LABELS).join(" / "),
        }),
      );
    }
    const scoring = parseScoring(text("scoring"));
    this.at([...path, "scoring"], place("scoring"));
    if (scoring === "invalid")
      this.fail(
        [...path, "scoring"],
        tableProblem(place("scoring"), "scoring_invalid", { value: text("scoring") }),
      );
    else if (scoring) item["scoring"] = scoring;
    const ledger = text("ledger");
    this.at([...path, "ledger"], place("ledger"));
    if (ledger) item["ledger"] = ledger;
    const rules: Json[] = [];
    for (const line of parseRulesText(text("rules"))) {
      this.at([...path, "rules", rules.length], place("rules"));
      if (line.ok) {
        // A rule the schema refuses is reported at its cell and left out, so the rest of the pack
        // still gets the loader's deeper checks (unknown columns, points) in the same run.
        const checked = Rule.safeParse(line.rule, { reportInput: true });
        if (checked.success) rules.push(line.rule);
        else {
          for (const p of problemsFromZod(checked.error.issues)) {
            this.problems.push({ ...place("rules"), kind: "pack", code: p.code, params: p.params });
          }
        }
      } else
        this.problems.push(
          tableProblem(place("rules"), "rule_unreadable", {
            line: line.line,
            text: line.text,
            detail: line.detail,
          }),
        );
    }
    item["rules"] = rules;
    this.at([...path, "rules"], place("rules"));
    const due = parseDue(dateText(sheet, row, c["due"]));
    this.at([...path, "due"], place("due"));
    if (due !== undefined) item["due"] = due;
    return item;
  }

  /** A number cell; a text that is not a number is reported here and left to the schema as text. */
  private number(
    sheet: RawSheet,
    row: number,
    column: number | undefined,
    path: (string | number)[],
    place: TablePlace,
  ): unknown {
    const value = cellNumber(sheet, row, column);
    if (value === undefined) return undefined;
    if (Number.isNaN(value)) {
      this.fail(path, tableProblem(place, "number_invalid", { value: cellText(sheet, row, column) }));
      return cellText(sheet, row, column);
    }
    return value;
  }

  private yesNo(
    sheet: RawSheet,
    row: number,
    column: number | undefined,
    path: (string | number)[],
    place: TablePlace,
  ): boolean | undefined {
    const value = parseYesNo(cellText(sheet, row, column));
    if (value !== "invalid") return value;
    this.fail(path, tableProblem(place, "yes_no_invalid", { value: cellText(sheet, row, column) }));
    return undefined;
  }

  private label<T extends string>(
    labels: Readonly<Record<T, string>>,
    sheet: RawSheet,
    row: number,
    column: number | undefined,
    path: (string | number)[],
    place: TablePlace,
  ): string {
    const value = cellText(sheet, row, column);
    const found = fromLabel(labels, value);
    if (found) return found;
    if (value)
      this.fail(
        path,
        tableProblem(place, "type_unknown", { value, expected: Object.values(labels).join(" / ") }),
      );
    return value;
  }

  ledgers(sheet: RawSheet): Json[] {
    const found = this.header(sheet, LEDGER_COLUMNS);
    if (!found) {
      this.problems.push(
        tableProblem(sheetPlace(sheet.name), "header_missing", { header: LEDGER_COLUMNS[0].header }),
      );
      return [];
    }
    const c = found.columns;
    this.missingHeaders(sheet, LEDGER_COLUMNS, c, ["column", "name", "type"]);
    const ledgers: Json[] = [];
    const byId = new Map<string, { ledger: Json; index: number }>();
    for (let row = found.row + 1; row < sheet.rows.length; row++) {
      if (isBlankRow(sheet, row)) continue;
      const text = (key: string) => cellText(sheet, row, c[key]);
      const place = (key: string) => this.place(sheet, row, LEDGER_COLUMNS, key);
      const ledgerId = text("ledger");
      if (!text("column")) {
        const path = ["ledgers", ledgers.length];
        const title = localized(text("name"), text("nameEn"));
        const ledger: Json = {
          id: ledgerId,
          title,
          sheet: text("sheet") || sheetNameFrom(title.zh),
          columns: [],
        };
        const declarable = this.yesNo(
          sheet,
          row,
          c["declarable"],
          [...path, "declarable"],
          place("declarable"),
        );
        if (declarable !== undefined) ledger["declarable"] = declarable;
        this.at(path, place("ledger"));
        this.at([...path, "id"], place("ledger"));
        this.at([...path, "title"], place("name"));
        for (const key of ["sheet", "declarable"]) this.at([...path, key], place(key));
        this.at([...path, "columns"], place("ledger"));
        if (!byId.has(ledgerId)) byId.set(ledgerId, { ledger, index: ledgers.length });
        ledgers.push(ledger);
        continue;
      }
      const owner = byId.get(ledgerId);
      if (!owner) {
        this.problems.push(tableProblem(place("ledger"), "column_without_ledger", { ledger: ledgerId }));
        continue;
      }
      const columns = owner.ledger["columns"] as Json[];
      const path = ["ledgers", owner.index, "columns", columns.length];
      const column: Json = {
        id: text("column"),
        header: localized(text("name"), text("nameEn")),
        type: this.label(COLUMN_TYPE_LABELS, sheet, row, c["type"], [...path, "type"], place("type")),
      };
      const values = text("values");
      if (values) column["values"] = splitValues(values);
      const help = optionalLocalized(text("help"), text("helpEn"));
      if (help) column["help"] = help;
      const width = this.number(sheet, row, c["width"], [...path, "width"], place("width"));
      if (width !== undefined) column["width"] = width;
      const future = this.yesNo(sheet, row, c["future"], [...path, "future"], place("future"));
      if (future !== undefined) column["future"] = future;
      this.at(path, place("column"));
      this.at([...path, "id"], place("column"));
      this.at([...path, "header"], place("name"));
      for (const key of ["type", "values", "help", "width", "future"]) this.at([...path, key], place(key));
      columns.push(column);
    }
    return ledgers;
  }

  settings(sheet: RawSheet, data: Json): void {
    const main = this.header(sheet, SETTING_COLUMNS);
    const bands = this.header(sheet, BAND_COLUMNS);
    const inputs = this.header(sheet, INPUT_COLUMNS);
    if (!main) {
      this.problems.push(
        tableProblem(sheetPlace(sheet.name), "header_missing", { header: SETTING_COLUMNS[0].header }),
      );
    }
    const ends = [main?.row, bands?.row, inputs?.row, sheet.rows.length].filter(
      (r): r is number => r !== undefined,
    );
    const endOf = (start: number) => Math.min(...ends.filter((r) => r > start), sheet.rows.length);
    const assessment: Json = {};
    const source: Json = {};
    data["source"] = source;
    data["assessment"] = assessment;
    if (main) this.settingRows(sheet, main.row, endOf(main.row), main.columns, data, source, assessment);
    assessment["bands"] = bands ? this.bands(sheet, bands.row, endOf(bands.row), bands.columns) : [];
    data["inputs"] = inputs ? this.inputs(sheet, inputs.row, endOf(inputs.row), inputs.columns) : [];
    this.at(["inputs"], sheetPlace(sheet.name));
    this.at(["assessment", "bands"], sheetPlace(sheet.name));
  }

  private settingRows(
    sheet: RawSheet,
    header: number,
    end: number,
    c: Partial<Record<string, number>>,
    data: Json,
    source: Json,
    assessment: Json,
  ): void {
    const keys = new Map<string, SettingKey>(
      Object.entries(SETTING_KEYS).map(([k, label]) => [normalizeHeader(label), k as SettingKey]),
    );
    const seen = new Set<SettingKey>();
    for (let row = header + 1; row < end; row++) {
      const label = cellText(sheet, row, c["setting"]);
      if (!label || label.startsWith("【")) continue;
      const place = (key: string) => this.place(sheet, row, SETTING_COLUMNS, key);
      const key = keys.get(normalizeHeader(label));
      if (!key) {
        this.problems.push(tableProblem(place("setting"), "setting_unknown", { value: label }));
        continue;
      }
      seen.add(key);
      const value = cellText(sheet, row, c["value"]);
      const text = () => localized(value, cellText(sheet, row, c["valueEn"]));
      const basis = (path: string[]) => {
        const basisText = cellText(sheet, row, c["basis"]);
        const found = fromLabel(BASIS_LABELS, basisText);
        if (!found)
          this.fail(
            path,
            tableProblem(place("basis"), "basis_unknown", {
              value: basisText,
              expected: Object.values(BASIS_LABELS).join(" / "),
            }),
          );
        const note = optionalLocalized(cellText(sheet, row, c["note"]), cellText(sheet, row, c["noteEn"]));
        this.at([...path, "basis"], place("basis"));
        this.at([...path, "note"], place("note"));
        return { basis: found ?? basisText, ...(note ? { note } : {}) };
      };
      const number = (path: string[]) => this.number(sheet, row, c["value"], path, place("value"));
      const set = (path: string[], target: Json, field: string, fieldValue: unknown) => {
        target[field] = fieldValue;
        this.at(path, place("value"));
      };
      switch (key) {
        case "id":
          set(["id"], data, "id", value);
          break;
        case "version":
          set(["version"], data, "version", value);
          break;
        case "title":
          set(["title"], data, "title", text());
          break;
        case "sourceTitle":
          set(["source", "title"], source, "title", text());
          break;
        case "issuer":
          set(["source", "issuer"], source, "issuer", text());
          break;
        case "date":
          set(["source", "date"], source, "date", dateText(sheet, row, c["value"]) || null);
          break;
        case "file":
          set(["source", "file"], source, "file", value);
          break;
        case "total":
          set(["assessment", "total"], assessment, "total", number(["assessment", "total"]));
          assessment["points"] = basis(["assessment", "points"]);
          break;
        case "bandsBasis":
          assessment["bandsBasis"] = basis(["assessment", "bandsBasis"]);
          break;
        case "passBand":
          set(["assessment", "passBand"], assessment, "passBand", value);
          break;
        case "vetoWindowYears":
          set(
            ["assessment", "vetoWindowYears"],
            assessment,
            "vetoWindowYears",
            number(["assessment", "vetoWindowYears"]),
          );
          break;
        case "unitLabel":
          if (value) set(["assessment", "unitLabel"], assessment, "unitLabel", text());
          break;
      }
    }
    for (const key of Object.keys(SETTING_KEYS) as SettingKey[]) {
      if (!seen.has(key) && key !== "unitLabel") {
        this.problems.push(
          tableProblem(sheetPlace(sheet.name), "setting_missing", { setting: SETTING_KEYS[key] }),
        );
      }
    }
    this.mutePaths([...seen]);
  }

  /** A setting reported missing is not reported again by the schema. */
  private mutePaths(seen: readonly SettingKey[]): void {
    const paths: Record<SettingKey, string[]> = {
      id: ["id"],
      version: ["version"],
      title: ["title"],
      sourceTitle: ["source", "title"],
      issuer: ["source", "issuer"],
      date: ["source", "date"],
      file: ["source", "file"],
      total: ["assessment", "total"],
      bandsBasis: ["assessment", "bandsBasis"],
      passBand: ["assessment", "passBand"],
      vetoWindowYears: ["assessment", "vetoWindowYears"],
      unitLabel: ["assessment", "unitLabel"],
    };
    for (const key of Object.keys(paths) as SettingKey[])
      if (!seen.includes(key)) this.places.mute(paths[key]);
    if (!seen.includes("total")) this.places.mute(["assessment", "points"]);
  }

  private bands(sheet: RawSheet, header: number, end: number, c: Partial<Record<string, number>>): Json[] {
    const out: Json[] = [];
    for (let row = header + 1; row < end; row++) {
      const id = cellText(sheet, row, c["band"]);
      if (!id || id.startsWith("【")) continue;
      const path = ["assessment", "bands", out.length];
      const place = (key: string) => this.place(sheet, row, BAND_COLUMNS, key);
      out.push({
        id,
        min: this.number(sheet, row, c["min"], [...path, "min"], place("min")),
        label: localized(cellText(sheet, row, c["label"]), cellText(sheet, row, c["labelEn"])),
      });
      this.at(path, place("band"));
      this.at([...path, "id"], place("band"));
      for (const key of ["min", "label"]) this.at([...path, key], place(key));
    }
    return out;
  }

  private inputs(sheet: RawSheet, header: number, end: number, c: Partial<Record<string, number>>): Json[] {
    const out: Json[] = [];
    for (let row = header + 1; row < end; row++) {
      const id = cellText(sheet, row, c["input"]);
      if (!id || id.startsWith("【")) continue;
      const path = ["inputs", out.length];
      const place = (key: string) => this.place(sheet, row, INPUT_COLUMNS, key);
      const text = (key: string) => cellText(sheet, row, c[key]);
      const input: Json = {
        id,
        label: localized(text("label"), text("labelEn")),
        type: this.label(INPUT_TYPE_LABELS, sheet, row, c["type"], [...path, "type"], place("type")),
      };
      const unit = optionalLocalized(text("unit"), text("unitEn"));
      if (unit) input["unit"] = unit;
      const help = optionalLocalized(text("help"), text("helpEn"));
      if (help) input["help"] = help;
      const values = splitValues(text("values"));
      if (values.length > 0) input["values"] = values;
      out.push(input);
      this.at(path, place("input"));
      this.at([...path, "id"], place("input"));
      for (const key of ["label", "type", "unit", "help", "values"]) this.at([...path, key], place(key));
    }
    return out;
  }
}

/** A date cell as YYYY-MM-DD when it is one (a serial, a typed date), else its text for the schema. */
function dateText(sheet: RawSheet, row: number, column: number | undefined): string {
  if (column === undefined) return "";
  const value = rawAt(sheet, row, column);
  if (typeof value === "number" || value instanceof Date) {
    const date = parseDate(value);
    return date.ok ? date.value : cellText(sheet, row, column);
  }
  return cellText(sheet, row, column);
}

/** Rule types, for a problem's list of what is known. */
export const RULE_TYPES: readonly string[] = Object.keys(RULE_KINDS);
