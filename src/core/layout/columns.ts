import type { ColumnType, LocalizedText } from "../pack/schema";

/** Values of the 状态 column, as stored in the workbook. */
export const STATUS = {
  done: "完成",
  partial: "部分完成",
  notStarted: "未开始",
  notApplicable: "不适用",
} as const;
export type StatusValue = (typeof STATUS)[keyof typeof STATUS];
export const STATUS_VALUES: readonly StatusValue[] = Object.values(STATUS);

/** Values of yes/no columns, as offered in dropdowns. */
export const YES = "是";
export const NO = "否";

export interface ColumnLayout {
  id: string;
  header: LocalizedText;
  type: ColumnType;
  /** Dropdown values for enum and yesNo columns. */
  values?: readonly string[];
  help?: LocalizedText;
  /** Column width in characters. */
  width: number;
  /** Pre-filled by Taizhang from the pack (编号, 要求, 依据, 分值, 评分标准): the user should not edit it. */
  fixed?: boolean;
  /** Written by Taizhang on every check (校验): never user input. */
  output?: boolean;
}

const text = (zh: string, en: string): LocalizedText => ({ zh, en });

/** The checklist columns, in the fixed order of design.md §4. */
export const CHECKLIST_COLUMNS: readonly ColumnLayout[] = [
  { id: "id", header: text("编号", "ID"), type: "text", width: 10, fixed: true },
  { id: "requirement", header: text("要求", "Requirement"), type: "text", width: 48, fixed: true },
  { id: "clause", header: text("依据", "Clause"), type: "text", width: 12, fixed: true },
  { id: "points", header: text("分值", "Points"), type: "number", width: 7, fixed: true },
  {
    id: "status",
    header: text("状态", "Status"),
    type: "enum",
    values: STATUS_VALUES,
    width: 11,
    help: text(
      "请选择:完成 / 部分完成 / 未开始 / 不适用",
      "Choose: done / partly done / not started / not applicable",
    ),
  },
  {
    id: "doneDate",
    header: text("完成日期", "Completed on"),
    type: "date",
    width: 12,
    help: text("请输入日期,如 2018-04-03", "Enter a date, e.g. 2018-04-03"),
  },
  {
    id: "evidence",
    header: text("佐证材料", "Evidence"),
    type: "text",
    width: 28,
    help: text(
      "填写佐证材料名称或存放位置;状态为“完成”时必填",
      "Name or location of the evidence; required when done",
    ),
  },
  { id: "owner", header: text("责任人", "Owner"), type: "text", width: 10 },
  {
    id: "note",
    header: text("备注", "Note"),
    type: "text",
    width: 24,
    help: text("状态为“不适用”时请在此说明理由", "When not applicable, give the reason here"),
  },
  { id: "check", header: text("校验", "Check"), type: "text", width: 40, output: true },
  // After 校验, so every column a user types in keeps its place in workbooks made before it.
  { id: "criteria", header: text("评分标准", "Scoring standard"), type: "text", width: 40, fixed: true },
];

/** The veto table columns (一票否决情形). */
export const VETO_COLUMNS: readonly ColumnLayout[] = [
  { id: "id", header: text("编号", "ID"), type: "text", width: 10, fixed: true },
  { id: "requirement", header: text("否决情形", "Veto condition"), type: "text", width: 56, fixed: true },
  { id: "clause", header: text("依据", "Clause"), type: "text", width: 12, fixed: true },
  {
    id: "occurred",
    header: text("是否发生", "Occurred"),
    type: "yesNo",
    values: [YES, NO],
    width: 10,
    help: text("近两年内是否发生该情形:是 / 否", "Did this happen within the window: yes / no"),
  },
  {
    id: "eventDate",
    header: text("发生日期", "Date"),
    type: "date",
    width: 12,
    help: text("发生时填写日期,如 2018-04-03", "If it happened, its date, e.g. 2018-04-03"),
  },
  { id: "note", header: text("情况说明", "Details"), type: "text", width: 30 },
  { id: "check", header: text("校验", "Check"), type: "text", width: 40, output: true },
];

/** The check column that closes every ledger. */
export const CHECK_COLUMN: ColumnLayout = CHECKLIST_COLUMNS.find((c) => c.id === "check") as ColumnLayout;
