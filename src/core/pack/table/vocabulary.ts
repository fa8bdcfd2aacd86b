import type { Basis, ColumnType, Input, ItemKind, LedgerScoring } from "../schema";

/**
 * The 细则 workbook's own words: sheet names, headers and the Chinese labels of enumerations.
 * They are the file format (what a coordinator types and what the reader looks for), so they
 * live beside the reader; the help texts shown on the headers come from src/i18n.
 */
export const TABLE_SHEETS = { items: "考核项目", ledgers: "台账", settings: "设置" } as const;

/** Columns of 考核项目, in order. `key` names the help text (`packTable.help.item.<key>`). */
export const ITEM_COLUMNS = [
  { key: "id", header: "编号", width: 10 },
  { key: "source", header: "依据条款", width: 12 },
  { key: "title", header: "考核内容", width: 40 },
  { key: "points", header: "分值", width: 7 },
  { key: "criteria", header: "评分标准", width: 44 },
  { key: "kind", header: "类型", width: 8 },
  { key: "ledger", header: "台账", width: 14 },
  { key: "rules", header: "规则", width: 60 },
  { key: "scoring", header: "计分方式", width: 12 },
  { key: "due", header: "截止日期", width: 12 },
  { key: "sheet", header: "工作表", width: 18 },
  { key: "titleEn", header: "考核内容(英文)", width: 36 },
  { key: "criteriaEn", header: "评分标准(英文)", width: 36 },
] as const;

export const LEDGER_COLUMNS = [
  { key: "ledger", header: "台账编号", width: 16 },
  { key: "column", header: "列编号", width: 18 },
  { key: "name", header: "名称", width: 22 },
  { key: "nameEn", header: "英文名称", width: 22 },
  { key: "type", header: "类型", width: 8 },
  { key: "values", header: "可选值", width: 18 },
  { key: "help", header: "说明", width: 36 },
  { key: "helpEn", header: "说明(英文)", width: 30 },
  { key: "width", header: "列宽", width: 6 },
  { key: "future", header: "可晚于评估日", width: 8 },
  { key: "sheet", header: "工作表", width: 18 },
  { key: "declarable", header: "可声明无此类事项", width: 10 },
] as const;

export const SETTING_COLUMNS = [
  { key: "setting", header: "设置项", width: 16 },
  { key: "value", header: "值", width: 30 },
  { key: "valueEn", header: "英文", width: 30 },
  { key: "basis", header: "依据", width: 10 },
  { key: "note", header: "依据说明", width: 36 },
  { key: "noteEn", header: "依据说明(英文)", width: 36 },
] as const;

export const BAND_COLUMNS = [
  { key: "band", header: "等次编号", width: 16 },
  { key: "min", header: "最低分", width: 30 },
  { key: "label", header: "名称", width: 30 },
  { key: "labelEn", header: "英文名称", width: 10 },
] as const;

export const INPUT_COLUMNS = [
  { key: "input", header: "输入项编号", width: 16 },
  { key: "label", header: "名称", width: 30 },
  { key: "labelEn", header: "英文名称", width: 30 },
  { key: "type", header: "类型", width: 10 },
  { key: "unit", header: "单位", width: 36 },
  { key: "unitEn", header: "单位(英文)", width: 36 },
  { key: "help", header: "说明", width: 10 },
  { key: "helpEn", header: "说明(英文)", width: 10 },
  { key: "values", header: "可选值", width: 30 },
] as const;

/** Rows of the 设置 sheet's first block, each a field of the pack. */
export const SETTING_KEYS = {
  id: "模板编号",
  version: "版本",
  title: "模板名称",
  sourceTitle: "来源文件名称",
  issuer: "发文机关",
  date: "发文日期",
  file: "来源文件",
  total: "总分",
  bandsBasis: "等次依据",
  passBand: "合格等次",
  vetoWindowYears: "否决期限(年)",
  unitLabel: "单位称谓",
} as const;
export type SettingKey = keyof typeof SETTING_KEYS;

/** The 类型 of a 考核项目 row: a group (分组) or an item kind. */
export const GROUP_LABEL = "分组";
export const KIND_LABELS: Readonly<Record<ItemKind, string>> = {
  status: "状态",
  indicator: "指标",
  ledger: "台账",
  veto: "否决",
};
export const COLUMN_TYPE_LABELS: Readonly<Record<ColumnType, string>> = {
  text: "文本",
  date: "日期",
  number: "数字",
  integer: "整数",
  ratio: "比例",
  yesNo: "是否",
  enum: "选项",
};
export const INPUT_TYPE_LABELS: Readonly<Record<Input["type"], string>> = {
  integer: "整数",
  number: "数字",
  ratio: "比例",
  date: "日期",
  text: "文本",
  enum: "选项",
};
export const BASIS_LABELS: Readonly<Record<Basis, string>> = { source: "原文", local: "本地设定" };
export const YES = "是";
export const NO = "否";
export const SHARE_LABEL = "按比例";

/** A label or the English id → the value; undefined when it is neither. */
export function fromLabel<T extends string>(
  labels: Readonly<Record<T, string>>,
  text: string,
): T | undefined {
  const trimmed = text.trim();
  for (const [value, label] of Object.entries(labels) as [T, string][]) {
    if (label === trimmed || value.toLowerCase() === trimmed.toLowerCase()) return value;
  }
  return undefined;
}

/** 计分方式: blank (the default, share), 按比例, or 每条扣N分. */
export function scoringText(scoring: LedgerScoring | undefined): string {
  if (!scoring) return "";
  return scoring.method === "share" ? SHARE_LABEL : `每条扣${scoring.perRecord}分`;
}

export function parseScoring(text: string): LedgerScoring | undefined | "invalid" {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  if (trimmed === SHARE_LABEL || trimmed.toLowerCase() === "share") return { method: "share" };
  const deduct = /^(?:每条|每件|每项)?扣\s*(\d+(?:\.\d+)?)\s*分?$/.exec(trimmed);
  if (deduct) return { method: "deduct", perRecord: Number(deduct[1]) };
  return "invalid";
}

/** 截止日期: YYYY-MM-DD, or 每年MM-DD for a yearly due date. */
export function dueText(due: string | { annual: string } | undefined): string {
  if (due === undefined) return "";
  return typeof due === "string" ? due : `每年${due.annual}`;
}

export function parseDue(text: string): string | { annual: string } | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const annual = /^每年\s*(\d{2}-\d{2})$/.exec(trimmed);
  return annual ? { annual: annual[1] ?? "" } : trimmed;
}

/** 可选值 as one cell: values joined by 、 (split on 、 , ; in either width, and line breaks). */
export const VALUE_SEPARATOR = "、";
export function splitValues(text: string): string[] {
  return text
    .split(/[\u3001,\uff0c;\uff1b\n]/)
    .map((v) => v.trim())
    .filter(Boolean);
}

export function parseYesNo(text: string): boolean | undefined | "invalid" {
  const trimmed = text.trim().toLowerCase();
  if (!trimmed) return undefined;
  if (["是", "yes", "true", "y"].includes(trimmed)) return true;
  if (["否", "no", "false", "n"].includes(trimmed)) return false;
  return "invalid";
}
