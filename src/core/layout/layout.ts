import type { Input, Item, LocalizedText, Pack } from "../pack/schema";
import { INFO_INPUTS } from "../snapshot";
import { CHECK_COLUMN, CHECKLIST_COLUMNS, VETO_COLUMNS, type ColumnLayout } from "./columns";

/** Bumped when the sheet structure changes in a way readers must know about. */
export const LAYOUT_VERSION = 1;

/** Header row of every table; row 1 holds the sheet title. Data starts on the next row. */
export const HEADER_ROW = 2;

/** Workbook text is Chinese whatever the UI's language: the workbook is a Chinese record. */
export const WORKBOOK_LOCALE = "zh-CN" as const;

export const SHEETS = {
  info: "基本信息",
  results: "自评结果",
  gaps: "差距清单",
  /** Very hidden: pack id, version, layout version and where every table is. */
  meta: "_taizhang",
} as const;

/** Excel's longest sheet name. */
const MAX_SHEET_NAME = 31;

/**
 * The wanted sheet name, or "汇总 (2)", "汇总 (3)"… when `taken` (lower-case names) has it:
 * Excel ignores case in sheet names.
 */
export function freeSheetName(wanted: string, taken: ReadonlySet<string>): string {
  let name = wanted;
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = `${wanted.slice(0, MAX_SHEET_NAME - suffix.length)}${suffix}`;
  }
  return name;
}

export type TableKind = "checklist" | "veto" | "ledger";

export interface PrefilledRow {
  itemId: string;
  /** Values of the fixed columns, by column id. */
  cells: Readonly<Record<string, string | number>>;
  /**
   * For a ledger-type item: its ledger id. The row's 状态 cell then shows the ledger's result
   * (ledgerRow.ts), with no dropdown and the read-only fill, and is not read as a status.
   */
  ledger?: string;
}

export interface TableLayout {
  /** Stable key, e.g. "checklist:G2.1", "veto:G9", "ledger:decisions". */
  key: string;
  kind: TableKind;
  /** Excel table name: ASCII, unique in the workbook. */
  name: string;
  sheet: string;
  title: LocalizedText;
  columns: readonly ColumnLayout[];
  /** Checklist and veto tables have one row per item; ledgers start empty. */
  rows: readonly PrefilledRow[];
  /** For checklists and veto tables: the group they belong to. */
  groupId?: string;
}

export interface InfoRow {
  inputId: string;
  label: LocalizedText;
  type: Input["type"];
  unit?: LocalizedText;
  help?: LocalizedText;
  /** The dropdown of an enum input (单位类型). */
  values?: readonly string[];
  /** Workbook-level defined name of the value cell, e.g. "TZ_assessmentDate". */
  name: string;
  /** 1-based row of the value cell on 基本信息 (value in column B). */
  row: number;
}

export interface WorkbookLayout {
  packId: string;
  packVersion: string;
  layoutVersion: number;
  info: { sheet: string; rows: readonly InfoRow[] };
  tables: readonly TableLayout[];
  results: { sheet: string };
  gaps: { sheet: string };
  meta: { sheet: string };
}

/** Column letter(s) of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 0-based column index of column letters (case-insensitive): A → 0, AA → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A1 address of a 0-based column and 1-based row. */
export function cellAddress(column: number, row: number): string {
  return `${columnLetter(column)}${row}`;
}

export const INFO_VALUE_COLUMN = 1;
const INFO_FIRST_ROW = HEADER_ROW + 1;

const tableName = (key: string): string => `TZ_${key.replace(/[^A-Za-z0-9]+/g, "_")}`;

/** The default name of the assessed body's field: most packs assess a township. */
export const DEFAULT_UNIT_LABEL: LocalizedText = { zh: "乡镇名称", en: "Township" };

const baseInfo = (pack: Pack): readonly Input[] => [
  { id: INFO_INPUTS.township, label: pack.assessment.unitLabel ?? DEFAULT_UNIT_LABEL, type: "text" },
  {
    id: INFO_INPUTS.assessmentDate,
    label: { zh: "评估基准日", en: "Assessment date" },
    type: "date",
    help: { zh: "评估以此日期为准,如 2018-12-31", en: "The date the assessment refers to, e.g. 2018-12-31" },
  },
];

/** The one layout both adapters write and read. Pure: the same pack gives the same layout. */
/**
 * Rows after the pack's own inputs: 评估年度, then one 本评估年度无此类事项 row per ledger a unit may
 * declare empty (its reason is the declaration). Appended so the rows above keep their places.
 */
