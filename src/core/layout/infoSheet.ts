import type { LocalizedText } from "../pack/schema";
import { INFO_VALUE_COLUMN } from "./layout";

const text = (zh: string, en: string): LocalizedText => ({ zh, en });

/** 基本信息: label (A), value (B, a named cell TZ_<id>), unit (C), help (D), 校验 (E). */
export const INFO_SHEET_COLUMNS = [
  { id: "label", header: text("项目", "Item"), width: 18 },
  { id: "value", header: text("填写", "Value"), width: 20 },
  { id: "unit", header: text("单位", "Unit"), width: 8 },
  { id: "help", header: text("说明", "Notes"), width: 48 },
  { id: "check", header: text("校验", "Check"), width: 40 },
] as const;

export const INFO_COLUMNS = { label: 0, value: INFO_VALUE_COLUMN, unit: 2, help: 3, check: 4 } as const;
