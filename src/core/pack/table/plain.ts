import type { RawSheet, RawWorkbook } from "../../read/raw";
import type { Band, BasisNote, LocalizedText } from "../schema";
import { cellNumber, cellText, isBlankRow, normalizeHeader, sheetNameFrom } from "./cells";
import { PlaceIndex } from "./places";
import { tableProblem, type TablePlace, type TableProblem } from "./problems";
import type { TableRead } from "./fromTable";

/** What a plain table does not say about the pack it becomes. */
export interface PlainTableOptions {
  /** Pack id (lower-case letters, digits, hyphens). */
  id: string;
  /** The pack's title when the table has no title line above its header. */
  title: string;
  /** The file's name, recorded as the pack's source file. */
  file: string;
  /** Who issued the table, when nobody said. */
  issuer: LocalizedText;
  version?: string;
}

/** Bands a county table rarely states: the usual 90/80/60, marked local. */
export const DEFAULT_BANDS: readonly Band[] = [
  { id: "excellent", min: 90, label: { zh: "优秀", en: "Excellent" } },
  { id: "good", min: 80, label: { zh: "良好", en: "Good" } },
  { id: "pass", min: 60, label: { zh: "合格", en: "Pass" } },
  { id: "fail", min: 0, label: { zh: "不合格", en: "Fail" } },
];
const DEFAULT_BANDS_BASIS: BasisNote = {
  basis: "local",
  note: {
    zh: "考核细则未规定等次分数线;90/80/60为导入时的本地设定",
    en: "The table sets no band thresholds; 90/80/60 were set locally on import",
  },
};

/** Header words a county's table uses, per field; a header matches when it starts with one. */
const ALIASES = {
  seq: ["序号", "编号", "项次"],
  source: ["依据条款", "依据", "条款"],
  title: ["考核内容", "考核项目", "考核要求", "评价内容", "工作任务", "内容"],
  points: ["分值", "分数", "标准分", "满分"],
  criteria: ["评分标准", "评分细则", "考核标准", "评分办法", "扣分标准", "评分方法"],
} as const;
type Field = keyof typeof ALIASES;

/** 一、依法全面履行政府职能(20分): a numeral, a title, the group's points. */
const GROUP_ROW =
  /^\s*([一二三四五六七八九十百]+)\s*[、.．]\s*(.+?)\s*(?:[(\uff08]\s*(\d+(?:\.\d+)?)\s*分\s*[)\uff09])?\s*$/;
const FOOTER_ROW = /^(合计|总计|小计|总分)/;

/**
 * A plain 考核细则 (序号 · 考核内容 · 分值 · 评分标准) on the first sheet: the header row found
 * among the first rows, merged group rows (一、…(20分)) as groups, every other row a status item.
 */