const trailingInfo = (pack: Pack): readonly Input[] => [
  {
    id: INFO_INPUTS.assessmentYear,
    label: { zh: "评估年度", en: "Assessment year" },
    type: "integer",
    help: {
      zh: "被评估工作的年度,如 2018;不填时取评估基准日所在年度(1—3 月评估时取上一年度)",
      en: "The year whose work is assessed, e.g. 2018; when blank, the year of the assessment date (the year before when assessed in January–March)",
    },
  },
  ...pack.ledgers
    .filter((ledger) => ledger.declarable !== false)
    .map((ledger): Input => ({
      id: declarationInputId(ledger.id),
      label: {
        zh: `${ledger.title.zh}:本评估年度无此类事项的理由`,
        en: `${ledger.title.en}: why there were none this assessment year`,
      },
      type: "text",
      help: {
        zh: `本评估年度确无此类事项时,在此写明理由(即为声明,评审将核实),相关事项不计入应得;台账有记录时请留空`,
        en: "If there truly were none this assessment year, give the reason here (this is the declaration, for the reviewer to verify); its items then leave the applicable points. Leave blank when the ledger has records",
      },
    })),
];

/** The 基本信息 input that holds a ledger's 本评估年度无此类事项 declaration (its reason). */
export const declarationInputId = (ledgerId: string): string => `noMatters_${ledgerId}`;

export function layoutFor(pack: Pack): WorkbookLayout {
  const infoInputs = [...baseInfo(pack), ...pack.inputs, ...trailingInfo(pack)];
  const infoRows: InfoRow[] = infoInputs.map((input, i) => ({
    inputId: input.id,
    label: input.label,
    type: input.type,
    ...(input.unit ? { unit: input.unit } : {}),
    ...(input.help ? { help: input.help } : {}),
    ...(input.values ? { values: input.values } : {}),
    name: `TZ_${input.id}`,
    row: INFO_FIRST_ROW + i,
  }));

  const tables: TableLayout[] = [];
  for (const group of pack.groups) {
    const checklistItems = group.items.filter((item) => item.kind !== "veto");
    const vetoItems = group.items.filter((item) => item.kind === "veto");
    const prefill =
      (columns: readonly ColumnLayout[]) =>
      (item: (typeof group.items)[number]): PrefilledRow => ({
        itemId: item.id,
        cells: Object.fromEntries(columns.filter((c) => c.fixed).map((c) => [c.id, fixedCell(c.id, item)])),
        ...(item.kind === "ledger" && item.ledger ? { ledger: item.ledger } : {}),
      });
    if (checklistItems.length > 0) {
      const key = `checklist:${group.id}`;
      tables.push({
        key,
        kind: "checklist",
        name: tableName(key),
        sheet: group.sheet,
        title: group.title,
        columns: CHECKLIST_COLUMNS,
        rows: checklistItems.map(prefill(CHECKLIST_COLUMNS)),
        groupId: group.id,
      });
    }
    if (vetoItems.length > 0) {
      const key = `veto:${group.id}`;
      tables.push({
        key,
        kind: "veto",
        name: tableName(key),
        sheet: group.sheet,
        title: group.title,
        columns: VETO_COLUMNS,
        rows: vetoItems.map(prefill(VETO_COLUMNS)),
        groupId: group.id,
      });
    }
  }
  for (const ledger of pack.ledgers) {
    const key = `ledger:${ledger.id}`;
    tables.push({
      key,
      kind: "ledger",
      name: tableName(key),
      sheet: ledger.sheet,
      title: ledger.title,
      columns: [
        ...ledger.columns.map((c) => ({
          id: c.id,
          header: c.header,
          type: c.type,
          ...(c.values ? { values: c.values } : {}),
          ...(c.help ? { help: c.help } : {}),
          width: c.width ?? defaultWidth(c.type),
        })),
        CHECK_COLUMN,
      ],
      rows: [],
    });
  }

  return {
    packId: pack.id,
    packVersion: pack.version,
    layoutVersion: LAYOUT_VERSION,
    info: { sheet: SHEETS.info, rows: infoRows },
    tables,
    results: { sheet: SHEETS.results },
    gaps: { sheet: SHEETS.gaps },
    meta: { sheet: SHEETS.meta },
  };
}

function fixedCell(columnId: string, item: Item): string | number {
  switch (columnId) {
    case "id":
      return item.id;
    case "requirement":
      return item.title.zh;
    case "clause":
      return item.source;
    case "criteria":
      return item.criteria.zh;
    default:
      return item.points;
  }
}

function defaultWidth(type: ColumnLayout["type"]): number {
  return type === "text" ? 24 : 12;
}
