import type { CatalogPair } from "../types";

/** The next 评估年度 (issue 16 item 4): CLI, the 历年 sheet and why each record went where. */
export const rolloverMessages: CatalogPair = {
  "zh-CN": {
    "cli.help.rollover": "从本年度工作簿生成下一评估年度的工作簿(仍有效的记录保留,其余存入“历年”表)",
    "cli.help.rolloverYear": "新的评估年度(须晚于原工作簿的评估年度)",
    "cli.error.badRolloverYear": "新的评估年度“{year}”无效:须为四位年份且晚于原工作簿的评估年度 {from}。",
    "cli.rollover.done":
      "已生成 {year} 年度工作簿 {path}:{carried} 条台账记录转入新年度,{archived} 条记录和上年填报存入“历年”表。",
    "rollover.stillValid": "仍在有效期内,转入新年度",
    "rollover.expired": "已过有效期,存档",
    "rollover.staff": "人员名册,转入新年度",
    "rollover.openCase": "案件未结,转入新年度",
    "rollover.closedCase": "案件已结,存档",
    "rollover.pastYear": "往年事项,存档",
    "rollover.notYetDated": "尚未办结(无往年日期),转入新年度",
    "rollover.contractRunning": "合同尚未到期,转入新年度",
    "rollover.contractEnded": "合同已到期,存档",
    "rollover.veto": "否决情形连同日期保留,两年期限照常计算",
    "rollover.entryReset": "上年度填报,新年度已清空",
    "rollover.inputReset": "上年度填报,新年度已清空",
    "xlsx.rollover.hint": "上年度({year})填报:{entries}",
    "xlsx.rollover.yearTitle": "{year} 年度存档(只读)",
    "xlsx.rollover.infoTitle": "基本信息",
    "xlsx.rollover.input": "项目",
    "xlsx.rollover.value": "填报值",
    "xlsx.rollover.fromRow": "原行号",
    "xlsx.rollover.why": "去向",
  },
  "en-US": {
    "cli.help.rollover":
      "start the next assessment year from this year's workbook (records that still matter carry over, the rest go to the 历年 archive)",
    "cli.help.rolloverYear": "the new assessment year (after the workbook's own)",
    "cli.error.badRolloverYear":
      "The new assessment year “{year}” is not valid: it must be a four-digit year after the workbook's assessment year {from}.",
    "cli.rollover.done":
      "Wrote the {year} workbook {path}: {carried} ledger record(s) carried over, {archived} record(s) and last year's entries kept on the 历年 sheet.",
    "rollover.stillValid": "still valid, carried over",
    "rollover.expired": "validity ended, archived",
    "rollover.staff": "staff list, carried over",
    "rollover.openCase": "case still open, carried over",
    "rollover.closedCase": "case closed, archived",
    "rollover.pastYear": "past year's record, archived",
    "rollover.notYetDated": "not finished (no past date), carried over",
    "rollover.contractRunning": "contract still running, carried over",
    "rollover.contractEnded": "contract ended, archived",
    "rollover.veto": "veto event kept with its date, so its window still counts",
    "rollover.entryReset": "last year's entry; cleared for the new year",
    "rollover.inputReset": "last year's entry; cleared for the new year",
    "xlsx.rollover.hint": "Last year ({year}): {entries}",
    "xlsx.rollover.yearTitle": "{year} archive (read-only)",
    "xlsx.rollover.infoTitle": "Basic information",
    "xlsx.rollover.input": "Input",
    "xlsx.rollover.value": "Value",
    "xlsx.rollover.fromRow": "Row",
    "xlsx.rollover.why": "Where it went",
  },
};