export function readPlainTable(raw: RawWorkbook, options: PlainTableOptions): TableRead {
  const places = new PlaceIndex();
  const problems: TableProblem[] = [];
  const sheet = raw.sheets.find((s) => s.visibility === "Visible") ?? raw.sheets[0];
  const data: Record<string, unknown> = {};
  if (!sheet) {
    problems.push(tableProblem({ sheet: "", row: null, column: null }, "no_header"));
    return { data, places, problems };
  }
  const wholeSheet: TablePlace = { sheet: sheet.name, row: null, column: null };
  const found = findHeader(sheet);
  if (!found) {
    problems.push(tableProblem(wholeSheet, "no_header"));
    return { data, places, problems };
  }
  const { row: headerRow, columns } = found;
  const headerText = (field: Field) => {
    const column = columns[field];
    return column === undefined ? null : cellText(sheet, headerRow, column);
  };
  const place = (row: number, field: Field): TablePlace => ({
    sheet: sheet.name,
    row: row + 1,
    column: headerText(field),
  });
  const text = (row: number, field: Field) => cellText(sheet, row, columns[field]);

  const groups: {
    id: string;
    source: string;
    title: LocalizedText;
    sheet: string;
    items: Record<string, unknown>[];
    stated?: number;
    row: number;
  }[] = [];
  const newGroup = (numeral: string, title: string, row: number, stated?: number) => {
    const path = ["groups", groups.length];
    places.set(path, place(row, "title"));
    places.set([...path, "title"], place(row, "title"));
    places.set([...path, "sheet"], place(row, "title"));
    groups.push({
      id: `G${groups.length + 1}`,
      source: numeral,
      title: { zh: title, en: title },
      sheet: sheetNameFrom(numeral ? `${numeral}、${title}` : title),
      items: [],
      ...(stated !== undefined ? { stated } : {}),
      row,
    });
  };

  for (let row = headerRow + 1; row < sheet.rows.length; row++) {
    if (isBlankRow(sheet, row)) continue;
    const cells = (sheet.rows[row] ?? []).map((_, c) => cellText(sheet, row, c)).filter(Boolean);
    const first = cells[0] ?? "";
    if (FOOTER_ROW.test(first.replace(/\s/g, ""))) continue;
    const group = GROUP_ROW.exec(first);
    const title = text(row, "title");
    if (group && (cells.length === 1 || !title || title === first)) {
      const statedText = group[3];
      const pointsCell = cellNumber(sheet, row, columns.points);
      const stated =
        statedText !== undefined
          ? Number(statedText)
          : pointsCell !== undefined && !Number.isNaN(pointsCell)
            ? pointsCell
            : undefined;
      newGroup(group[1] ?? "", group[2] ?? "", row, stated);
      continue;
    }
    if (groups.length === 0) newGroup("", options.title, row);
    const current = groups[groups.length - 1];
    if (!current) continue;
    const path = ["groups", groups.length - 1, "items", current.items.length];
    const seq = text(row, "seq") || String(current.items.length + 1);
    const points = cellNumber(sheet, row, columns.points);
    if (points === undefined || Number.isNaN(points)) {
      problems.push(tableProblem(place(row, "points"), "number_invalid", { value: text(row, "points") }));
      places.mute([...path, "points"]);
    }
    const criteria = text(row, "criteria");
    if (!criteria) {
      problems.push(tableProblem(place(row, "criteria"), "criteria_empty"));
      places.mute([...path, "criteria"]);
    }
    if (!title) {
      problems.push(tableProblem(place(row, "title"), "title_empty"));
      places.mute([...path, "title"]);
    }
    const source = text(row, "source") || (current.source ? `${current.source}、${seq}` : seq);
    current.items.push({
      id: `C${groups.length}.${current.items.length + 1}`,
      source,
      title: { zh: title || "-", en: title || "-" },
      points: points === undefined || Number.isNaN(points) ? 0 : points,
      criteria: { zh: criteria || "-", en: criteria || "-" },
      kind: "status",
      rules: [],
    });
    places.set(path, place(row, "seq"));
    places.set([...path, "id"], place(row, "seq"));
    for (const field of ["source", "title", "points", "criteria"] as const)
      places.set([...path, field], place(row, field));
  }

  for (const group of groups) {
    const sum = group.items.reduce((s, item) => s + (item["points"] as number), 0);
    if (group.stated !== undefined && Math.abs(group.stated - sum) > 1e-9) {
      problems.push(
        tableProblem(place(group.row, "title"), "group_points", {
          group: group.title.zh,
          points: group.stated,
          sum: Math.round(sum * 1000) / 1000,
        }),
      );
    }
  }
  const items = groups.flatMap((g) => g.items);
  if (items.length === 0) problems.push(tableProblem(wholeSheet, "no_items"));
  const total = items.reduce((s, item) => s + (item["points"] as number), 0);
  const title = titleAbove(sheet, headerRow) || options.title;
  places.set(["assessment", "total"], wholeSheet);
  Object.assign(data, {
    id: options.id,
    version: options.version ?? "1.0.0",
    title: { zh: title, en: title },
    source: { title: { zh: title, en: title }, issuer: options.issuer, date: null, file: options.file },
    assessment: {
      total: Math.round(total * 1000) / 1000,
      points: { basis: "source" },
      bands: DEFAULT_BANDS,
      bandsBasis: DEFAULT_BANDS_BASIS,
      passBand: "pass",
      vetoWindowYears: 2,
    },
    inputs: [],
    ledgers: [],
    groups: groups.map(({ id, source, title: groupTitle, sheet: groupSheet, items: groupItems }) => ({
      id,
      source: source || "-",
      title: groupTitle,
      sheet: groupSheet,
      items: groupItems,
    })),
  });
  return { data, places, problems };
}

/** The header row: the first of the top rows naming both 考核内容 and 分值 (by any alias). */
function findHeader(sheet: RawSheet): { row: number; columns: Partial<Record<Field, number>> } | null {
  const last = Math.min(sheet.rows.length, 30);
  for (let row = 0; row < last; row++) {
    const columns: Partial<Record<Field, number>> = {};
    (sheet.rows[row] ?? []).forEach((_, column) => {
      const header = normalizeHeader(cellText(sheet, row, column));
      if (!header) return;
      for (const field of Object.keys(ALIASES) as Field[]) {
        if (columns[field] !== undefined) continue;
        if (ALIASES[field].some((alias) => header.startsWith(alias))) {
          columns[field] = column;
          return;
        }
      }
    });
    if (columns.title !== undefined && columns.points !== undefined) return { row, columns };
  }
  return null;
}

/** The table's title: the first non-empty line above the header (e.g. XX县2024年度法治政府建设考核细则). */
function titleAbove(sheet: RawSheet, headerRow: number): string {
  for (let row = 0; row < headerRow; row++) {
    const text = (sheet.rows[row] ?? []).map((_, c) => cellText(sheet, row, c)).find(Boolean);
    if (text) return text;
  }
  return "";
}

/** A pack id from a file name: its ASCII letters and digits, lower case; `county-table` when none. */
export function packIdFrom(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^[^a-z]+|-+$/g, "");
  return slug || "county-table";
}
