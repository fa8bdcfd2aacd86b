import type { CatalogPair } from "../types";

/** Why an item scored what it scored (src/core/score/reasons.ts REASON_CODES). */
export const reasonsMessages: CatalogPair = {
  "zh-CN": {
    "reason.status.done": "已完成,得满分",
    "reason.status.partial": "部分完成,得一半分",
    "reason.status.notStarted": "未开始,不得分",
    "reason.status.empty": "未填写状态,不得分",
    "reason.status.invalid": "填报有误({errors} 处),填报内容不予认可,不得分",
    "reason.status.notApplicable": "不适用,不计入应得分",
    "reason.indicator.met": "指标已达到,得满分",
    "reason.indicator.notMet": "指标未达到,不得分",
    "reason.indicator.missing": "指标数据未填写或无法识别,不得分",
    "reason.ledger.share": "台账 {total} 条记录中 {passed} 条符合要求,按比例得分",
    "reason.ledger.ruleFailed": "台账 {total} 条记录中 {passed} 条符合要求,但数量或比例要求未达到,不得分",
    "reason.ledger.deduct":
      "台账 {total} 条记录中 {failed} 条不符合要求,每条扣 {perRecord} 分,共扣 {deducted} 分",
    "reason.ledger.empty": "台账没有记录,也未声明本评估年度无此类事项,不得分",
    "reason.ledger.declared": "已声明本评估年度无此类事项,不计入应得分(请评审核实)",
    "reason.item.pending": "待完成:期限 {due} 在评估基准日之后,不计入应得分",
    "reason.item.unitTypeExempt":
      "不适用:原文对此项的要求针对其他类型单位,本单位类型为“{unitType}”,不计入应得分",
    "reason.veto.clear": "未发生",
    "reason.veto.unanswered": "未填写是否发生",
    "reason.veto.inWindow": "在期限内发生(发生日期:{date}),不予认定",
    "reason.veto.undated": "已发生,未填写日期,不予认定",
    "reason.veto.outsideWindow": "发生于 {date},已超出期限,不影响认定",
  },
  "en-US": {
    "reason.status.done": "Done: full points",
    "reason.status.partial": "Partly done: half the points",
    "reason.status.notStarted": "Not started: no points",
    "reason.status.empty": "No status given: no points",
    "reason.status.invalid": "The entry has {errors} error(s), so the claim is not accepted: no points",
    "reason.status.notApplicable": "Not applicable: left out of the applicable points",
    "reason.indicator.met": "Target met: full points",
    "reason.indicator.notMet": "Target not met: no points",
    "reason.indicator.missing": "The figures are missing or unreadable: no points",
    "reason.ledger.share": "{passed} of {total} records meet the requirements: points in proportion",
    "reason.ledger.ruleFailed":
      "{passed} of {total} records meet the requirements, but the count or ratio target is not met: no points",
    "reason.ledger.deduct": "{failed} of {total} records fail: {perRecord} off each, {deducted} in all",
    "reason.ledger.empty": "The ledger has no records and no “no such matters” declaration: no points",
    "reason.ledger.declared":
      "Declared: no such matters this assessment year; left out of the applicable points (to be verified)",
    "reason.item.pending": "Pending: due {due}, after the assessment date; left out of the applicable points",
    "reason.item.unitTypeExempt":
      "Not applicable: the text puts this duty on other kinds of body, and this unit is “{unitType}”; left out of the applicable points",
    "reason.veto.clear": "Did not occur",
    "reason.veto.unanswered": "Not answered",
    "reason.veto.inWindow": "Occurred within the window (on {date}): not eligible",
    "reason.veto.undated": "Occurred, date missing: not eligible",
    "reason.veto.outsideWindow": "Occurred on {date}, outside the window: no effect",
  },
};
